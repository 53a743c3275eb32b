/**
 * The conversation list: virtualized (the DOM holds only the visible rows, so
 * 10,000 conversations scroll smoothly), a listbox for assistive technology,
 * with loading (skeleton), empty and error states.
 */
import { useTranslation } from 'react-i18next'
import { type KeyboardEvent, useEffect, useLayoutEffect, useRef } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { Conversation } from '../../../shared/api/schemas'
import type { RowGesture } from '../bulk/useBulkSelection'
import classes from './ConversationList.module.css'
import { ConversationRow, ROW_HEIGHT } from './ConversationRow'
import { ListEmpty, ListLoadError, ListLoading } from './ListStates'

/** User Timing marks (read by `npm run bench`, seen in DevTools): the list's first rows committed to the DOM,
 * then painted. */
export const LIST_RENDERED_MARK = 'inbox-desk:conversations-rendered'
export const LIST_PAINTED_MARK = 'inbox-desk:conversations-painted'

/** Marks the first paint of the list's rows: a message posted from a frame's requestAnimationFrame callback
 * runs after that frame has been painted. */
function useFirstPaintMark(hasRows: boolean, count: number) {
  const marked = useRef(false)
  useLayoutEffect(() => {
    if (!hasRows || marked.current) return
    marked.current = true
    performance.mark(LIST_RENDERED_MARK, { detail: { count } })
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => performance.mark(LIST_PAINTED_MARK, { detail: { count } })
      channel.port2.postMessage(null)
    })
  }, [hasRows, count])
}

/** The listbox's own keys: arrows move the cursor, Enter opens its row (J/K and the rest: ../shell). */
function listKeyDown(event: KeyboardEvent, onMove: (delta: number) => void, onOpenActive: () => void): void {
  const delta = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0
  if (delta !== 0) {
    event.preventDefault()
    onMove(delta)
  } else if (event.key === 'Enter') {
    event.preventDefault()
    onOpenActive()
  }
}

interface ConversationListProps {
  conversations: readonly Conversation[]
  status: 'pending' | 'error' | 'success'
  error: unknown
  onRetry: () => void
  activeId: string | null
  openId: string | null
  drafts: Record<string, string> | undefined
  now: number
  emptyMessage: string
  onOpen: (chatId: string) => void
  /** The bulk selection (../bulk), and a checkbox or Shift/Ctrl/Cmd+click on a row. */
  selectedIds: ReadonlySet<string>
  onGesture: (chatId: string, gesture: RowGesture) => void
  onMove: (delta: number) => void
  onOpenActive: () => void
}

export function ConversationList({
  conversations,
  status,
  error,
  onRetry,
  activeId,
  openId,
  drafts,
  now,
  emptyMessage,
  onOpen,
  selectedIds,
  onGesture,
  onMove,
  onOpenActive,
}: ConversationListProps) {
  const { t } = useTranslation()
  const scrollerRef = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions by design
  const virtualizer = useVirtualizer({
    count: conversations.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => conversations[index]?.id ?? index,
    overscan: 4,
  })

  useFirstPaintMark(status === 'success' && conversations.length > 0, conversations.length)

  const activeIndex = activeId ? conversations.findIndex((c) => c.id === activeId) : -1
  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' })
  }, [activeIndex, virtualizer])

  if (status === 'pending') return <ListLoading />
  if (status === 'error') return <ListLoadError error={error} onRetry={onRetry} />
  if (conversations.length === 0) return <ListEmpty message={emptyMessage} />

  return (
    <div
      ref={scrollerRef}
      className={classes.scroller}
      role="listbox"
      aria-label={t('list.label')}
      tabIndex={0}
      aria-activedescendant={activeId ? `conversation-${activeId}` : undefined}
      data-testid="conversation-list"
      onKeyDown={(event) => listKeyDown(event, onMove, onOpenActive)}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const conversation = conversations[item.index]!
          return (
            <div
              key={item.key}
              style={{ position: 'absolute', top: item.start, left: 0, right: 0, height: ROW_HEIGHT }}
            >
              <ConversationRow
                conversation={conversation}
                active={conversation.id === activeId}
                open={conversation.id === openId}
                draft={drafts?.[conversation.id]}
                now={now}
                checked={selectedIds.has(conversation.id)}
                selecting={selectedIds.size > 0}
                onClick={onOpen}
                onGesture={onGesture}
              />
            </div>
          )
        })}
      </div>
    </div>
  )
}
