/** Unsent reply drafts, one per conversation (the `drafts` table). */
import type { Database } from 'better-sqlite3'

export interface DraftQueries {
  getAll(): Record<string, string>
  /** The conversation's draft, or null. */
  get(chatId: string): string | null
  count(): number
  /** An empty (or blank) text deletes the draft. One statement: a crash keeps the old text or the new. */
  set(chatId: string, text: string): void
  /** Inserts only when the conversation has no draft yet; true when inserted. */
  insertIfAbsent(chatId: string, text: string): boolean
}

export function createDraftQueries(db: Database, now: () => Date = () => new Date()): DraftQueries {
  const all = db.prepare<[], { chat_id: string; text: string }>('SELECT chat_id, text FROM drafts ORDER BY chat_id')
  const one = db.prepare<[string], { text: string }>('SELECT text FROM drafts WHERE chat_id = ?')
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM drafts')
  const upsert = db.prepare(`INSERT INTO drafts (chat_id, text, updated_at) VALUES (@chatId, @text, @at)
    ON CONFLICT (chat_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`)
  const insert = db.prepare(
    'INSERT INTO drafts (chat_id, text, updated_at) VALUES (@chatId, @text, @at) ON CONFLICT (chat_id) DO NOTHING',
  )
  const remove = db.prepare<[string]>('DELETE FROM drafts WHERE chat_id = ?')
  return {
    getAll: () => Object.fromEntries(all.all().map((row) => [row.chat_id, row.text])),
    get: (chatId) => one.get(chatId)?.text ?? null,
    count: () => count.get()?.n ?? 0,
    set(chatId, text) {
      if (text.trim().length === 0) remove.run(chatId)
      else upsert.run({ chatId, text, at: now().toISOString() })
    },
    insertIfAbsent(chatId, text) {
      if (text.trim().length === 0) return false
      return insert.run({ chatId, text, at: now().toISOString() }).changes === 1
    },
  }
}
