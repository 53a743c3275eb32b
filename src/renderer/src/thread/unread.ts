/**
 * Where the "New messages" divider goes: before the first message that was unread when the conversation was
 * opened. Opening marks it read at once, so the count is taken at open, with the newest message id then:
 * messages that arrive while the agent looks at the thread are not "new" to them.
 */
import type { Message } from '../../../shared/api/schemas'

export interface UnreadAtOpen {
  chatId: string
  /** The conversation's unreadCount when it was opened. */
  unreadCount: number
  /** Its newest message id then (null: none yet). */
  newestId: number | null
}

/**
 * The id of the first unread message: of the inbound messages up to `newestId`, the `unreadCount`-th from the
 * end (the server counts inbound messages since the last read). If fewer are loaded, the oldest loaded one.
 * Null when nothing was unread.
 */
export function firstUnreadMessageId(messages: readonly Message[], unread: UnreadAtOpen): number | null {
  if (unread.unreadCount <= 0) return null
  const newest = unread.newestId ?? Number.MAX_SAFE_INTEGER
  const inbound = messages.filter((m) => m.direction === 'inbound' && m.id <= newest)
  if (inbound.length === 0) return null
  return inbound[Math.max(0, inbound.length - unread.unreadCount)]!.id
}
