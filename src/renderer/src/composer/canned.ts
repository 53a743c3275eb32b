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

/** Replaces text from `start` to `end` (the `/token`) with `inserted`; the caret goes after it. */
export function replaceRange(
  text: string,
  start: number,
  end: number,
  inserted: string,
): { text: string; caret: number } {
  return { text: text.slice(0, start) + inserted + text.slice(end), caret: start + inserted.length }
}
