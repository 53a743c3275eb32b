/**
 * The reply outbox's rows: durable, ordered storage of the outbox's own
 * entries. The entry's format and its versions belong to the outbox
 * (src/main/outbox/entry.ts `readStoredEntry` upgrades older ones), so the
 * store checks only what it keys on (`clientId`, `chatId`) and hands back the
 * documents as they were saved. This is the shape of the outbox's
 * `OutboxStorage` (load all / save one / delete one).
 */
import { createHash } from 'node:crypto'
import type { Database } from 'better-sqlite3'

/** What the store needs of an entry; the rest is the outbox's. */
export interface OutboxDocument {
  clientId: string
  chatId: string
  [field: string]: unknown
}

export interface UnreadableOutboxItem {
  raw: string
  reason: string
  keptAt: string
}

export interface OutboxQueries {
  /** Every saved entry, in the order first written, as saved (the outbox validates and upgrades). */
  list(): unknown[]
  /** Inserts or replaces the entry with this clientId (keeping its position). */
  save(entry: OutboxDocument): void
  /** Inserts only when no entry has this clientId; true when inserted. */
  insertIfAbsent(entry: OutboxDocument): boolean
  delete(clientId: string): void
  /** Keeps an item that could not be read as an entry (once, by content). */
  keepUnreadable(raw: unknown, reason: string): void
  listUnreadable(): UnreadableOutboxItem[]
}

/** Whether a value has what the store keys on. */
export function isOutboxDocument(value: unknown): value is OutboxDocument {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const { clientId, chatId } = value as Record<string, unknown>
  return typeof clientId === 'string' && clientId.length > 0 && typeof chatId === 'string' && chatId.length > 0
}

function toParams(entry: OutboxDocument) {
  if (!isOutboxDocument(entry)) throw new TypeError('an outbox entry needs a clientId and a chatId')
  return { clientId: entry.clientId, chatId: entry.chatId, entry: JSON.stringify(entry) }
}

export function createOutboxQueries(db: Database, now: () => Date = () => new Date()): OutboxQueries {
  const list = db.prepare<[], { entry: string }>('SELECT entry FROM outbox_entries ORDER BY position')
  const save = db.prepare(`INSERT INTO outbox_entries (client_id, chat_id, entry) VALUES (@clientId, @chatId, @entry)
    ON CONFLICT (client_id) DO UPDATE SET chat_id = excluded.chat_id, entry = excluded.entry`)
  const insertIfAbsent = db.prepare(`INSERT INTO outbox_entries (client_id, chat_id, entry)
    VALUES (@clientId, @chatId, @entry) ON CONFLICT (client_id) DO NOTHING`)
  const remove = db.prepare<[string]>('DELETE FROM outbox_entries WHERE client_id = ?')
  const keep = db.prepare(`INSERT INTO outbox_unreadable (fingerprint, raw, reason, kept_at)
    VALUES (@fingerprint, @raw, @reason, @keptAt) ON CONFLICT (fingerprint) DO NOTHING`)
  const unreadable = db.prepare<[], { raw: string; reason: string; kept_at: string }>(
    'SELECT raw, reason, kept_at FROM outbox_unreadable ORDER BY kept_at, fingerprint',
  )

  // A reply's row must survive a power cut once written (it says an attempt is out): the file's
  // synchronous=NORMAL may lose the last commits, so an outbox write alone is synced in full.
  const durably = (write: () => void): void => {
    if (db.inTransaction) return write()
    db.pragma('synchronous = FULL')
    try {
      write()
    } finally {
      db.pragma('synchronous = NORMAL')
    }
  }

  return {
    list: () => list.all().map((row) => JSON.parse(row.entry) as unknown),
    save: (entry) => durably(() => void save.run(toParams(entry))),
    insertIfAbsent: (entry) => insertIfAbsent.run(toParams(entry)).changes === 1,
    delete: (clientId) => durably(() => void remove.run(clientId)),
    keepUnreadable(raw, reason) {
      const text = typeof raw === 'string' ? raw : (JSON.stringify(raw) ?? String(raw))
      const fingerprint = createHash('sha256').update(text).digest('hex')
      keep.run({ fingerprint, raw: text, reason, keptAt: now().toISOString() })
    },
    listUnreadable: () => unreadable.all().map((row) => ({ raw: row.raw, reason: row.reason, keptAt: row.kept_at })),
  }
}
