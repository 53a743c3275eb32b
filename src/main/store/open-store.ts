/**
 * Opening an account's database: one file per account, named by a hash of the
 * account id (never the key), WAL, foreign keys on, migrated to the latest
 * schema. A damaged file is moved aside and replaced by a fresh one, keeping
 * the outbox and drafts it still had where they can be read; the caller is
 * handed a `RecoveryReport` to tell the user once.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3, { type Database } from 'better-sqlite3'
import { createAccountStore, type AccountStore } from './account-store'
import { StoreError, toStoreError } from './errors'
import { migrate } from './migrations'
import { isOutboxDocument, type OutboxDocument } from './outbox-entries'
import type { SnoozeRow } from './snoozes'

export interface OpenStoreOptions {
  /** The folder holding every account's database (created if missing). */
  folder: string
  /** The account's id (base URL + key hash, as establish() in account/account-state.ts makes it). */
  accountId: string
  /** For names of moved-aside files; tests pass a fixed clock. */
  now?: () => Date
}

export interface RecoveryReport {
  /** What was wrong with the file (for the log). */
  reason: string
  /** Where the damaged file now is. */
  movedTo: string
  salvagedOutboxEntries: number
  salvagedDrafts: number
  /** Why part of the salvage failed, when it did (null: all that was readable was kept). */
  salvageProblem: string | null
}

export interface OpenedStore {
  store: AccountStore
  /** Set when the file was damaged and rebuilt: tell the user once. */
  recovery: RecoveryReport | null
}

const SIDE_FILES = ['', '-wal', '-shm']

/** `inbox-<16 hex>.sqlite3`: the first 64 bits of sha256(accountId), as the outbox files use. */
export function databaseFileName(accountId: string): string {
  return `inbox-${createHash('sha256').update(accountId).digest('hex').slice(0, 16)}.sqlite3`
}

export function databasePath(folder: string, accountId: string): string {
  return join(folder, databaseFileName(accountId))
}

/** Opens, configures and migrates; checks that the root page of every table can be read (a whole-file check is `checkIntegrity`, too slow for a cold start). */
export function openDatabase(file: string): Database {
  let db: Database | null = null
  try {
    db = new BetterSqlite3(file)
    db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    // WAL + NORMAL: a power cut may lose the last commits, never corrupt the file.
    db.pragma('synchronous = NORMAL')
    db.pragma('busy_timeout = 3000')
    // A 100k-conversation inbox is a few hundred MiB: SQLite's default 2 MiB page
    // cache makes every search and deep window read the disk. 32 MiB of cache,
    // and the file mapped (the OS page cache, shared, not the JS heap).
    db.pragma('cache_size = -32768')
    db.pragma('mmap_size = 268435456')
    db.pragma('temp_store = MEMORY')
    migrate(db, file)
    for (const table of ['conversations', 'messages', 'outbox_entries', 'drafts', 'sync_cursors']) {
      db.prepare(`SELECT * FROM ${table} LIMIT 1`).get()
    }
    return db
  } catch (error) {
    db?.close()
    throw toStoreError(error, file)
  }
}

export function openAccountStore(options: OpenStoreOptions): OpenedStore {
  const file = databasePath(options.folder, options.accountId)
  try {
    mkdirSync(options.folder, { recursive: true })
  } catch (error) {
    throw toStoreError(error, options.folder)
  }
  try {
    return { store: createAccountStore(openDatabase(file), file), recovery: null }
  } catch (error) {
    if (!(error instanceof StoreError) || error.kind !== 'corrupt') throw error
    return rebuildDamagedStore(options, error.detail)
  }
}

/** A database in memory only: what the app runs on when the account's file cannot be opened
 * (read-only folder, full disk, a newer app's file), so that the session still works; nothing survives it. */
export function openMemoryAccountStore(): AccountStore {
  return createAccountStore(openDatabase(':memory:'), ':memory:')
}

/**
 * Moves the account's database aside and starts a fresh one, carrying over
 * the outbox, drafts and snoozes that can still be read. Also for a store found damaged
 * later (`checkIntegrity`, or a query failing with kind `corrupt`): close it first.
 */
export function rebuildDamagedStore(options: OpenStoreOptions, reason: string): OpenedStore {
  const file = databasePath(options.folder, options.accountId)
  const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-')
  const movedTo = `${file}.damaged-${stamp}`
  try {
    for (const suffix of SIDE_FILES) {
      if (existsSync(file + suffix)) renameSync(file + suffix, movedTo + suffix)
    }
  } catch (error) {
    throw toStoreError(error, file)
  }
  const salvage = salvageFrom(movedTo)
  const store = createAccountStore(openDatabase(file), file)
  store.transaction(() => {
    for (const entry of salvage.outbox) store.outbox.insertIfAbsent(entry)
    for (const item of salvage.unreadable) store.outbox.keepUnreadable(item.raw, item.reason)
    for (const [chatId, text] of salvage.drafts) store.drafts.insertIfAbsent(chatId, text)
    for (const row of salvage.snoozes) store.snoozes.insertIfAbsent(row)
  })
  return {
    store,
    recovery: {
      reason,
      movedTo,
      salvagedOutboxEntries: salvage.outbox.length,
      salvagedDrafts: salvage.drafts.length,
      salvageProblem: salvage.problems.length > 0 ? salvage.problems.join('; ') : null,
    },
  }
}

interface Salvage {
  outbox: OutboxDocument[]
  unreadable: Array<{ raw: unknown; reason: string }>
  drafts: Array<[string, string]>
  /** Snoozes exist nowhere else either: lost, their conversations would stay archived for good. */
  snoozes: SnoozeRow[]
  problems: string[]
}

/** Reads what it can of the outbox and drafts of a damaged file, row by row:
 * a damaged page ends that table's reading, not the whole salvage. */
function salvageFrom(damaged: string): Salvage {
  const salvage: Salvage = { outbox: [], unreadable: [], drafts: [], snoozes: [], problems: [] }
  let db: Database
  try {
    db = new BetterSqlite3(damaged, { readonly: true, fileMustExist: true })
  } catch (error) {
    salvage.problems.push(`cannot open the damaged file: ${toStoreError(error, damaged).detail}`)
    return salvage
  }
  const read = (what: string, sql: string, take: (row: Record<string, unknown>) => void) => {
    try {
      for (const row of db.prepare(sql).iterate() as IterableIterator<Record<string, unknown>>) take(row)
    } catch (error) {
      salvage.problems.push(`${what}: ${toStoreError(error, damaged).detail}`)
    }
  }
  read('outbox', 'SELECT entry FROM outbox_entries ORDER BY position', (row) => {
    let entry: unknown
    try {
      entry = JSON.parse(String(row.entry))
    } catch (error) {
      salvage.unreadable.push({ raw: String(row.entry), reason: `damaged outbox row: ${String(error)}` })
      return
    }
    if (isOutboxDocument(entry)) salvage.outbox.push(entry)
    else salvage.unreadable.push({ raw: entry, reason: 'damaged outbox row: no clientId or chatId' })
  })
  read('unreadable outbox items', 'SELECT raw, reason FROM outbox_unreadable', (row) => {
    salvage.unreadable.push({ raw: String(row.raw), reason: String(row.reason) })
  })
  read('drafts', 'SELECT chat_id, text FROM drafts', (row) => {
    if (typeof row.chat_id === 'string' && typeof row.text === 'string') salvage.drafts.push([row.chat_id, row.text])
  })
  // A file from before step 5 has no snoozes table: that is a problem only if it should have had one.
  if (hasTable(db, 'snoozes')) read('snoozes', 'SELECT * FROM snoozes', (row) => salvageSnooze(salvage, row))
  db.close()
  return salvage
}

function hasTable(db: Database, name: string): boolean {
  try {
    return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined
  } catch {
    return false
  }
}

function salvageSnooze(salvage: Salvage, row: Record<string, unknown>): void {
  const { chat_id: chatId, until_ms: untilMs, snoozed_at_ms: snoozedAtMs, last_message_id: lastMessageId } = row
  if (typeof chatId !== 'string' || typeof untilMs !== 'number' || typeof snoozedAtMs !== 'number') return
  salvage.snoozes.push({
    chatId,
    untilMs,
    snoozedAtMs,
    lastMessageId: typeof lastMessageId === 'number' ? lastMessageId : null,
    attempts: typeof row.attempts === 'number' ? row.attempts : 0,
    lastError: typeof row.last_error === 'string' ? row.last_error : null,
  })
}

/** Removes an account's database (account removed, or "Clear local data"). */
export function deleteAccountDatabase(folder: string, accountId: string): void {
  const file = databasePath(folder, accountId)
  try {
    for (const suffix of SIDE_FILES) rmSync(file + suffix, { force: true })
  } catch (error) {
    throw toStoreError(error, file)
  }
}
