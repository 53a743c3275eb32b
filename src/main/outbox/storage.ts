/**
 * Where the outbox keeps its entries: a narrow interface (load all, save one,
 * delete one) so that another store (SQLite) can take the JSON file's place,
 * and today's JSON file behind it.
 */
import type { KeyValueStore } from '../ports/shell-adapters'
import { silentLogger } from '../log'
import type { Logger } from '../ports/logger'
import { readStoredEntry, type StoredOutboxEntry } from './entry'

export interface OutboxStorage {
  /** Every readable entry, oldest first, older formats already upgraded. Unreadable ones are kept aside, not dropped. */
  load(now: number): StoredOutboxEntry[]
  /** Writes the entry (new or changed) durably before returning. */
  save(entry: StoredOutboxEntry): void
  delete(clientId: string): void
}

export const OUTBOX_KEY = 'outboxEntries'
export const OUTBOX_REJECTED_KEY = 'outboxUnreadableEntries'
export interface OutboxStoreData extends Record<string, unknown> {
  outboxEntries: unknown
  outboxUnreadableEntries: unknown
}

/** The entries as one JSON list under `outboxEntries` of a `conf` file (written whole, atomically). */
export function createJsonOutboxStorage(
  store: KeyValueStore<OutboxStoreData>,
  log: Logger = silentLogger,
): OutboxStorage {
  let entries: StoredOutboxEntry[] = []
  const write = () => store.set(OUTBOX_KEY, entries)

  /** Keeps what cannot be read beside the outbox instead of dropping a reply silently. */
  function quarantine(items: unknown[], why: string): void {
    const previous = store.get(OUTBOX_REJECTED_KEY)
    store.set(OUTBOX_REJECTED_KEY, [...(Array.isArray(previous) ? previous : []), ...items])
    log.error(`${why}; kept under "${OUTBOX_REJECTED_KEY}" in ${store.path}`)
  }

  return {
    load(now) {
      entries = []
      const raw = store.get(OUTBOX_KEY)
      if (raw === undefined || raw === null) return []
      if (!Array.isArray(raw)) {
        quarantine([raw], 'the outbox is not a list')
        store.set(OUTBOX_KEY, [])
        return []
      }
      const unreadable: unknown[] = []
      let upgraded = false
      for (const item of raw) {
        const entry = readStoredEntry(item, now)
        if (entry === null) unreadable.push(item)
        else entries.push(entry)
        if (entry !== null && (item as { version?: unknown }).version !== entry.version) upgraded = true
      }
      if (unreadable.length > 0) quarantine(unreadable, `${unreadable.length} outbox entries are unreadable`)
      if (upgraded || unreadable.length > 0) write() // the upgrade's window start is kept, not recomputed
      return entries.map((entry) => structuredClone(entry))
    },
    save(entry) {
      const copy = structuredClone(entry)
      const index = entries.findIndex((e) => e.clientId === entry.clientId)
      if (index === -1) entries.push(copy)
      else entries[index] = copy
      write()
    },
    delete(clientId) {
      const before = entries.length
      entries = entries.filter((e) => e.clientId !== clientId)
      if (entries.length !== before) write()
    },
  }
}
