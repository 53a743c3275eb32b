/**
 * One-time import of the JSON stores the app kept before the database
 * (drafts.json, outbox-<hash>.json, sync-state.json). Each importer is
 * idempotent (a crash between the commit and the rename imports nothing twice)
 * and, once the rows are committed, renames the file aside so it is not read again.
 * The app (src/main/app/account-database.ts) calls them right after opening the account's store.
 */
import { existsSync, readFileSync, renameSync } from 'node:fs'
import type { AccountStore } from './account-store'
import { toStoreError } from './errors'
import { isOutboxDocument } from './outbox-entries'

export type ImportResult =
  /** No such file: nothing to do. */
  | { status: 'absent' }
  /** Rows were committed and the file renamed to `movedTo`. */
  | { status: 'imported'; imported: number; skipped: number; movedTo: string }
  /** The file is not valid JSON or not the expected shape: left where it is. */
  | { status: 'unreadable'; reason: string }
  /** The file could not be read as a whole: what was legible in it was imported, and it was moved to `movedTo`. */
  | { status: 'set_aside'; imported: number; skipped: number; reason: string; movedTo: string }
  /** The file belongs to another account: left for that account's import. */
  | { status: 'other_account' }

/** The sync engine's persisted state is kept under this cursor name. */
export const SYNC_STATE_CURSOR = 'syncState'

const IMPORTED_SUFFIX = '.imported'

function readJson(file: string): { ok: true; value: unknown } | { ok: false; reason: string } | null {
  if (!existsSync(file)) return null
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw toStoreError(error, file)
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch (error) {
    return { ok: false, reason: `not valid JSON: ${String(error)}` }
  }
}

function moveAside(file: string, suffix: string = IMPORTED_SUFFIX): string {
  const movedTo = file + suffix
  try {
    renameSync(file, movedTo)
  } catch (error) {
    throw toStoreError(error, file)
  }
  return movedTo
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** `drafts.json`: `{ drafts: { chatId: text } }`. A draft already in the database wins.
 * A file that cannot be read as drafts is not left to fail at every start: every `"chatId": "text"` pair still
 * legible in it is imported, and the file is moved aside whole (`drafts.json.unreadable-<time>`), nothing deleted. */
export function importDraftsJson(store: AccountStore, file: string, now: () => Date = () => new Date()): ImportResult {
  const read = readJson(file)
  if (read === null) return { status: 'absent' }
  const drafts = read.ok && isRecord(read.value) ? read.value.drafts : undefined
  const problem = !read.ok
    ? read.reason
    : drafts !== undefined && !isRecord(drafts)
      ? '"drafts" is not an object'
      : null
  const pairs: Array<[string, unknown]> =
    problem === null ? Object.entries(drafts ?? {}) : legibleDraftPairs(readFileSync(file, 'utf8'))
  let imported = 0
  let skipped = 0
  store.transaction(() => {
    for (const [chatId, text] of pairs) {
      if (typeof text === 'string' && store.drafts.insertIfAbsent(chatId, text)) imported += 1
      else skipped += 1
    }
  })
  if (problem === null) return { status: 'imported', imported, skipped, movedTo: moveAside(file) }
  const stamp = now().toISOString().replace(/[:.]/g, '-')
  return { status: 'set_aside', imported, skipped, reason: problem, movedTo: moveAside(file, `.unreadable-${stamp}`) }
}

/** Every `"key": "text"` pair of a damaged drafts file (a cut write, stray bytes), the strings unescaped as JSON. */
function legibleDraftPairs(text: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = []
  const pair = /"((?:[^"\\\n]|\\.)*)"\s*:\s*"((?:[^"\\\n]|\\.)*)"/g
  for (const match of text.matchAll(pair)) {
    try {
      pairs.push([JSON.parse(`"${match[1]}"`) as string, JSON.parse(`"${match[2]}"`) as string])
    } catch {
      // An escape cut in half: that pair is not legible; the file keeps it for a person to read.
      continue
    }
  }
  return pairs
}

/** `outbox-<hash>.json`: `{ outboxEntries: [...], outboxUnreadableEntries: [...] }`.
 * Entries are copied as they are (any version: the outbox upgrades them when
 * it loads); items without a clientId and chatId are kept as unreadable, never dropped. */
export function importOutboxJson(store: AccountStore, file: string): ImportResult {
  const read = readJson(file)
  if (read === null) return { status: 'absent' }
  if (!read.ok) return { status: 'unreadable', reason: read.reason }
  if (!isRecord(read.value)) return { status: 'unreadable', reason: 'not an object' }
  const { outboxEntries, outboxUnreadableEntries } = read.value
  let imported = 0
  let skipped = 0
  store.transaction(() => {
    const entries = outboxEntries === undefined || outboxEntries === null ? [] : outboxEntries
    if (!Array.isArray(entries)) store.outbox.keepUnreadable(entries, 'the outbox file held no list of entries')
    else {
      for (const item of entries) {
        if (!isOutboxDocument(item)) {
          store.outbox.keepUnreadable(item, `an entry without clientId or chatId in ${file}`)
          skipped += 1
        } else if (store.outbox.insertIfAbsent(item)) imported += 1
        else skipped += 1
      }
    }
    for (const item of Array.isArray(outboxUnreadableEntries) ? outboxUnreadableEntries : []) {
      store.outbox.keepUnreadable(item, `kept as unreadable in ${file}`)
    }
  })
  return { status: 'imported', imported, skipped, movedTo: moveAside(file) }
}

/** `sync-state.json`: `{ syncState: { accountKey, ... } }`, one account's state.
 * Imported only into that account's store; kept as one cursor for the sync
 * engine, which validates it (its schema lives with the engine). */
export function importSyncStateJson(store: AccountStore, file: string, accountId: string): ImportResult {
  const read = readJson(file)
  if (read === null) return { status: 'absent' }
  if (!read.ok) return { status: 'unreadable', reason: read.reason }
  const state = isRecord(read.value) ? read.value.syncState : undefined
  if (state === undefined || state === null)
    return { status: 'imported', imported: 0, skipped: 0, movedTo: moveAside(file) }
  if (!isRecord(state) || typeof state.accountKey !== 'string') {
    return { status: 'unreadable', reason: 'the sync state has no accountKey' }
  }
  if (state.accountKey !== accountId) return { status: 'other_account' }
  const imported = store.cursors.setIfAbsent(SYNC_STATE_CURSOR, state) ? 1 : 0
  return { status: 'imported', imported, skipped: 1 - imported, movedTo: moveAside(file) }
}
