/**
 * The one unread total the badge, the tray and the renderer show. Owned by
 * main so that every surface agrees (mattermost/desktop#1658, #2024: a badge
 * stuck, or shown with nothing unread).
 */
import type { Conversation } from '../../shared/api/schemas'
import { unreadTotal } from '../../shared/domain/views'

/** Sum of unreadCount over active (non-archived) conversations: archived ones
 * are out of the agent's sight, so counting them would show a badge nobody can
 * clear. The rule itself lives in src/shared so the renderer counts the same way. */
export function computeUnreadTotal(conversations: readonly Conversation[]): number {
  return unreadTotal(conversations)
}

export interface UnreadTotalPublisher {
  /** Pushes `total` to the badge only when it differs from the last one pushed. */
  update(total: number): void
  current(): number | null
}

export function createUnreadTotalPublisher(setUnreadTotal: (total: number) => void): UnreadTotalPublisher {
  let last: number | null = null
  return {
    update(total) {
      if (total === last) return
      last = total
      setUnreadTotal(total)
    },
    current: () => last,
  }
}
