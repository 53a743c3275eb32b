/**
 * The `/shortcut` canned-reply menu's state: which token the caret is in, the matching replies, the
 * highlighted one, picking (`insert` puts the reply in place of the token), and the keys that drive it while it shows.
 */
import { type KeyboardEvent, useState } from 'react'
import type { CannedReply } from '../../../shared/ipc/contract'
import { matchCanned, slashTokenAt } from './canned'

export function useCannedMenu({
  text,
  caret,
  setCaret,
  cannedReplies,
  insert,
}: {
  text: string
  caret: number
  setCaret: (caret: number) => void
  cannedReplies: readonly CannedReply[]
  /** Replaces the `/token` (start to end) with the reply; saved reply fields are filled there. */
  insert: (reply: CannedReply, start: number, end: number) => void
}) {
  const [highlight, setHighlight] = useState(0)
  const token = slashTokenAt(text, caret)
  const matches = token ? matchCanned(cannedReplies, token.query) : []
  const showing = token !== null && matches.length > 0

  const pick = (reply: CannedReply) => {
    if (token) insert(reply, token.start, caret)
  }

  /** Arrows move, Enter/Tab pick, Escape closes; true when the key was the menu's. */
  const onMenuKey = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!showing) return false
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const delta = event.key === 'ArrowDown' ? 1 : -1
      setHighlight((h) => (h + delta + matches.length) % matches.length)
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      pick(matches[Math.min(highlight, matches.length - 1)]!)
    } else if (event.key === 'Escape') {
      setCaret(-1)
    } else {
      return false
    }
    event.preventDefault()
    return true
  }
  return { showing, matches, highlight, resetHighlight: () => setHighlight(0), pick, onMenuKey }
}
