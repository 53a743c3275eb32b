import type { CannedReply } from '../../../shared/ipc/contract'

/** The `/word` being typed just before the caret, if any. */
export function slashTokenAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret)
  const match = before.match(/(^|\s)\/([\w-]*)$/)
  if (!match) return null
  const query = match[2] ?? ''
  return { start: caret - query.length - 1, query }
}

/** Canned replies whose shortcut starts with (then contains) the query. */
export function matchCanned(replies: readonly CannedReply[], query: string): CannedReply[] {
  const q = query.toLowerCase()
  const starts = replies.filter((r) => r.shortcut.toLowerCase().startsWith(q))
  const contains = replies.filter(
    (r) => !r.shortcut.toLowerCase().startsWith(q) && r.shortcut.toLowerCase().includes(q),
  )
  return [...starts, ...contains].slice(0, 8)
}

/** Replaces the `/token` (from `start` to the caret) with the reply's text. */
export function insertCanned(
  text: string,
  start: number,
  caret: number,
  reply: CannedReply,
): { text: string; caret: number } {
  const next = text.slice(0, start) + reply.text + text.slice(caret)
  return { text: next, caret: start + reply.text.length }
}
