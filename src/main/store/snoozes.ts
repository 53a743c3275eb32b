/**
 * Snoozed conversations (the `snoozes` table, step 5): when each is due to wake, as an instant (ms since the
 * epoch, UTC), never a local time string, so a clock or time-zone change cannot move it. The policy (archive
 * now, unarchive when due, retry) is src/main/snooze's; this file only keeps the rows.
 */
import type { Database } from 'better-sqlite3'

export interface SnoozeRow {
  chatId: string
  /** When it is due to wake (ms since the epoch). */
  untilMs: number
  /** When the agent snoozed it (ms since the epoch). */
  snoozedAtMs: number
  /** The conversation's last message id when it was snoozed: a newer one means someone wrote since. */
  lastMessageId: number | null
  /** Failed attempts to wake it (unarchive) since it came due. */
  attempts: number
  /** Why the last attempt failed (the bridge error as JSON: the window translates it), null when none failed. */
  lastError: string | null
}

export interface SnoozeQueries {
  /** Every snooze, soonest first. */
  list(): SnoozeRow[]
  get(chatId: string): SnoozeRow | null
  /** Those due by `nowMs`, soonest first. */
  due(nowMs: number): SnoozeRow[]
  /** Records (or replaces) a snooze; its failure count starts again. */
  put(row: Pick<SnoozeRow, 'chatId' | 'untilMs' | 'snoozedAtMs' | 'lastMessageId'>): void
  /** A failed wake: one more attempt, and why. */
  noteFailure(chatId: string, error: string): void
  /** True when there was one to remove. */
  remove(chatId: string): boolean
  /** Inserts only when the conversation has none yet (the rebuild's salvage); true when inserted. */
  insertIfAbsent(row: SnoozeRow): boolean
}

interface Raw {
  chat_id: string
  until_ms: number
  snoozed_at_ms: number
  last_message_id: number | null
  attempts: number
  last_error: string | null
}

const rowOf = (raw: Raw): SnoozeRow => ({
  chatId: raw.chat_id,
  untilMs: raw.until_ms,
  snoozedAtMs: raw.snoozed_at_ms,
  lastMessageId: raw.last_message_id,
  attempts: raw.attempts,
  lastError: raw.last_error,
})

export function createSnoozeQueries(db: Database): SnoozeQueries {
  const columns = 'chat_id, until_ms, snoozed_at_ms, last_message_id, attempts, last_error'
  const all = db.prepare<[], Raw>(`SELECT ${columns} FROM snoozes ORDER BY until_ms, chat_id`)
  const one = db.prepare<[string], Raw>(`SELECT ${columns} FROM snoozes WHERE chat_id = ?`)
  const due = db.prepare<[number], Raw>(`SELECT ${columns} FROM snoozes WHERE until_ms <= ? ORDER BY until_ms, chat_id`)
  const put = db.prepare(`INSERT INTO snoozes (chat_id, until_ms, snoozed_at_ms, last_message_id, attempts, last_error)
    VALUES (@chatId, @untilMs, @snoozedAtMs, @lastMessageId, 0, NULL)
    ON CONFLICT (chat_id) DO UPDATE SET until_ms = excluded.until_ms, snoozed_at_ms = excluded.snoozed_at_ms,
      last_message_id = excluded.last_message_id, attempts = 0, last_error = NULL`)
  const fail = db.prepare('UPDATE snoozes SET attempts = attempts + 1, last_error = @error WHERE chat_id = @chatId')
  const remove = db.prepare<[string]>('DELETE FROM snoozes WHERE chat_id = ?')
  const insert =
    db.prepare(`INSERT INTO snoozes (chat_id, until_ms, snoozed_at_ms, last_message_id, attempts, last_error)
    VALUES (@chatId, @untilMs, @snoozedAtMs, @lastMessageId, @attempts, @lastError) ON CONFLICT (chat_id) DO NOTHING`)
  return {
    list: () => all.all().map(rowOf),
    get: (chatId) => {
      const raw = one.get(chatId)
      return raw ? rowOf(raw) : null
    },
    due: (nowMs) => due.all(nowMs).map(rowOf),
    put: (row) => void put.run(row),
    noteFailure: (chatId, error) => void fail.run({ chatId, error }),
    remove: (chatId) => remove.run(chatId).changes === 1,
    insertIfAbsent: (row) => insert.run(row).changes === 1,
  }
}
