/** What the window showed last, per account (the `view_state` table): the last open conversation. */
import type { Database } from 'better-sqlite3'

export type ViewStateName = 'lastOpenConversation'

export interface ViewStateQueries {
  get(name: ViewStateName): string | null
  /** null removes it. */
  set(name: ViewStateName, value: string | null): void
}

export function createViewStateQueries(db: Database): ViewStateQueries {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM view_state WHERE name = ?')
  const set = db.prepare(`INSERT INTO view_state (name, value) VALUES (@name, @value)
    ON CONFLICT (name) DO UPDATE SET value = excluded.value WHERE value IS NOT excluded.value`)
  const remove = db.prepare<[string]>('DELETE FROM view_state WHERE name = ?')
  return {
    get: (name) => get.get(name)?.value ?? null,
    set(name, value) {
      if (value === null) remove.run(name)
      else set.run({ name, value })
    },
  }
}
