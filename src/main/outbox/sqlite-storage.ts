/**
 * The outbox's entries in the account's database (src/main/store's
 * `outbox_entries`; its OutboxQueries fit `OutboxRows`): one row per entry,
 * each save one durable statement, instead of the whole JSON list rewritten.
 * The entry format stays the outbox's own (./entry.ts): older versions are
 * upgraded on load and written back, what cannot be read is kept aside in
 * `outbox_unreadable`, never dropped.
 */
import { silentLogger } from '../log'
import type { Logger } from '../ports/logger'
import { readStoredEntry, type StoredOutboxEntry } from './entry'
import type { OutboxStorage } from './storage'

/** What the outbox needs of the database's outbox rows. */
export interface OutboxRows {
  list(): unknown[]
  save(entry: StoredOutboxEntry): void
  delete(clientId: string): void
  keepUnreadable(raw: unknown, reason: string): void
}

export function createSqliteOutboxStorage(rows: OutboxRows, log: Logger = silentLogger): OutboxStorage {
  return {
    load(now) {
      const entries: StoredOutboxEntry[] = []
      for (const item of rows.list()) {
        const entry = readStoredEntry(item, now)
        if (entry === null) {
          rows.keepUnreadable(item, 'an outbox entry this version cannot read')
          const clientId = (item as { clientId?: unknown }).clientId
          if (typeof clientId === 'string') rows.delete(clientId)
          log.error('An outbox entry could not be read; it is kept aside in the database (outbox_unreadable).')
          continue
        }
        // An upgraded entry is written back at once: the upgrade's window start is kept, not recomputed.
        if ((item as { version?: unknown }).version !== entry.version) rows.save(entry)
        entries.push(entry)
      }
      return entries
    },
    save: (entry) => rows.save(entry),
    delete: (clientId) => rows.delete(clientId),
  }
}
