/**
 * The account's local database as the sync engine sees it (src/main/store's
 * AccountStore fits this): every committed tick writes what it learnt there
 * (conversations changed or gone, the messages it read and which part of each
 * thread is now complete), so that the next start paints from disk. A failed
 * write is logged and reported, never fatal: the in-memory picture and the
 * notifications stay right, and the next full list writes the rows again.
 */
import type { Conversation, Message } from '../../shared/api/schemas'
import type { Logger } from '../ports/logger'
import { joinCoverage } from '../store'
import type { ThreadReads } from './message-reader'

export interface StoredCoverage {
  oldestId: number
  newestId: number
  reachedStart: boolean
}

export interface SyncLocalStore {
  transaction<T>(fn: () => T): T
  readonly conversations: {
    upsertMany(conversations: readonly Conversation[]): number
    remove(ids: readonly string[]): void
    all(): Conversation[]
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
}

/** The cursor holding when the last sync succeeded (ISO): offline, the window says what it shows. */
export const LAST_SYNCED_CURSOR = 'lastSyncedAt'

export function writeTick(store: SyncLocalStore, writes: TickWrites, log: Logger): boolean {
  try {
    store.transaction(() => {
      store.cursors.set(LAST_SYNCED_CURSOR, writes.syncedAt)
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

/** The stored picture at a cold start: every conversation the database holds ([] if it cannot be read). */
export function readStoredPicture(store: SyncLocalStore, log: Logger): Conversation[] {
  try {
    return store.conversations.all()
  } catch (error) {
    log.error('The stored inbox could not be read; the list waits for the server.', error)
    return []
  }
}
