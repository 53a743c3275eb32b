/** Statements whose SQL depends on the view, sort or filters: prepared once per key, on first use. */
import type { Database, Statement } from 'better-sqlite3'

export type StatementCache = (key: string, sql: () => string) => Statement

export function createStatementCache(db: Database): StatementCache {
  const cache = new Map<string, Statement>()
  return (key, sql) => {
    let statement = cache.get(key)
    if (!statement) {
      statement = db.prepare(sql())
      cache.set(key, statement)
    }
    return statement
  }
}
