/**
 * Sync cursors and watermarks: small JSON values under a name (the sync
 * engine's persisted state, the conversations watermark, backfill progress).
 * The caller validates what it reads back: a cursor is only a hint, and a
 * damaged one costs a fresh baseline, never a crash.
 */
import type { Database } from 'better-sqlite3'

export interface CursorQueries {
  get(name: string): unknown
  set(name: string, value: unknown): void
  /** Sets only when absent; true when set. */
  setIfAbsent(name: string, value: unknown): boolean
  remove(name: string): void
}

export function createCursorQueries(db: Database): CursorQueries {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM sync_cursors WHERE name = ?')
  const set = db.prepare(`INSERT INTO sync_cursors (name, value) VALUES (@name, @value)
    ON CONFLICT (name) DO UPDATE SET value = excluded.value`)
  const insert = db.prepare(
    'INSERT INTO sync_cursors (name, value) VALUES (@name, @value) ON CONFLICT (name) DO NOTHING',
  )
  const remove = db.prepare<[string]>('DELETE FROM sync_cursors WHERE name = ?')
  const encode = (value: unknown): string => {
    const text = JSON.stringify(value)
    if (text === undefined) throw new Error('a cursor must be a JSON value')
    return text
  }
  return {
    get(name) {
      const row = get.get(name)
      return row ? (JSON.parse(row.value) as unknown) : undefined
    },
    set: (name, value) => void set.run({ name, value: encode(value) }),
    setIfAbsent: (name, value) => insert.run({ name, value: encode(value) }).changes === 1,
    remove: (name) => void remove.run(name),
  }
}
