/**
 * The reply outbox's rows. The shape is the outbox's persisted entry
 * (src/main/outbox/outbox.ts `storedEntrySchema`); when the outbox moves onto
 * the store it takes `outboxRecordSchema` from here instead of its own.
 */
import { createHash } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import { z } from 'zod'

const bridgeErrorSchema = z.object({
  kind: z.string(),
  message: z.string(),
  retryAfterMs: z.number().optional(),
  detail: z.string().optional(),
})

export const outboxRecordSchema = z.object({
  clientId: z.string().min(1),
  chatId: z.string().min(1),
  text: z.string().min(1),
  state: z.enum(['pending', 'sending', 'accepted', 'failed']),
  createdAt: z.string(),
  attempts: z.number().int().min(0),
  messageId: z.number().int().nullable(),
  error: bridgeErrorSchema.nullable(),
  baselineMessageId: z.number().int().min(0).nullable(),
  needsReconcile: z.boolean(),
  nextAttemptAt: z.number().nullable(),
  heldForAuth: z.boolean().default(false),
})
export type OutboxRecord = z.infer<typeof outboxRecordSchema>

export interface UnreadableOutboxItem {
  raw: string
  reason: string
  keptAt: string
}

export interface OutboxQueries {
  /** All entries, in the order they were first written. */
  list(): OutboxRecord[]
  /** Inserts or replaces the entry with this clientId (keeping its position). */
  put(entry: OutboxRecord): void
  /** Inserts only when no entry has this clientId; true when inserted. */
  insertIfAbsent(entry: OutboxRecord): boolean
  remove(clientId: string): void
  /** Keeps an item that could not be read as an entry (idempotent by content). */
  keepUnreadable(raw: unknown, reason: string): void
  listUnreadable(): UnreadableOutboxItem[]
}

interface OutboxRow {
  client_id: string
  chat_id: string
  text: string
  state: string
  created_at: string
  attempts: number
  message_id: number | null
  error: string | null
  baseline_message_id: number | null
  needs_reconcile: number
  next_attempt_at: number | null
  held_for_auth: number
}

function toParams(entry: OutboxRecord) {
  return {
    clientId: entry.clientId,
    chatId: entry.chatId,
    text: entry.text,
    state: entry.state,
    createdAt: entry.createdAt,
    attempts: entry.attempts,
    messageId: entry.messageId,
    error: entry.error === null ? null : JSON.stringify(entry.error),
    baselineMessageId: entry.baselineMessageId,
    needsReconcile: entry.needsReconcile ? 1 : 0,
    nextAttemptAt: entry.nextAttemptAt,
    heldForAuth: entry.heldForAuth ? 1 : 0,
  }
}

export function fromOutboxRow(row: OutboxRow): OutboxRecord {
  return outboxRecordSchema.parse({
    clientId: row.client_id,
    chatId: row.chat_id,
    text: row.text,
    state: row.state,
    createdAt: row.created_at,
    attempts: row.attempts,
    messageId: row.message_id,
    error: row.error === null ? null : JSON.parse(row.error),
    baselineMessageId: row.baseline_message_id,
    needsReconcile: row.needs_reconcile === 1,
    nextAttemptAt: row.next_attempt_at,
    heldForAuth: row.held_for_auth === 1,
  })
}

const columns = `client_id, chat_id, text, state, created_at, attempts, message_id, error, baseline_message_id,
  needs_reconcile, next_attempt_at, held_for_auth`
const values = `@clientId, @chatId, @text, @state, @createdAt, @attempts, @messageId, @error, @baselineMessageId,
  @needsReconcile, @nextAttemptAt, @heldForAuth`

export function createOutboxQueries(db: Database): OutboxQueries {
  const list = db.prepare<[], OutboxRow>(`SELECT ${columns} FROM outbox_entries ORDER BY position`)
  const put = db.prepare(`INSERT INTO outbox_entries (${columns}) VALUES (${values})
    ON CONFLICT (client_id) DO UPDATE SET chat_id = excluded.chat_id, text = excluded.text, state = excluded.state,
      created_at = excluded.created_at, attempts = excluded.attempts, message_id = excluded.message_id,
      error = excluded.error, baseline_message_id = excluded.baseline_message_id,
      needs_reconcile = excluded.needs_reconcile, next_attempt_at = excluded.next_attempt_at,
      held_for_auth = excluded.held_for_auth`)
  const insertIfAbsent = db.prepare(
    `INSERT INTO outbox_entries (${columns}) VALUES (${values}) ON CONFLICT (client_id) DO NOTHING`,
  )
  const remove = db.prepare<[string]>('DELETE FROM outbox_entries WHERE client_id = ?')
  const keep = db.prepare(`INSERT INTO outbox_unreadable (fingerprint, raw, reason, kept_at)
    VALUES (@fingerprint, @raw, @reason, @keptAt) ON CONFLICT (fingerprint) DO NOTHING`)
  const unreadable = db.prepare<[], { raw: string; reason: string; kept_at: string }>(
    'SELECT raw, reason, kept_at FROM outbox_unreadable ORDER BY kept_at, fingerprint',
  )

  return {
    list: () => list.all().map(fromOutboxRow),
    put: (entry) => void put.run(toParams(outboxRecordSchema.parse(entry))),
    insertIfAbsent: (entry) => insertIfAbsent.run(toParams(outboxRecordSchema.parse(entry))).changes === 1,
    remove: (clientId) => void remove.run(clientId),
    keepUnreadable(raw, reason) {
      const text = typeof raw === 'string' ? raw : (JSON.stringify(raw) ?? String(raw))
      const fingerprint = createHash('sha256').update(text).digest('hex')
      keep.run({ fingerprint, raw: text, reason, keptAt: new Date().toISOString() })
    },
    listUnreadable: () => unreadable.all().map((row) => ({ raw: row.raw, reason: row.reason, keptAt: row.kept_at })),
  }
}
