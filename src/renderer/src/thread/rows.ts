/**
 * Pure helpers for the thread: rows with day separators, links in text, and
 * what a failed delivery means in words.
 */
import type { TFunction } from 'i18next'
import type { Message } from '../../../shared/api/schemas'
import type { OutboxEntry } from '../../../shared/ipc/contract'

export type ThreadRow =
  | { kind: 'day'; key: string; day: string }
  | { kind: 'message'; key: string; message: Message }
  | { kind: 'pending'; key: string; entry: OutboxEntry }
  /** "New messages": before the first message that was unread when the conversation was opened. */
  | { kind: 'unread'; key: string }

/** Local calendar day, `YYYY-MM-DD`. */
export function localDay(iso: string): string {
  const date = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/**
 * Messages (ascending) then the outbox entries not yet in the thread, with a
 * separator before each new local day, and the "New messages" divider before
 * `firstUnreadId` (after that message's day separator). Keys are stable across
 * pages, so the virtualizer keeps measured sizes when older pages are prepended.
 */
export function buildThreadRows(
  messages: readonly Message[],
  pending: readonly OutboxEntry[],
  firstUnreadId: number | null = null,
): ThreadRow[] {
  const rows: ThreadRow[] = []
  let lastDay = ''
  const pushDay = (iso: string) => {
    const day = localDay(iso)
    if (day !== lastDay) {
      rows.push({ kind: 'day', key: `day-${day}`, day })
      lastDay = day
    }
  }
  for (const message of messages) {
    pushDay(message.date)
    if (message.id === firstUnreadId) rows.push({ kind: 'unread', key: 'unread' })
    rows.push({ kind: 'message', key: `m-${message.id}`, message })
  }
  for (const entry of pending) {
    pushDay(entry.createdAt)
    rows.push({ kind: 'pending', key: `o-${entry.clientId}`, entry })
  }
  return rows
}

/**
 * Outbox entries for this conversation whose message is not in the thread yet.
 *
 * After an ambiguous failure (the connection dropped once the request was sent), the server may well have the
 * reply: sync then brings the message in before the outbox has checked the thread and claimed it. Such an entry
 * (already attempted, not refused) is hidden when an outbound message with the same text, newer than the entry's
 * baseline and owned by no other entry, is in the thread — the outbox's own rule (`findCopies` in
 * src/main/outbox/thread-reader.ts), which reaches the same verdict moments later — so the agent never sees the reply twice.
 */
export function pendingEntries(
  outbox: readonly OutboxEntry[] | undefined,
  chatId: string,
  messages: readonly Message[],
): OutboxEntry[] {
  if (!outbox) return []
  const known = new Set(messages.map((m) => m.id))
  const claimed = new Set(outbox.flatMap((entry) => (entry.messageId === null ? [] : [entry.messageId])))
  const alreadyThere = (entry: OutboxEntry) =>
    entry.attempts > 0 &&
    (entry.state === 'pending' || entry.state === 'sending' || entry.state === 'unconfirmed') &&
    messages.some(
      (m) =>
        m.direction === 'outbound' &&
        !claimed.has(m.id) &&
        m.content.text === entry.text &&
        m.id > (entry.baselineMessageId ?? 0),
    )
  return outbox.filter(
    (entry) =>
      entry.chatId === chatId && !(entry.messageId !== null && known.has(entry.messageId)) && !alreadyThere(entry),
  )
}

export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; url: string }

const urlPattern = /\b(?:https?:\/\/|www\.)[^\s<>"']+/gi
const trailingPunctuation = /[.,;:!?)\]}'"]+$/

/** Splits text into plain parts and http(s) links (other schemes stay text). */
export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = []
  let last = 0
  for (const match of text.matchAll(urlPattern)) {
    let raw = match[0]
    const trailing = raw.match(trailingPunctuation)?.[0] ?? ''
    if (trailing) raw = raw.slice(0, -trailing.length)
    const start = match.index
    if (start > last) parts.push({ kind: 'text', text: text.slice(last, start) })
    const url = raw.toLowerCase().startsWith('www.') ? `https://${raw}` : raw
    parts.push({ kind: 'link', text: raw, url })
    last = start + raw.length
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) })
  return parts
}

/** A failed delivery, explained for an agent in the UI language (the provider's own reason stays as it came). */
export function explainFailure(t: TFunction, error: { code?: string; message?: string } | null | undefined): string {
  const code = error?.code ?? ''
  if (code === 'reply_window_closed') return t('failure.windowClosed')
  const reason = error?.message ?? code
  return reason ? t('failure.withReason', { reason }) : t('failure.plain')
}
