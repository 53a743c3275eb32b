import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAccountStore } from './account-store'
import { databasePath, openAccountStore, rebuildDamagedStore, StoreError, deleteAccountDatabase } from './index'
import { openDatabase } from './open-store'
import { damageRootPage } from './testing/damage'
import { conversation, message, outboxRecord, tempFolder } from './testing/fixtures'

const ACCOUNT = 'https://inbox.example#feedfacefeedface'
const clock = () => new Date('2026-12-02T10:00:00.000Z')
let folder: ReturnType<typeof tempFolder>
beforeEach(() => {
  folder = tempFolder()
})
afterEach(() => {
  chmodSync(folder.folder, 0o700)
  folder.cleanup()
})

/** A store with a bit of everything, closed (so the WAL is checkpointed into the file). */
function writeFilledStore(): string {
  const { store } = openAccountStore({ folder: folder.folder, accountId: ACCOUNT })
  store.conversations.upsertMany([conversation('c1'), conversation('c2')])
  store.messages.upsertPage('c1', [message('c1', 1, 'hello')])
  store.outbox.save(outboxRecord('r1', { text: 'the reply that must survive' }))
  store.outbox.save(
    outboxRecord('r2', { state: 'sending', attempts: [{ startedAt: 9, outcome: 'unknown' }], baselineMessageId: 1 }),
  )
  store.drafts.set('c2', 'half-written answer')
  store.snoozes.put({ chatId: 'c1', untilMs: 1_800_000_000_000, snoozedAtMs: 1_790_000_000_000, lastMessageId: 1 })
  store.close()
  return databasePath(folder.folder, ACCOUNT)
}

const clientIds = (store: { outbox: { list(): unknown[] } }) =>
  store.outbox.list().map((e) => (e as { clientId: string }).clientId)

function errorOf(action: () => unknown): StoreError {
  try {
    action()
  } catch (error) {
    if (error instanceof StoreError) return error
    throw error
  }
  throw new Error('expected a StoreError')
}

describe('a damaged database', () => {
  it('that is not a database at all is moved aside and replaced, and the caller is told', () => {
    const file = databasePath(folder.folder, ACCOUNT)
    writeFileSync(file, 'this is not SQLite '.repeat(500))
    const { store, recovery } = openAccountStore({ folder: folder.folder, accountId: ACCOUNT, now: clock })
    expect(recovery).toMatchObject({
      movedTo: `${file}.damaged-2026-12-02T10-00-00-000Z`,
      salvagedOutboxEntries: 0,
      salvagedDrafts: 0,
    })
    expect(recovery!.reason).toMatch(/SQLITE_NOTADB/)
    expect(recovery!.salvageProblem).toMatch(/outbox/)
    expect(existsSync(recovery!.movedTo)).toBe(true)
    store.conversations.upsertMany([conversation('c1')])
    expect(store.conversations.countAll()).toBe(1)
    store.close()
    // The next start opens the new file normally: the user is told once.
    const again = openAccountStore({ folder: folder.folder, accountId: ACCOUNT })
    expect(again.recovery).toBeNull()
    again.store.close()
  })

  it('with a damaged conversations page is rebuilt, keeping its outbox, drafts and snoozes', () => {
    const file = writeFilledStore()
    damageRootPage(file, 'conversations')
    const { store, recovery } = openAccountStore({ folder: folder.folder, accountId: ACCOUNT, now: clock })
    expect(recovery).toMatchObject({ salvagedOutboxEntries: 2, salvagedDrafts: 1, salvageProblem: null })
    expect(recovery!.reason).toMatch(/SQLITE_CORRUPT/)
    expect(store.outbox.list()).toEqual([
      outboxRecord('r1', { text: 'the reply that must survive' }),
      outboxRecord('r2', { state: 'sending', attempts: [{ startedAt: 9, outcome: 'unknown' }], baselineMessageId: 1 }),
    ])
    expect(store.drafts.getAll()).toEqual({ c2: 'half-written answer' })
    // Lost, a snoozed conversation would stay archived for good.
    expect(store.snoozes.list()).toMatchObject([{ chatId: 'c1', untilMs: 1_800_000_000_000, lastMessageId: 1 }])
    expect(store.conversations.countAll()).toBe(0) // rebuilt from the server by the next sync
    store.close()
  })

  it('found damaged later by the integrity check can be rebuilt the same way', () => {
    const file = writeFilledStore()
    damageRootPage(file, 'conversations_by_created')
    const opened = openAccountStore({ folder: folder.folder, accountId: ACCOUNT })
    expect(opened.recovery).toBeNull() // the cheap checks at open read table roots only
    const findings = opened.store.checkIntegrity()
    expect(findings.length).toBeGreaterThan(0)
    opened.store.close()
    const { store, recovery } = rebuildDamagedStore(
      { folder: folder.folder, accountId: ACCOUNT, now: clock },
      findings[0]!,
    )
    expect(recovery).toMatchObject({ salvagedOutboxEntries: 2, salvagedDrafts: 1 })
    expect(store.checkIntegrity()).toEqual([])
    expect(clientIds(store)).toEqual(['r1', 'r2'])
    store.close()
  })

  it('can be deleted with its side files (remove account, "Clear local data")', () => {
    writeFilledStore()
    const { store } = openAccountStore({ folder: folder.folder, accountId: ACCOUNT })
    store.close()
    deleteAccountDatabase(folder.folder, ACCOUNT)
    expect(readdirSync(folder.folder)).toEqual([])
  })
})

describe('a full disk', () => {
  it('gives a disk_full error, keeps what was saved, loses no half batch, and saves again once there is room', () => {
    const file = databasePath(folder.folder, ACCOUNT)
    const db = openDatabase(file)
    const store = createAccountStore(db, file)
    store.outbox.save(outboxRecord('r1'))
    const pages = db.pragma('page_count', { simple: true }) as number
    db.pragma(`max_page_count = ${pages + 8}`) // SQLite's own limit: what a full disk looks like to it
    const big = (i: number) =>
      conversation(`c${i}`, { contact: { id: `k${i}`, name: 'x'.repeat(2000), phoneNumber: null } })
    let saved = 0
    let error: StoreError | null = null
    for (let batch = 0; batch < 100 && !error; batch++) {
      const conversations = Array.from({ length: 5 }, (_, i) => big(batch * 5 + i))
      try {
        store.conversations.upsertMany(conversations)
        saved += conversations.length
      } catch (caught) {
        error = caught as StoreError
      }
    }
    expect(error).toBeInstanceOf(StoreError)
    expect(error!.kind).toBe('disk_full')
    expect(error!.message).toMatch(/disk is full/)
    expect(error!.detail).toMatch(/SQLITE_FULL/)
    expect(store.conversations.countAll()).toBe(saved) // the failed batch left nothing behind
    expect(errorOf(() => store.outbox.save(outboxRecord('r2', { text: 'y'.repeat(40_000) }))).kind).toBe('disk_full')
    expect(clientIds(store)).toEqual(['r1'])
    db.pragma('max_page_count = 1073741823')
    store.outbox.save(outboxRecord('r2', { text: 'y'.repeat(40_000) }))
    expect(clientIds(store)).toEqual(['r1', 'r2'])
    store.close()
  })
})

describe('a draft on a full disk', () => {
  it('is refused with disk_full, the saved text kept, and saved once there is room', () => {
    const file = databasePath(folder.folder, ACCOUNT)
    const db = openDatabase(file)
    const store = createAccountStore(db, file)
    store.drafts.set('c1', 'saved before the disk filled')
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`)
    const longer = 'x'.repeat(200_000)
    expect(errorOf(() => store.drafts.set('c1', longer)).kind).toBe('disk_full')
    expect(store.drafts.getAll()).toEqual({ c1: 'saved before the disk filled' })
    db.pragma('max_page_count = 1073741823')
    store.drafts.set('c1', longer)
    store.close()
    const { store: reopened } = openAccountStore({ folder: folder.folder, accountId: ACCOUNT })
    expect(reopened.drafts.get('c1')).toBe(longer)
    reopened.close()
  })
})

describe('a read-only folder', () => {
  /** Opens the store in `dir` as an unprivileged user (root would ignore the permissions). */
  function openAsUser(dir: string): { kind: string | null; message?: string } {
    const script = resolve(__dirname, 'testing/open-as-user.ts')
    const asRoot = process.getuid?.() === 0
    const result = spawnSync(process.execPath, ['--import', 'tsx', script, dir, ACCOUNT], {
      encoding: 'utf8',
      cwd: resolve(__dirname, '../../..'),
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    })
    if (result.status !== 0) throw new Error(`the child failed (${result.status}): ${result.stderr}`)
    return JSON.parse(result.stdout) as { kind: string | null }
  }

  it('gives a read_only error for a new database, and the same folder writable works', () => {
    const dir = join(folder.folder, 'userData')
    mkdirSync(dir)
    chmodSync(dir, 0o555)
    chmodSync(folder.folder, 0o755)
    const refused = openAsUser(dir)
    expect(refused.kind).toBe('read_only')
    expect(refused.message).toMatch(/cannot save to its data folder/)
    chmodSync(dir, 0o777)
    expect(openAsUser(dir).kind).toBeNull()
  })

  it('gives a read_only error for an existing database it may not write', () => {
    writeFilledStore()
    chmodSync(folder.folder, 0o555)
    for (const name of readdirSync(folder.folder)) chmodSync(join(folder.folder, name), 0o444)
    expect(openAsUser(folder.folder).kind).toBe('read_only')
  })
})
