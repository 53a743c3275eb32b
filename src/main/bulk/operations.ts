/**
 * What one item of a batch does to one conversation (the API call, then the change shown in main's picture), and
 * what Undo does for it, judged from the conversation as it was when the batch started:
 * - archive ↔ unarchive: only the conversations the batch moved are moved back;
 * - assign: back to the previous assignee of each conversation (unassigned if it had none);
 * - unassign: back to each conversation's previous assignee;
 * - mark read: no Undo. The Inbox API (docs/inbox-api.yaml) has `PATCH …/read` and nothing that marks a
 *   conversation unread, so Inbox Desk cannot put the unread count back and does not pretend to;
 * - snooze: the snoozes are cancelled and the conversations unarchived (../snooze, wired by app/live-bulk.ts).
 */
import type { Conversation } from '../../shared/api/schemas'
import type { BulkAction } from '../../shared/ipc/bulk'
import { coded } from '../../shared/i18n/error-texts'
import { BridgeFailure } from '../ports/errors'
import type { InboxApi } from '../ports/inbox-api'
import type { ConversationPatch, SyncEngine } from '../sync'

export type BulkOp =
  | { type: 'archive' }
  | { type: 'unarchive' }
  | { type: 'markRead' }
  | { type: 'assign'; userId: string }
  | { type: 'unassign' }
  | { type: 'snooze'; untilMs: number }
  /** Undo of a snooze: the local snooze dropped, the conversation unarchived. */
  | { type: 'unsnooze' }

export interface BulkItem {
  chatId: string
  /** The contact's name or number, for the failed list. */
  name: string
  op: BulkOp
  /** The conversation when the batch started: what Undo goes back to. */
  before: Conversation
}

/** Snooze as ../snooze offers it to a batch. */
export interface BulkSnoozer {
  snooze(chatId: string, untilMs: number): Promise<unknown>
  unsnooze(chatId: string): Promise<void>
  /** Throws the refusal of a wake time that has passed (the whole batch is refused, nothing sent). */
  validate(untilMs: number): void
}

/** The account a batch acts on: its client and main's picture of its conversations. */
export interface BulkTarget {
  api: InboxApi
  picture: Pick<SyncEngine, 'getConversation' | 'applyLocalChanges' | 'noteOwnAction'>
  /** A teammate's name, for the assignee shown before the next sync. */
  displayName(userId: string): string | undefined
  snoozer?: BulkSnoozer
}

/**
 * Sends one item; answers the change to show in main's picture (the batch shows them together with its
 * progress, ./batch.ts; the next sync confirms them), or null when the item showed its own (snooze).
 */
export async function performItem(target: BulkTarget, item: BulkItem): Promise<ConversationPatch | null> {
  const { api, picture } = target
  const { chatId, op } = item
  switch (op.type) {
    case 'archive':
      await api.archive(chatId)
      return { id: chatId, archived: true }
    case 'unarchive':
      await api.unarchive(chatId)
      return { id: chatId, archived: false }
    case 'markRead':
      await api.markRead(chatId)
      return { id: chatId, unreadCount: 0 }
    case 'assign': {
      // Noted before the call: the sync that sees it must know it was me (no "assigned to you" notification).
      picture.noteOwnAction({ type: 'assign', chatId, userId: op.userId })
      await api.assign(chatId, op.userId)
      const displayName = target.displayName(op.userId) ?? assigneeName(item.before, op.userId) ?? op.userId
      return { id: chatId, assignee: { id: op.userId, displayName } }
    }
    case 'unassign':
      picture.noteOwnAction({ type: 'unassign', chatId })
      await api.unassign(chatId)
      return { id: chatId, assignee: null }
    case 'snooze':
      await snoozer(target).snooze(chatId, op.untilMs)
      return null
    case 'unsnooze':
      await snoozer(target).unsnooze(chatId)
      return null
  }
}

function snoozer(target: BulkTarget): BulkSnoozer {
  if (target.snoozer) return target.snoozer
  throw new BridgeFailure('internal', coded('bulk.snoozeUnavailable'))
}

function assigneeName(conversation: Conversation, userId: string): string | undefined {
  return conversation.assignee?.id === userId ? conversation.assignee.displayName : undefined
}

/** What Undo sends for an item that succeeded; null when the item changed nothing Undo can put back. */
export function undoOpOf(item: BulkItem): BulkOp | null {
  const { op, before } = item
  switch (op.type) {
    case 'archive':
      return before.archived ? null : { type: 'unarchive' }
    case 'unarchive':
      return before.archived ? { type: 'archive' } : null
    case 'assign':
      if (before.assignee?.id === op.userId) return null
      return before.assignee ? { type: 'assign', userId: before.assignee.id } : { type: 'unassign' }
    case 'unassign':
      return before.assignee ? { type: 'assign', userId: before.assignee.id } : null
    case 'snooze':
      return { type: 'unsnooze' }
    case 'markRead':
    case 'unsnooze':
      return null
  }
}

/** Whether Undo can exist for an action at all. */
export const undoSupported = (action: BulkAction['type']): boolean => action !== 'markRead'
