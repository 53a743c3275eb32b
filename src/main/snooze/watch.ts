/**
 * Whether someone else's change ended a snooze, judged from the conversation as main's picture shows it (the
 * server's version with the app's own changes over it, so our own archive still shows as archived):
 * - `inbound`: the contact wrote since it was snoozed (a newer last message, inbound): it wakes early;
 * - `answered`: someone replied since (a newer last message, outbound): the snooze is dropped;
 * - `unarchived`: it is not archived any more, someone else unarchived it: the snooze is dropped.
 */
import type { Conversation } from '../../shared/api/schemas'
import type { SnoozeRow } from '../store'

export type SnoozeEnd = 'inbound' | 'answered' | 'unarchived'

export function endedByActivity(row: SnoozeRow, conversation: Conversation): SnoozeEnd | null {
  const last = conversation.lastMessage
  if (last && (row.lastMessageId === null || last.id > row.lastMessageId)) {
    return last.direction === 'inbound' ? 'inbound' : 'answered'
  }
  return conversation.archived ? null : 'unarchived'
}
