/**
 * The account's local database as the sync engine sees it (src/main/store's
 * AccountStore fits this). It is the engine's picture: every committed tick
 * writes what it learnt there (conversations changed or gone, the messages it
 * read and which part of each thread is now complete, where the list stands),
 * in one transaction, and the next start paints from it and asks only for
 * what changed since. A failed write is logged and reported, never fatal: the
 * picture keeps the rows it could not write (./conversation-cache.ts) and the
 * next tick writes them with its own.
 */
import type { Conversation, Message } from '../../shared/api/schemas'
import type { Logger } from '../ports/logger'
import { joinCoverage } from '../store'
import type { ThreadReads } from './message-reader'
import type { PictureRows } from './conversation-cache'
import { LIST_CURSOR, parseListCursor, type ListCursor } from './list-delta'

export interface StoredCoverage {
  oldestId: number
  newestId: number
  reachedStart: boolean
}

export interface SyncLocalStore {
  transaction<T>(fn: () => T): T
  readonly conversations: PictureRows & {
    upsertMany(conversations: readonly Conversation[]): number
    remove(ids: readonly string[]): void
  }
  readonly cursors: {
    get(name: string): unknown
    set(name: string, value: unknown): void
  }
  readonly messages: {
    upsertPage(chatId: string, messages: readonly Message[], coverage?: StoredCoverage): void
    coverage(chatId: string): StoredCoverage | null
  }
}

/** What one committed tick hands the local copy. */
export interface TickWrites {
  changed: readonly Conversation[]
  removedIds: readonly string[]
  reads: ThreadReads
  syncedAt: string
  /** Where the list stands (watermark, last full list), for the next start; null: not known yet. */
  listCursor: ListCursor | null
}

/** The cursor holding when the last sync succeeded (ISO): offline, the window says what it shows. */
export const LAST_SYNCED_CURSOR = 'lastSyncedAt'

export function writeTick(store: SyncLocalStore, writes: TickWrites, log: Logger): boolean {
  try {
    store.transaction(() => {
      store.cursors.set(LAST_SYNCED_CURSOR, writes.syncedAt)
      if (writes.listCursor) store.cursors.set(LIST_CURSOR, writes.listCursor)
      if (writes.changed.length > 0) store.conversations.upsertMany(writes.changed)
      if (writes.removedIds.length > 0) store.conversations.remove(writes.removedIds)
      for (const { plan, messages, complete } of writes.reads.read) {
        if (messages.length === 0) continue
        const chatId = plan.conversation.id
        const coverage = complete ? mergedCoverage(store.messages.coverage(chatId), plan.fromId, messages) : undefined
        store.messages.upsertPage(chatId, messages, coverage)
      }
    })
    return true
  } catch (error) {
    log.error('The inbox could not be saved on this computer; it stays up to date in this session.', error)
    return false
  }
}

/** The stored range after a complete read of every message from `fromId` on, joined to what was stored. */
export function mergedCoverage(
  existing: StoredCoverage | null,
  fromId: number,
  messages: readonly Message[],
): StoredCoverage | undefined {
  const newest = messages.reduce((max, m) => Math.max(max, m.id), 0)
  if (newest === 0) return undefined
  return joinCoverage(existing, { oldestId: Math.max(1, fromId), newestId: newest, reachedStart: fromId <= 1 })
}

/** When an earlier run last synced, if the database knows (and it reads as a date). */
export function readLastSyncedAt(store: SyncLocalStore, log: Logger): string | null {
  try {
    const value = store.cursors.get(LAST_SYNCED_CURSOR)
    return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : null
  } catch (error) {
    log.error('When the inbox was last synced could not be read from the database.', error)
    return null
  }
}

/** Where an earlier run's list stood (null when it cannot be read: the first list is then full). */
export function readListCursor(store: SyncLocalStore, log: Logger): ListCursor | null {
  try {
    return parseListCursor(store.cursors.get(LIST_CURSOR))
  } catch (error) {
    log.error('Where the last sync stopped could not be read; the first list is a full one.', error)
    return null
  }
}
