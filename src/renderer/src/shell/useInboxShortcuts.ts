/**
 * The inbox's single-key shortcuts (J/K move, Enter opens, E archives, A assigns, R replies, U marks read,
 * N jumps to the new messages, Z snoozes, / or Ctrl/Cmd+F searches, ? lists them; for bulk actions X selects the
 * row under the cursor, Shift+J/K extend the selection, Esc clears it). Ignored while typing,
 * inside a dialog, or with a modifier held
 * (except Ctrl/Cmd+F, which works everywhere).
 */
import { useEffect, useRef } from 'react'

export interface ShortcutHandlers {
  move: (delta: number) => void
  openActive: () => void
  toggleArchive: () => void
  openAssign: () => void
  focusComposer: () => void
  markOpenRead: () => void
  /** To the open thread's "New messages" divider. */
  jumpToNew: () => void
  /** The open conversation's snooze picker. */
  snooze: () => void
  focusSearch: () => void
  showCheatSheet: () => void
  /** Bulk selection (../bulk): X, Shift+J/K, Esc. */
  toggleSelect: () => void
  extendSelection: (delta: 1 | -1) => void
  /** False when nothing was selected (Esc is then left to whatever else listens). */
  clearSelection: () => boolean
}

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

/** Runs the shortcut for `event.key`; false when the key is not one (or Enter away from the page body). */
function runShortcut(event: KeyboardEvent, handlers: ShortcutHandlers): boolean {
  switch (event.key) {
    case 'j':
    case 'J':
      if (event.shiftKey) handlers.extendSelection(1)
      else handlers.move(1)
      return true
    case 'k':
    case 'K':
      if (event.shiftKey) handlers.extendSelection(-1)
      else handlers.move(-1)
      return true
    case 'x':
    case 'X':
      handlers.toggleSelect()
      return true
    case 'Escape':
      return handlers.clearSelection()
    case 'Enter':
      if (event.target !== document.body) return false
      handlers.openActive()
      return true
    case 'e':
    case 'E':
      handlers.toggleArchive()
      return true
    case 'a':
    case 'A':
      handlers.openAssign()
      return true
    case 'r':
    case 'R':
      handlers.focusComposer()
      return true
    case 'u':
    case 'U':
      handlers.markOpenRead()
      return true
    case 'n':
    case 'N':
      handlers.jumpToNew()
      return true
    case 'z':
    case 'Z':
      handlers.snooze()
      return true
    case '/':
      handlers.focusSearch()
      return true
    case '?':
      handlers.showCheatSheet()
      return true
    default:
      return false
  }
}

export function useInboxShortcuts(handlers: ShortcutHandlers): void {
  // The listener is added once and always calls the latest handlers.
  const latest = useRef(handlers)
  useEffect(() => {
    latest.current = handlers
  })
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return
      // Ctrl/Cmd+F finds, from anywhere (the reply box too): Electron has no find bar of its own.
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'f') {
        event.preventDefault()
        latest.current.focusSearch()
        return
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return
      if (isTypingTarget(event.target)) {
        if (event.key === 'Escape') (event.target as HTMLElement).blur()
        return
      }
      if (event.target instanceof Element && event.target.closest('[role="dialog"]')) return
      if (runShortcut(event, latest.current)) event.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
