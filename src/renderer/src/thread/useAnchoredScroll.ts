/**
 * Keeps the thread still while its rows change: on first show it goes to the bottom, an older page prepended
 * shifts the offset by its height, and new rows at the end follow only when the agent was at the bottom.
 * Scrolling near the top asks for the older page.
 */
import { type RefObject, useLayoutEffect, useRef } from 'react'
import type { Virtualizer } from '@tanstack/react-virtual'
import type { ThreadRow } from './rows'

const NEAR_TOP_PX = 300
const NEAR_BOTTOM_PX = 120

export function useAnchoredScroll({
  rows,
  virtualizer,
  scrollerRef,
  hasOlder,
  loadingOlder,
  olderError,
  onLoadOlder,
}: {
  rows: readonly ThreadRow[]
  virtualizer: Virtualizer<HTMLDivElement, Element>
  scrollerRef: RefObject<HTMLDivElement | null>
  hasOlder: boolean
  loadingOlder: boolean
  olderError: string | null
  onLoadOlder: () => void
}): () => void {
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
  }, [rows, virtualizer, scrollerRef])

  const onScroll = () => {
    const scroller = scrollerRef.current
    if (!scroller) return
    before.current.atBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < NEAR_BOTTOM_PX
    if (scroller.scrollTop < NEAR_TOP_PX && hasOlder && !loadingOlder && !olderError) onLoadOlder()
  }
  return onScroll
}
