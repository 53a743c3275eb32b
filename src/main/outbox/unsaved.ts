/**
 * Entries whose latest change could not be written to disk (a full disk, a read-only data folder). A reply
 * that is not on disk is never sent, and no step runs for it: a crash would forget that it had gone, and the
 * agent would send it again. It stays in memory and on screen with the reason (`notSaved`), and saving is
 * tried again every few seconds until the disk takes it; then it goes as usual.
 */
import type { BridgeError } from '../../shared/ipc/contract'
import { toBridgeError } from '../ports/errors'
import type { Logger } from '../ports/logger'
import type { Scheduler, TimerHandle } from '../ports/scheduler'
import type { StoredOutboxEntry } from './entry'
import type { OutboxStorage } from './storage'

export const DEFAULT_SAVE_RETRY_MS = 5_000

interface Refusal {
  /** The store's own error (thrown on to whoever asked for the change) and its bridge form (shown). */
  error: unknown
  reason: BridgeError
  /** Never written at all (its first save failed): nothing of it to delete from disk. */
  neverOnDisk: boolean
}

export interface UnsavedEntries {
  /** Writes the entry; false when the disk refused it (remembered, and saving is retried). */
  save(entry: StoredOutboxEntry, options?: { first?: boolean }): boolean
  /** Why the entry is not on disk, or null when it is. */
  reason(clientId: string): BridgeError | null
  /** The store's error behind `reason` (undefined when the entry is on disk). */
  error(clientId: string): unknown
  neverOnDisk(clientId: string): boolean
  forget(clientId: string): void
  stop(): void
}

export function createUnsavedEntries(deps: {
  storage: OutboxStorage
  scheduler: Scheduler
  log: Logger
  retryMs: number
  entries(): readonly StoredOutboxEntry[]
  /** Before a retried save: the entry's state as it should be written now (a send that ended unrecorded). */
  beforeRetry(entry: StoredOutboxEntry): void
  /** Some entries are on disk now: show them and run what is due. */
  onSaved(): void
}): UnsavedEntries {
  const refused = new Map<string, Refusal>()
  let timer: TimerHandle | null = null
  let stopped = false

  const plan = () => {
    if (timer === null && !stopped && refused.size > 0) timer = deps.scheduler.setTimeout(retry, deps.retryMs)
  }
  function retry(): void {
    timer = null
    let saved = 0
    for (const [clientId, refusal] of refused) {
      const entry = deps.entries().find((e) => e.clientId === clientId)
      if (!entry) {
        refused.delete(clientId)
        continue
      }
      deps.beforeRetry(entry)
      try {
        deps.storage.save(entry)
        refused.delete(clientId)
        saved++
        deps.log.info(`reply ${clientId}: saved on this computer at last (${refusal.reason.kind} before)`)
      } catch {
        // Still refused: the reason shown stays, the next try is planned below. Logged once, on the first refusal.
      }
    }
    if (saved > 0) deps.onSaved()
    plan()
  }

  return {
    save(entry, options = {}) {
      try {
        deps.storage.save(entry)
        refused.delete(entry.clientId)
        return true
      } catch (error) {
        const earlier = refused.get(entry.clientId)
        if (!earlier) deps.log.error(`reply ${entry.clientId}: could not be saved on this computer; retrying`, error)
        refused.set(entry.clientId, {
          error,
          reason: toBridgeError(error),
          neverOnDisk: earlier ? earlier.neverOnDisk : options.first === true,
        })
        plan()
        return false
      }
    },
    reason: (clientId) => refused.get(clientId)?.reason ?? null,
    error: (clientId) => refused.get(clientId)?.error,
    neverOnDisk: (clientId) => refused.get(clientId)?.neverOnDisk ?? false,
    forget: (clientId) => void refused.delete(clientId),
    stop() {
      stopped = true
      if (timer !== null) deps.scheduler.clearTimeout(timer)
      timer = null
    },
  }
}
