/**
 * N jumps to the "New messages" divider: the virtualizer brings its row in, then the divider takes focus (so a
 * screen reader says "New messages" and the arrow keys scroll from there).
 */
import { type RefObject, useEffect } from 'react'
import type { Virtualizer } from '@tanstack/react-virtual'
import { onJumpToNewMessages } from './jumpToNew'
import type { ThreadRow } from './rows'

/** Frames to wait for the virtualizer to render the divider's row after scrolling to it. */
const MAX_FRAMES = 30

function focusDividerWhenShown(scroller: HTMLElement | null, frame = 0): void {
  const divider = scroller?.querySelector<HTMLElement>('[data-unread-divider]')
  if (divider) {
    divider.focus({ preventScroll: true })
    return
  }
  if (frame < MAX_FRAMES) requestAnimationFrame(() => focusDividerWhenShown(scroller, frame + 1))
}

export function useJumpToDivider(
  chatId: string,
  rows: readonly ThreadRow[],
  virtualizer: Virtualizer<HTMLDivElement, Element>,
  scrollerRef: RefObject<HTMLDivElement | null>,
): void {
  useEffect(
    () =>
      onJumpToNewMessages((target) => {
        if (target !== chatId) return false
        const index = rows.findIndex((row) => row.kind === 'unread')
        if (index === -1) return false
        virtualizer.scrollToIndex(index, { align: 'start' })
        requestAnimationFrame(() => focusDividerWhenShown(scrollerRef.current))
        return true
      }),
    [chatId, rows, virtualizer, scrollerRef],
  )
}
