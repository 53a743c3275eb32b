/**
 * Keeps the thread still while its rows change: on first show it goes to the bottom, an older page prepended
 * shifts the offset by its height, and new rows at the end follow only when the agent was at the bottom.
 * A search result's message (`focus`), once its row is there, is scrolled to the middle instead, once per pick.
 * Scrolling near the top asks for the older page; near the bottom, around a search result, for the newer one.
 */
import { type RefObject, useLayoutEffect, useRef } from 'react'
import type { Virtualizer } from '@tanstack/react-virtual'
import type { ThreadRow } from './rows'

const NEAR_TOP_PX = 300
const NEAR_BOTTOM_PX = 120

export interface ScrollFocus {
  messageId: number
  nonce: number
}

export interface PageLoading {
  has: boolean
  loading: boolean
  error: string | null
  load: () => void
}

export function useAnchoredScroll({
  rows,
  virtualizer,
  scrollerRef,
  older,
  newer,
  focus,
}: {
  rows: readonly ThreadRow[]
  virtualizer: Virtualizer<HTMLDivElement, Element>
  scrollerRef: RefObject<HTMLDivElement | null>
  older: PageLoading
  newer: PageLoading
  focus: ScrollFocus | null
}): () => void {
  // Where we were before this render, to keep the view still when rows change.
  const before = useRef<{
    firstKey: string | null
    lastKey: string | null
    total: number
    atBottom: boolean
    hasNewer: boolean
  }>({ firstKey: null, lastKey: null, total: 0, atBottom: true, hasNewer: false })
  const focused = useRef<number | null>(null)

  useLayoutEffect(() => {
    const scroller = scrollerRef.current
    // The first message, not the first row: a day separator keeps its key when
    // older messages of the same day are put under it.
    const firstKey = rows.find((row) => row.kind !== 'day')?.key ?? null
    const lastKey = rows.at(-1)?.key ?? null
    const previous = before.current
    const total = virtualizer.getTotalSize()
    const focusIndex =
      focus && focused.current !== focus.nonce ? rows.findIndex((row) => row.key === `m-${focus.messageId}`) : -1
    if (scroller && rows.length > 0) {
      if (focusIndex >= 0) {
        focused.current = focus!.nonce
        virtualizer.scrollToIndex(focusIndex, { align: 'center' })
        before.current.atBottom = false
      } else if (previous.firstKey === null) {
        virtualizer.scrollToIndex(rows.length - 1, { align: 'end' })
      } else if (firstKey !== previous.firstKey && rows.some((row) => row.key === previous.firstKey)) {
        // Older rows were prepended: shift by their height so nothing jumps.
        scroller.scrollTop += total - previous.total
      } else if (lastKey !== previous.lastKey && previous.atBottom && !previous.hasNewer) {
        virtualizer.scrollToIndex(rows.length - 1, { align: 'end' })
      }
    }
    before.current = { ...before.current, firstKey, lastKey, total, hasNewer: newer.has }
  }, [rows, virtualizer, scrollerRef, focus, newer.has])

  const onScroll = () => {
    const scroller = scrollerRef.current
    if (!scroller) return
    const fromBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight
    before.current.atBottom = fromBottom < NEAR_BOTTOM_PX
    if (scroller.scrollTop < NEAR_TOP_PX && older.has && !older.loading && !older.error) older.load()
    if (fromBottom < NEAR_TOP_PX && newer.has && !newer.loading && !newer.error) newer.load()
  }
  return onScroll
}
