/**
 * Opening a connected account's local database (src/main/store) for its live
 * runtime: the file is opened (a damaged one rebuilt), the JSON files an
 * earlier version kept are imported once, and a file that cannot be opened at
 * all (read-only folder, full disk, a newer app's file) leaves the session on
 * a database in memory, said in the log, rather than no inbox.
 */
import { createHash } from 'node:crypto'
import { basename, join } from 'node:path'
import type { Logger } from '../ports/logger'
import type { KeyValueStore } from '../ports/shell-adapters'
import type { LocalDataNotice } from '../../shared/ipc/contract'
import {
  deleteAccountDatabase,
  isOutboxDocument,
  StoreError,
  importDraftsJson,
  importOutboxJson,
  importSyncStateJson,
  openAccountStore,
  openMemoryAccountStore,
  type AccountStore,
  type ImportResult,
  type OpenedStore,
  type RecoveryReport,
} from '../store'

/** The electron-store file (`drafts.json`) every draft lived in before the database (one file for all accounts:
 * imported into the first account that opens, which is the one whose drafts they were). */
export const DRAFTS_STORE_NAME = 'drafts'
/** The electron-store file (`sync-state.json`) the sync state lived in before the database. */
export const SYNC_STATE_STORE_NAME = 'sync-state'
/** The electron-store file an account's outbox lived in before the database (one per account). */
export const outboxStoreName = (accountId: string): string =>
  `outbox-${createHash('sha256').update(accountId).digest('hex').slice(0, 16)}`

/** How the app reaches account databases: the port the composition root fills (userData in the app, a temp
 * folder in tests). */
export interface AccountDatabases {
  /** Opens (creating, migrating, or rebuilding a damaged file) the account's database. Throws StoreError. */
  open(accountId: string): OpenedStore
  /** Removes the account's database and its side files (the account was removed). */
  remove(accountId: string): void
  /** The folder holding the JSON files an earlier version kept (userData). */
  readonly legacyFolder: string
}

/** The databases in a folder (userData in the app): `inbox-<hash>.sqlite3` per account, beside the JSON files. */
export function userDataDatabases(folder: string): AccountDatabases {
  return {
    open: (accountId) => openAccountStore({ folder, accountId }),
    remove: (accountId) => deleteAccountDatabase(folder, accountId),
    legacyFolder: folder,
  }
}

export interface OpenedAccountDatabase {
  store: AccountStore
  /** Set when the file was damaged and rebuilt (tell the user once). */
  recovery: RecoveryReport | null
  /** Set when the file could not be opened and the session runs on memory only. */
  problem: Error | null
  /** Set when drafts.json could not be read whole: moved aside, its legible drafts imported (tell the user once). */
  draftsSetAside: { movedTo: string; imported: number } | null
}

export function openAccountDatabase(
  databases: AccountDatabases,
  accountId: string,
  log: Logger,
  options: { inMemory?: boolean } = {},
): OpenedAccountDatabase {
  // The demo workspace: its sandbox starts afresh (on a new port, so a new account id) at every launch, so a file
  // would only keep a copy no later run can use, one more each launch.
  if (options.inMemory) return { store: openMemoryAccountStore(), recovery: null, problem: null, draftsSetAside: null }
  let opened: OpenedStore
  try {
    opened = databases.open(accountId)
  } catch (error) {
    log.error('The inbox database could not be opened; this session keeps the inbox in memory only.', error)
    return { store: openMemoryAccountStore(), recovery: null, problem: asError(error), draftsSetAside: null }
  }
  if (opened.recovery) {
    const { reason, movedTo, salvagedOutboxEntries, salvagedDrafts } = opened.recovery
    log.warn(
      `The inbox database was damaged (${reason}); moved it to ${movedTo} and started afresh, keeping ` +
        `${salvagedOutboxEntries} outbox entries and ${salvagedDrafts} drafts.`,
    )
  }
  const drafts = importLegacyFiles(opened.store, databases.legacyFolder, accountId, log)
  return { ...opened, problem: null, draftsSetAside: drafts.status === 'set_aside' ? drafts : null }
}

/** What the window is told about the database just opened (AppState.localDataNotice), if anything. */
export function noticeOf(opened: Omit<OpenedAccountDatabase, 'store'>): LocalDataNotice | null {
  if (opened.recovery) {
    return {
      kind: 'rebuilt',
      keptReplies: opened.recovery.salvagedOutboxEntries,
      keptDrafts: opened.recovery.salvagedDrafts,
    }
  }
  if (opened.problem) {
    const kind = opened.problem instanceof StoreError ? opened.problem.kind : 'failed'
    const reason = kind === 'read_only' || kind === 'disk_full' || kind === 'too_new' ? kind : 'failed'
    return { kind: 'unavailable', reason }
  }
  if (opened.draftsSetAside) {
    const { movedTo, imported } = opened.draftsSetAside
    return { kind: 'draftsSetAside', keptDrafts: imported, movedTo: basename(movedTo) }
  }
  return null
}

/**
 * "Clear local data": the account's database is deleted and started afresh (the next sync fills it), carrying over
 * the unsent replies, drafts and snoozes, which exist nowhere else. Call it with the account's runtime closed.
 */
export function clearAccountDatabase(databases: AccountDatabases, accountId: string): void {
  const { store: old } = databases.open(accountId)
  const replies = old.outbox.list()
  const unreadable = old.outbox.listUnreadable()
  const drafts = old.drafts.getAll()
  const snoozes = old.snoozes.list()
  old.close()
  databases.remove(accountId)
  const { store } = databases.open(accountId)
  try {
    store.transaction(() => {
      for (const entry of replies) if (isOutboxDocument(entry)) store.outbox.insertIfAbsent(entry)
      for (const item of unreadable) store.outbox.keepUnreadable(item.raw, item.reason)
      for (const [chatId, text] of Object.entries(drafts)) store.drafts.insertIfAbsent(chatId, text)
      for (const row of snoozes) store.snoozes.insertIfAbsent(row)
    })
  } finally {
    store.close()
  }
}

/**
 * The database of an account another key replaced (Settings → Change account). The server has everything in it
 * but what was never sent: with no unsent reply, no draft and no unreadable outbox row, it is deleted, or every
 * change of key would leave a copy of an inbox behind. With any of those it is kept: they belong to that key
 * (a reply is never sent with another account's key), and connecting with it again brings them back.
 */
export function releaseReplacedDatabase(databases: AccountDatabases, accountId: string): 'deleted' | 'kept' {
  const { store } = databases.open(accountId)
  let holdsWork: boolean
  try {
    const unsent = store.outbox.list().some((entry) => (entry as { state?: unknown }).state !== 'accepted')
    holdsWork = unsent || store.outbox.listUnreadable().length > 0 || Object.keys(store.drafts.getAll()).length > 0
  } finally {
    store.close()
  }
  if (holdsWork) return 'kept'
  databases.remove(accountId)
  return 'deleted'
}

/** The JSON files of before the database, each imported once (then renamed `*.imported`); the drafts' result. */
function importLegacyFiles(store: AccountStore, folder: string, accountId: string, log: Logger): ImportResult {
  const imports: Array<[string, (file: string) => ImportResult]> = [
    [`${SYNC_STATE_STORE_NAME}.json`, (file) => importSyncStateJson(store, file, accountId)],
    [`${outboxStoreName(accountId)}.json`, (file) => importOutboxJson(store, file)],
    [`${DRAFTS_STORE_NAME}.json`, (file) => importDraftsJson(store, file)],
  ]
  let drafts: ImportResult = { status: 'absent' }
  for (const [name, importer] of imports) {
    const file = join(folder, name)
    try {
      const result = importer(file)
      report(log, file, result)
      if (name === `${DRAFTS_STORE_NAME}.json`) drafts = result
    } catch (error) {
      // The file stays where it was and the next start tries again (an outbox's replies stay in it).
      log.error(`${file} could not be imported into the inbox database; it is kept for the next start.`, error)
    }
  }
  return drafts
}

function report(log: Logger, file: string, result: ImportResult): void {
  if (result.status === 'imported') log.info(`imported ${result.imported} item(s) of ${file}; now ${result.movedTo}`)
  else if (result.status === 'unreadable') log.warn(`${file} was not imported: ${result.reason}; it is left in place`)
  else if (result.status === 'set_aside') {
    log.warn(
      `${file} could not be read whole (${result.reason}): imported the ${result.imported} draft(s) still legible ` +
        `in it and moved it to ${result.movedTo}.`,
    )
  }
}

/** A `KeyValueStore` whose keys are the database's named sync cursors (the sync engine's persisted state). */
export function cursorKeyValueStore<T extends Record<string, unknown>>(store: AccountStore): KeyValueStore<T> {
  return {
    get: (key) => store.cursors.get(String(key)) as T[typeof key],
    set: (key, value) => store.cursors.set(String(key), value),
    delete: (key) => store.cursors.remove(String(key)),
    path: `${store.file} (sync_cursors)`,
  }
}

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)))
