/**
 * The thread's messages, virtualized with measured heights. Loading an older
 * page keeps the view where it was (the prepended height is added to the
 * scroll offset); new messages follow the bottom only when the agent is there.
 */
import { useLayoutEffect, useMemo, useRef } from 'react'
import { Alert, Badge, Button, Center, Group, Loader, Text } from '@mantine/core'
import { IconAlertTriangle, IconCheck, IconChecks, IconClock } from '@tabler/icons-react'
import { useVirtualizer } from '@tanstack/react-virtual'
import dayjs from 'dayjs'
import type { Message } from '../../../shared/api/schemas'
import type { OutboxEntry } from '../../../shared/ipc/contract'
import { notifications } from '@mantine/notifications'
import { call, errorMessage } from '../bridge/client'
import { giveBackReply } from '../composer/giveBack'
import { MessageText } from './MessageText'
import { buildThreadRows, explainFailure, type ThreadRow } from './rows'
import classes from './Thread.module.css'

const NEAR_TOP_PX = 300
const NEAR_BOTTOM_PX = 120

export function MessageList({
  chatId,
  contactName,
  messages,
  pending,
  hasOlder,
  loadingOlder,
  olderError,
  onLoadOlder,
}: {
  chatId: string
  contactName: string
  messages: readonly Message[]
  pending: readonly OutboxEntry[]
  hasOlder: boolean
  loadingOlder: boolean
  olderError: string | null
  onLoadOlder: () => void
}) {
  const rows = useMemo(() => buildThreadRows(messages, pending), [messages, pending])
  const scrollerRef = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions by design
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: (index) => (rows[index]?.kind === 'day' ? 44 : 76),
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 8,
  })

  // Where we were before this render, to keep the view still when rows change.
  const before = useRef<{ firstKey: string | null; lastKey: string | null; total: number; atBottom: boolean }>({
    firstKey: null,
    lastKey: null,
    total: 0,
    atBottom: true,
  })

  useLayoutEffect(() => {
    const scroller = scrollerRef.current
    // The first message, not the first row: a day separator keeps its key when
    // older messages of the same day are put under it.
    const firstKey = rows.find((row) => row.kind !== 'day')?.key ?? null
    const lastKey = rows.at(-1)?.key ?? null
    const previous = before.current
    const total = virtualizer.getTotalSize()
    if (scroller && rows.length > 0) {
      if (previous.firstKey === null) {
        virtualizer.scrollToIndex(rows.length - 1, { align: 'end' })
      } else if (firstKey !== previous.firstKey && rows.some((row) => row.key === previous.firstKey)) {
        // Older rows were prepended: shift by their height so nothing jumps.
        scroller.scrollTop += total - previous.total
      } else if (lastKey !== previous.lastKey && previous.atBottom) {
        virtualizer.scrollToIndex(rows.length - 1, { align: 'end' })
      }
    }
    before.current = { ...before.current, firstKey, lastKey, total }
  }, [rows, virtualizer])

  const onScroll = () => {
    const scroller = scrollerRef.current
    if (!scroller) return
    before.current.atBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < NEAR_BOTTOM_PX
    if (scroller.scrollTop < NEAR_TOP_PX && hasOlder && !loadingOlder && !olderError) onLoadOlder()
  }

  if (rows.length === 0) {
    return (
      <Center style={{ flex: 1 }}>
        <Text c="dimmed">No messages yet.</Text>
      </Center>
    )
  }

  return (
    <div
      ref={scrollerRef}
      className={classes.scroller}
      onScroll={onScroll}
      tabIndex={0}
      role="region"
      aria-label={`Messages with ${contactName}`}
      data-testid="message-list"
      data-chat-id={chatId}
    >
      {(loadingOlder || olderError) && (
        <Group justify="center" p="xs" style={{ position: 'sticky', top: 0, zIndex: 2 }}>
          {loadingOlder ? (
            <Loader size="sm" aria-label="Loading older messages" />
          ) : (
            <Alert color="red" role="alert" py={4}>
              <Group gap="xs">
                <Text size="sm">Older messages did not load: {olderError}</Text>
                <Button size="xs" variant="default" onClick={onLoadOlder}>
                  Retry
                </Button>
              </Group>
            </Alert>
          )}
        </Group>
      )}
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]!
          return (
            <div
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className={classes.rowWrap}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <RowView row={row} />
            </div>
          )
        })}
      </div>
    </div>
  )
}

function RowView({ row }: { row: ThreadRow }) {
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
