/**
 * The thread's messages, virtualized with measured heights. Loading an older
 * page keeps the view where it was (the prepended height is added to the
 * scroll offset); new messages follow the bottom only when the agent is there.
 */
import { useTranslation } from 'react-i18next'
import { useMemo, useRef } from 'react'
import { Alert, Button, Center, Group, Loader, Text } from '@mantine/core'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { Message } from '../../../shared/api/schemas'
import type { OutboxEntry } from '../../../shared/ipc/contract'
import { buildThreadRows } from './rows'
import classes from './Thread.module.css'
import { RowView } from './ThreadRowView'
import { type PageLoading, type ScrollFocus, useAnchoredScroll } from './useAnchoredScroll'
import { useJumpToDivider } from './useJumpToDivider'

export function MessageList({
  chatId,
  contactName,
  messages,
  pending,
  firstUnreadId,
  older,
  newer,
  focus,
}: {
  chatId: string
  contactName: string
  messages: readonly Message[]
  pending: readonly OutboxEntry[]
  /** Where the "New messages" divider goes (null: none). */
  firstUnreadId: number | null
  /** Older pages (on scroll up), newer ones (on scroll down, around a search result). */
  older: PageLoading
  newer: PageLoading
  /** A search result's message: scrolled to and highlighted. */
  focus: ScrollFocus | null
}) {
  const { t } = useTranslation()
  const rows = useMemo(() => buildThreadRows(messages, pending, firstUnreadId), [messages, pending, firstUnreadId])
  const scrollerRef = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions by design
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: (index) => (rows[index]?.kind === 'day' ? 44 : 76),
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 8,
  })

  useJumpToDivider(chatId, rows, virtualizer, scrollerRef)
  const onScroll = useAnchoredScroll({ rows, virtualizer, scrollerRef, older, newer, focus })

  if (rows.length === 0) {
    return (
      <Center style={{ flex: 1 }}>
        <Text c="dimmed">{t('thread.noMessages')}</Text>
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
      aria-label={t('thread.messages', { name: contactName })}
      data-testid="message-list"
      data-chat-id={chatId}
    >
      <PageStatus paging={older} label={t('thread.olderLoading')} errorKey="thread.olderError" edge="top" />
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
              <RowView row={row} highlighted={row.kind === 'message' && row.message.id === focus?.messageId} />
            </div>
          )
        })}
      </div>
      <PageStatus paging={newer} label={t('thread.newerLoading')} errorKey="thread.newerError" edge="bottom" />
    </div>
  )
}

/** Sticky at its edge while a page loads there, or when it failed (with Retry). */
function PageStatus({
  paging,
  label,
  errorKey,
  edge,
}: {
  paging: PageLoading
  label: string
  errorKey: 'thread.olderError' | 'thread.newerError'
  edge: 'top' | 'bottom'
}) {
  const { t } = useTranslation()
  if (!paging.loading && !paging.error) return null
  return (
    <Group justify="center" p="xs" style={{ position: 'sticky', [edge]: 0, zIndex: 2 }}>
      {paging.loading ? (
        <Loader size="sm" aria-label={label} />
      ) : (
        <Alert color="red" role="alert" py={4}>
          <Group gap="xs">
            <Text size="sm">{t(errorKey, { error: paging.error })}</Text>
            <Button size="xs" variant="default" onClick={paging.load}>
              {t('common.retry')}
            </Button>
          </Group>
        </Alert>
      )}
    </Group>
  )
}
