/**
 * The one unread total the badge, the tray and the renderer show. Owned by
 * main so that every surface agrees (mattermost/desktop#1658, #2024: a badge
 * stuck, or shown with nothing unread).
 */
import type { Conversation } from '../../shared/api/schemas'

/** Sum of unreadCount over active (non-archived) conversations: archived ones
 * are out of the agent's sight, so counting them would show a badge nobody can clear. */
export function computeUnreadTotal(conversations: Iterable<Pick<Conversation, 'unreadCount' | 'archived'>>): number {
  let total = 0
  for (const conversation of conversations) if (!conversation.archived) total += conversation.unreadCount
  return total
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
