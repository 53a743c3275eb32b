/**
 * Test support: damage an account database the way a bad disk or a torn write would, for the
 * recovery paths (store/faults.test.ts, app/live-account-store.test.ts, tests/e2e/local-first.spec.ts).
 */
import BetterSqlite3 from 'better-sqlite3'
import { closeSync, openSync, writeSync } from 'node:fs'

/** Overwrites the root page of a table or index (`objectName`) of the file with garbage. Opened read-write
 * first so that any write-ahead log is folded into the file, or the damage could sit under newer pages. */
export function damageRootPage(file: string, objectName: string): void {
  const db = new BetterSqlite3(file)
  db.pragma('wal_checkpoint(TRUNCATE)')
  const pageSize = db.pragma('page_size', { simple: true }) as number
  const row = db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').get(objectName) as
    { rootpage: number } | undefined
  db.close()
  if (!row) throw new Error(`no table or index named ${objectName} in ${file}`)
  const fd = openSync(file, 'r+')
  try {
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (row.rootpage - 1) * pageSize)
  } finally {
    closeSync(fd)
  }
}
