/** One row of the thread: a day separator, a message bubble (with delivery status), or an outbox entry's bubble
 * (with Retry / Discard when it failed). */
import { Badge, Button, Group, Text } from '@mantine/core'
import { IconAlertTriangle, IconCheck, IconChecks, IconClock } from '@tabler/icons-react'
import { notifications } from '@mantine/notifications'
import dayjs from 'dayjs'
import type { Message } from '../../../shared/api/schemas'
import type { OutboxEntry } from '../../../shared/ipc/contract'
import { call, errorMessage } from '../bridge/client'
import { giveBackReply } from '../composer/giveBack'
import { MessageText } from './MessageText'
import { explainFailure, type ThreadRow } from './rows'
import classes from './Thread.module.css'

export function RowView({ row }: { row: ThreadRow }) {
  if (row.kind === 'day') {
    return (
      <div className={classes.day}>
        <Badge variant="default" size="md" tt="none" fw={500} role="separator" aria-label={dayLabel(row.day)}>
          {dayLabel(row.day)}
        </Badge>
      </div>
    )
  }
  if (row.kind === 'pending') return <PendingBubble entry={row.entry} />
  return <MessageBubble message={row.message} />
}

function dayLabel(day: string): string {
  const date = dayjs(day)
  const today = dayjs().startOf('day')
  if (date.isSame(today, 'day')) return 'Today'
  if (date.isSame(today.subtract(1, 'day'), 'day')) return 'Yesterday'
  return date.format(date.year() === today.year() ? 'dddd D MMMM' : 'D MMMM YYYY')
}

function MessageBubble({ message }: { message: Message }) {
  const outbound = message.direction === 'outbound'
  const time = dayjs(message.date).format('HH:mm')
  return (
    <div
      className={classes.bubble}
      data-direction={message.direction}
      data-failed={message.status === 'failed' || undefined}
      data-message-id={message.id}
    >
      <Text size="sm" dir="auto" component="div" style={{ whiteSpace: 'pre-wrap' }}>
        {message.content.type === 'text' ? (
          <MessageText text={message.content.text} />
        ) : (
          <Text span fs="italic" c="dimmed" size="sm">
            A {message.content.type} message (not shown here){message.content.text ? `: ${message.content.text}` : ''}
          </Text>
        )}
      </Text>
      <div className={classes.meta}>
        <span className="visually-hidden">{outbound ? 'Sent by you at' : 'Received at'}</span>
        <time dateTime={message.date}>{time}</time>
        {outbound && <OutboundStatus status={message.status} />}
      </div>
      {message.status === 'failed' && (
        <Text size="xs" className="tone-danger" mt={4} role="note">
          {explainFailure(message.error)}
        </Text>
      )}
    </div>
  )
}

function OutboundStatus({ status }: { status: Message['status'] }) {
  switch (status) {
    case 'queued':
      return (
        <span>
          <IconClock size={14} aria-hidden /> Queued
        </span>
      )
    case 'sent':
      return (
        <span>
          <IconCheck size={14} aria-hidden /> Sent
        </span>
      )
    case 'delivered':
      return (
        <span>
          <IconChecks size={14} aria-hidden /> Delivered
        </span>
      )
    case 'read':
      return (
        <span className="tone-info">
          <IconChecks size={14} aria-hidden /> Read
        </span>
      )
    case 'failed':
      return (
        <span className="tone-danger">
          <IconAlertTriangle size={14} aria-hidden /> Failed
        </span>
      )
    case 'unknown':
      // A status the server has and this version does not know: neutral, not an error.
      return <span>Status unknown</span>
    default:
      return null
  }
}

function PendingBubble({ entry }: { entry: OutboxEntry }) {
  // Unconfirmed: the outbox could not read the thread to learn whether it went; the agent decides (docs/outbox.md).
  const unconfirmed = entry.state === 'unconfirmed'
  const failed = entry.state === 'failed' || unconfirmed
  const label =
    entry.state === 'sending'
      ? 'Sending…'
      : entry.state === 'accepted'
        ? 'Sent'
        : entry.state === 'failed'
          ? 'Not sent'
          : unconfirmed
            ? 'Not confirmed'
            : entry.attempts > 0
              ? 'Queued, retrying'
              : 'Queued'
  const act = (channel: 'retryOutboxEntry' | 'discardOutboxEntry') =>
    call(channel, { clientId: entry.clientId })
      .then(() => {
        if (channel !== 'discardOutboxEntry' || giveBackReply(entry.chatId, entry.text)) return
        // No reply box for it: keep the text as the conversation's draft.
        return call('setDraft', { chatId: entry.chatId, text: entry.text })
      })
      .catch((error: unknown) =>
        notifications.show({ color: 'red', title: 'The outbox did not answer', message: errorMessage(error) }),
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
        <time dateTime={entry.createdAt}>{dayjs(entry.createdAt).format('HH:mm')}</time>
        <span className={failed ? 'tone-danger' : undefined}>
          {failed ? <IconAlertTriangle size={14} aria-hidden /> : <IconClock size={14} aria-hidden />} {label}
        </span>
      </div>
      {failed && (
        <>
          <Text size="xs" className="tone-danger" mt={4} role="note">
            {entry.error?.message ?? 'The server refused this reply.'}
          </Text>
          <Group gap="xs" mt={6} justify="flex-end">
            <Button
              size="compact-xs"
              variant="default"
              title="Remove it from the outbox; its text goes back into the reply box"
              onClick={() => void act('discardOutboxEntry')}
            >
              Discard
            </Button>
            <Button size="compact-xs" onClick={() => void act('retryOutboxEntry')}>
              {unconfirmed ? 'Resend' : 'Retry'}
            </Button>
          </Group>
        </>
      )}
    </div>
  )
}
