/**
 * What the sync engine persists between runs, so that nothing is announced
 * twice even across restarts. Small on purpose: one number for the backlog,
 * and per conversation only what changed since the first sync.
 */
import { z } from 'zod'
import type { KeyValueStore } from '../ports/shell-adapters'
import type { Logger } from '../ports/logger'

const persistedSyncStateSchema = z.object({
  version: z.literal(1),
  /** The account this state belongs to (never the API key itself). */
  accountKey: z.string(),
  /** Every message with an id at or below this existed at the account's first
   * sync: backlog, never announced. Message ids grow in creation order. */
  baselineMessageId: z.number().int().min(0),
  /** Per conversation: the highest message id already examined (and announced
   * when inbound). Only conversations that changed after the first sync. */
  seenMessageIds: z.record(z.string(), z.number().int().min(0)),
  /** Who "me" was when `assignedToMe` was computed. */
  meUserId: z.string().nullable(),
  /** Conversations known to be assigned to me (announced, or already so). */
  assignedToMe: z.array(z.string()),
  /** Assignments to me the agent made in this app, not yet seen by a sync
   * (chatId → when noted, ms). Persisted so a crash between the click and
   * the next sync cannot turn my own action into a notification. */
  ownAssignments: z.record(z.string(), z.number()),
})
export type PersistedSyncState = z.infer<typeof persistedSyncStateSchema>

export const SYNC_STATE_KEY = 'syncState'
export interface SyncStateData extends Record<string, unknown> {
  syncState: unknown
}

/** Reads the state of `accountKey`; null when there is none (the account's
 * first sync) or it belongs to another account. A damaged state is reported
 * and treated as none: the cost is one silent baseline, never a burst of
 * duplicate notifications. */
export function loadSyncState(
  store: KeyValueStore<SyncStateData>,
  accountKey: string,
  log: Logger,
): PersistedSyncState | null {
  const raw = store.get(SYNC_STATE_KEY)
  if (raw === undefined || raw === null) return null
  const parsed = persistedSyncStateSchema.safeParse(raw)
  if (!parsed.success) {
    log.warn(`sync state in ${store.path} is unreadable, starting from a fresh baseline: ${parsed.error.message}`)
    return null
  }
  if (parsed.data.accountKey !== accountKey) {
    log.info('sync state belongs to another account; starting from a fresh baseline')
    return null
  }
  return parsed.data
}

export function saveSyncState(store: KeyValueStore<SyncStateData>, state: PersistedSyncState): void {
  store.set(SYNC_STATE_KEY, state)
}
