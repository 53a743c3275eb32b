/**
 * What the engine knows of each thread's messages, so that a tick reads only
 * what is new: how far each thread has been read in this session, and which
 * outbound messages are not final yet (their status is followed: a status
 * change moves the conversation's `updatedDate`, so the read then starts at
 * the oldest one followed). The messages themselves are not kept: the
 * renderer loads a thread when it is opened. See ./README.md, step 2.
 */
import type { Conversation, Message, SeenMessageStatus } from '../../shared/api/schemas'

// A status this client does not know is taken as final: nothing it knows follows it, so polling for it would be endless.
const FINAL_STATUSES: ReadonlySet<SeenMessageStatus> = new Set(['read', 'failed', 'received', 'unknown'])
/** Outbound messages whose status is followed, per conversation. */
const MAX_TRACKED_OUTBOUND = 50

/** What a read brought, measured against how far the thread had been read. */
export interface ThreadNews {
  /** Messages above the previous read position. */
  fresh: Message[]
  /** Followed outbound messages, already read, whose status moved. */
  changedStatus: Message[]
  /** The new read position. */
  highest: number
}

export class ThreadCursors {
  /** Per conversation: the highest message id read in this session. */
  private readonly readThroughIds = new Map<string, number>()
  /** Per conversation: outbound messages not final yet, id → last status seen. */
  private readonly trackedOutbound = new Map<string, Map<number, SeenMessageStatus>>()
  /** Per conversation: the last outbound message known final (no need to re-read it). */
  private readonly finalOutbound = new Map<string, number>()

  /** The highest message id read in this session, if the thread was read at all. */
  readThrough(chatId: string): number | undefined {
    return this.readThroughIds.get(chatId)
  }

  /**
   * Where to read a changed conversation from, or null when it needs no
   * request (a read, an archive, an assignment: no new message). `seen` is
   * the read position; `known` says whether the conversation was in the cache.
   */
  planRead(conversation: Conversation, seen: number, known: boolean): { fromId: number } | null {
    const last = conversation.lastMessage
    const hasNew = last !== null && last.id > seen
    const tracked = this.trackedOutbound.get(conversation.id)
    const oldestTracked = tracked && tracked.size > 0 ? Math.min(...tracked.keys()) : null
    if (oldestTracked !== null) return { fromId: Math.min(oldestTracked, seen + 1) }
    if (hasNew) return { fromId: seen + 1 }
    // The conversation changed without a new message, and its last message is
    // an outbound one we are not following (sent before this session): its
    // status may have moved. One message is cheap to re-read.
    if (
      last !== null &&
      last.direction === 'outbound' &&
      known &&
      this.finalOutbound.get(conversation.id) !== last.id
    ) {
      return { fromId: last.id }
    }
    return null
  }

  /** Takes the messages read from a thread that had been read through `previouslySeen`. */
  take(chatId: string, messages: Message[], previouslySeen: number): ThreadNews {
    const fresh = messages.filter((m) => m.id > previouslySeen)
    const changedStatus = messages.filter((m) => m.id <= previouslySeen && this.statusMoved(chatId, m))
    for (const message of messages) this.trackOutbound(chatId, message)
    const highest = messages.reduce((max, m) => Math.max(max, m.id), previouslySeen)
    this.readThroughIds.set(chatId, highest)
    return { fresh, changedStatus, highest }
  }

  /** A thread not read this tick (too many changed at once) is taken as read through its last message. */
  skip(chatId: string, seen: number, lastId: number): void {
    this.readThroughIds.set(chatId, Math.max(seen, lastId))
  }

  /** A reply the outbox got accepted: followed from `queued` until final. */
  follow(chatId: string, messageId: number): void {
    let tracked = this.trackedOutbound.get(chatId)
    if (!tracked) this.trackedOutbound.set(chatId, (tracked = new Map()))
    if (!tracked.has(messageId)) tracked.set(messageId, 'queued')
  }

  /** A conversation that disappeared. */
  forget(chatId: string): void {
    this.readThroughIds.delete(chatId)
    this.trackedOutbound.delete(chatId)
    this.finalOutbound.delete(chatId)
  }

  private statusMoved(chatId: string, message: Message): boolean {
    const known = this.trackedOutbound.get(chatId)?.get(message.id)
    return message.direction === 'outbound' && known !== undefined && known !== message.status
  }

  private trackOutbound(chatId: string, message: Message): void {
    if (message.direction !== 'outbound') return
    let tracked = this.trackedOutbound.get(chatId)
    if (FINAL_STATUSES.has(message.status)) {
      tracked?.delete(message.id)
      this.finalOutbound.set(chatId, Math.max(this.finalOutbound.get(chatId) ?? 0, message.id))
      return
    }
    if (!tracked) this.trackedOutbound.set(chatId, (tracked = new Map()))
    tracked.set(message.id, message.status)
    if (tracked.size > MAX_TRACKED_OUTBOUND) tracked.delete(Math.min(...tracked.keys()))
  }
}
