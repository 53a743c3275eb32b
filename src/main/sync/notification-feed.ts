/**
 * What deserves a notification, found in a tick's news: a new inbound
 * message, and an assignment to me by someone else. Nothing on an account's
 * first sync (the backlog is the baseline), and never my own assignment
 * (noted before its API call). Whether a notification is then shown (focus,
 * do-not-disturb, switches) is notify/'s policy. See ./README.md, "Detection".
 */
import type { Conversation, Message } from '../../shared/api/schemas'
import type { Logger } from '../ports/logger'
import type { SyncStateDraft } from './state-keeper'

export interface NewInboundEvent {
  conversation: Conversation
  /** The newest of the new inbound messages. */
  message: Message
  /** How many new inbound messages this conversation got since the last sync. */
  count: number
}

export interface AssignedToMeEvent {
  conversation: Conversation
}

export interface NotificationListeners {
  onNewInbound?(event: NewInboundEvent): void
  onAssignedToMe?(event: AssignedToMeEvent): void
}

export class NotificationFeed {
  constructor(
    private readonly listeners: NotificationListeners,
    private readonly log: Logger,
  ) {}

  /** One event per conversation per tick (the newest message, with a count), so its notification is replaced, not stacked. */
  newInbound(conversation: Conversation, fresh: Message[], draft: SyncStateDraft): NewInboundEvent | null {
    const freshInbound = fresh.filter((m) => m.direction === 'inbound')
    const newest = freshInbound.at(-1)
    if (!newest || draft.firstEverSync) return null
    return { conversation, message: newest, count: freshInbound.length }
  }

  /** Conversations that became mine, not by my own hand; keeps the draft's list of mine current. */
  assignedToMe(
    draft: SyncStateDraft,
    changed: Conversation[],
    removedIds: string[],
    meUserId: string | null,
  ): AssignedToMeEvent[] {
    const { state } = draft
    const events: AssignedToMeEvent[] = []
    const mine = new Set(state.assignedToMe)
    for (const conversation of changed) {
      const isMine = meUserId !== null && conversation.assignee?.id === meUserId
      const wasMine = mine.has(conversation.id)
      const byMe = state.ownAssignments[conversation.id] !== undefined
      if (isMine && byMe) {
        delete state.ownAssignments[conversation.id]
        draft.dirty = true
      }
      if (isMine && !wasMine) {
        mine.add(conversation.id)
        draft.dirty = true
        if (!byMe && !draft.firstEverSync) events.push({ conversation })
      } else if (!isMine && wasMine) {
        mine.delete(conversation.id)
        draft.dirty = true
      }
    }
    for (const id of removedIds) {
      if (mine.delete(id)) draft.dirty = true
    }
    state.assignedToMe = [...mine]
    return events
  }

  /** Runs the listeners, after the state is saved. */
  announce(newInbound: NewInboundEvent[], assigned: AssignedToMeEvent[]): void {
    for (const event of newInbound) this.callSafely('onNewInbound', () => this.listeners.onNewInbound?.(event))
    for (const event of assigned) this.callSafely('onAssignedToMe', () => this.listeners.onAssignedToMe?.(event))
  }

  private callSafely(what: string, callback: () => void): void {
    try {
      callback()
    } catch (error) {
      // A failing listener must not undo a committed sync (and re-announce).
      this.log.error(`${what} listener failed`, error)
    }
  }
}
