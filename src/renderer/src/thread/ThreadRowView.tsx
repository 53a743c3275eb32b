/** One row of the thread: a day separator, a message bubble (with delivery status), or an outbox entry's bubble
 * (with Retry / Discard when it failed). */
import { useTranslation } from 'react-i18next'
import { Badge, Button, Group, Text } from '@mantine/core'
import { IconAlertTriangle, IconCheck, IconChecks, IconClock } from '@tabler/icons-react'
import { notifications } from '@mantine/notifications'
import dayjs from 'dayjs'
import type { Message } from '../../../shared/api/schemas'
import type { OutboxEntry } from '../../../shared/ipc/contract'
import { useQueryClient } from '@tanstack/react-query'
import { call, errorMessage } from '../bridge/client'
import { useSyncStatus } from '../bridge/queries'
import { giveBackReply } from '../composer/giveBack'
import { useFormat } from '../i18n/format'
import { MessageText } from './MessageText'
import { explainFailure, type ThreadRow } from './rows'
import classes from './Thread.module.css'

export function RowView({ row, highlighted = false }: { row: ThreadRow; highlighted?: boolean }) {
  if (row.kind === 'day') return <DaySeparator day={row.day} />
  if (row.kind === 'pending') return <PendingBubble entry={row.entry} />
  if (row.kind === 'unread') return <NewMessagesDivider />
  return <MessageBubble message={row.message} highlighted={highlighted} />
}

function DaySeparator({ day }: { day: string }) {
  const { t } = useTranslation()
  const format = useFormat()
  const date = dayjs(day)
  const today = dayjs().startOf('day')
  const label = date.isSame(today, 'day')
    ? t('thread.today')
    : date.isSame(today.subtract(1, 'day'), 'day')
      ? t('thread.yesterday')
      : format.day(date.toDate(), date.year() === today.year())
  return (
    <div className={classes.day}>
      <Badge variant="default" size="md" tt="none" fw={500} role="separator" aria-label={label}>
        {label}
      </Badge>
    </div>
  )
}

/** Where the messages unread at open begin: a heading (screen readers list it; not a focusable separator, which
 * ARIA reserves for splitters), focusable for N but not in the Tab order. */
function NewMessagesDivider() {
  const { t } = useTranslation()
  return (
    <div className={classes.unread} role="heading" aria-level={3} tabIndex={-1} data-unread-divider="">
      {t('thread.newMessages')}
    </div>
  )
}

/** `highlighted`: the message a search result opened the thread at. */
function MessageBubble({ message, highlighted }: { message: Message; highlighted: boolean }) {
  const { t } = useTranslation()
  const outbound = message.direction === 'outbound'
  const time = useFormat().time(message.date)
  return (
    <div
      className={classes.bubble}
      data-direction={message.direction}
      data-failed={message.status === 'failed' || undefined}
      data-message-id={message.id}
      data-highlighted={highlighted || undefined}
      aria-current={highlighted || undefined}
    >
      {highlighted && <span className="visually-hidden">{t('thread.searchResult')}</span>}
      <Text size="sm" dir="auto" component="div" style={{ whiteSpace: 'pre-wrap' }}>
        {message.content.type === 'text' ? (
          <MessageText text={message.content.text} />
        ) : (
          <Text span fs="italic" c="dimmed" size="sm">
            {t('thread.nonText', { type: message.content.type })}
            {message.content.text ? `: ${message.content.text}` : ''}
          </Text>
        )}
      </Text>
      <div className={classes.meta}>
        <span className="visually-hidden">{outbound ? t('thread.sentAt') : t('thread.receivedAt')}</span>
        <time dateTime={message.date}>{time}</time>
        {outbound && <OutboundStatus status={message.status} />}
      </div>
      {message.status === 'failed' && (
        <Text size="xs" className="tone-danger" mt={4} role="note">
          {explainFailure(t, message.error)}
        </Text>
      )}
    </div>
  )
}

function OutboundStatus({ status }: { status: Message['status'] }) {
  const { t } = useTranslation()
  switch (status) {
    case 'queued':
      return (
        <span>
          <IconClock size={14} aria-hidden /> {t('status.queued')}
        </span>
      )
    case 'sent':
      return (
        <span>
          <IconCheck size={14} aria-hidden /> {t('status.sent')}
        </span>
      )
    case 'delivered':
      return (
        <span>
          <IconChecks size={14} aria-hidden /> {t('status.delivered')}
        </span>
      )
    case 'read':
      return (
        <span className="tone-info">
          <IconChecks size={14} aria-hidden /> {t('status.read')}
        </span>
      )
    case 'failed':
      return (
        <span className="tone-danger">
          <IconAlertTriangle size={14} aria-hidden /> {t('status.failed')}
        </span>
      )
    case 'unknown':
      // A status the server has and this version does not know: neutral, not an error.
      return <span>{t('status.unknown')}</span>
    default:
      return null
  }
}

function PendingBubble({ entry }: { entry: OutboxEntry }) {
  // Unconfirmed: the outbox could not read the thread to learn whether it went; the agent decides (docs/outbox.md).
  const unconfirmed = entry.state === 'unconfirmed'
  const failed = entry.state === 'failed' || unconfirmed
  const { t } = useTranslation()
  const format = useFormat()
  const { data: sync } = useSyncStatus(useQueryClient())
  // Offline (or the server out of reach), a waiting reply says when it will go rather than only "Queued".
  const unreachable =
    sync?.state === 'offline' ||
    (sync?.state === 'backoff' && ['network', 'timeout', 'proxy'].includes(sync.error?.kind ?? ''))
  const waitingForNetwork = unreachable && (entry.state === 'pending' || entry.state === 'sending')
  // Refused by this computer's disk (full, read-only): held in memory, saved again by main until it works.
  const notSaved = entry.notSaved !== null && !failed
  const label = notSaved
    ? t('status.notSavedYet')
    : waitingForNetwork
      ? t('status.willSendOnline')
      : entry.state === 'sending'
        ? t('status.sending')
        : entry.state === 'accepted'
          ? t('status.sent')
          : entry.state === 'failed'
            ? t('status.notSent')
            : unconfirmed
              ? t('status.notConfirmed')
              : entry.attempts > 0
                ? t('status.retrying')
                : t('status.queued')
  const act = (channel: 'retryOutboxEntry' | 'discardOutboxEntry') =>
    call(channel, { clientId: entry.clientId })
      .then(() => {
        if (channel !== 'discardOutboxEntry' || giveBackReply(entry.chatId, entry.text)) return
        // No reply box for it: keep the text as the conversation's draft.
        return call('setDraft', { chatId: entry.chatId, text: entry.text })
      })
      .catch((error: unknown) =>
        notifications.show({ color: 'red', title: t('outbox.noAnswer'), message: errorMessage(error) }),
      )
  return (
    <div
      className={classes.bubble}
      data-direction="outbound"
      data-failed={failed || undefined}
      data-client-id={entry.clientId}
    >
      <Text size="sm" dir="auto" component="div" style={{ whiteSpace: 'pre-wrap' }}>
        {entry.text}
      </Text>
      <div className={classes.meta}>
        <time dateTime={entry.createdAt}>{format.time(entry.createdAt)}</time>
        <span className={failed ? 'tone-danger' : notSaved ? 'tone-warn' : undefined}>
          {failed ? <IconAlertTriangle size={14} aria-hidden /> : <IconClock size={14} aria-hidden />} {label}
        </span>
      </div>
      {notSaved && (
        <Text size="xs" className="tone-warn" mt={4} role="note">
          {errorMessage(entry.notSaved!)}
        </Text>
      )}
      {failed && (
        <>
          <Text size="xs" className="tone-danger" mt={4} role="note">
            {entry.error ? errorMessage(entry.error) : t('outbox.refused')}
          </Text>
          <Group gap="xs" mt={6} justify="flex-end">
            <Button
              size="compact-xs"
              variant="default"
              title={t('outbox.discardHint')}
              onClick={() => void act('discardOutboxEntry')}
            >
              {t('outbox.discard')}
            </Button>
            <Button size="compact-xs" onClick={() => void act('retryOutboxEntry')}>
              {unconfirmed ? t('outbox.resend') : t('common.retry')}
            </Button>
          </Group>
        </>
      )}
    </div>
  )
}
