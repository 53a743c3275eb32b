/**
 * The outbox when this computer's disk refuses a reply (issue 11 §7): the reply is kept in memory and listed
 * with the disk's reason (`notSaved`), nothing is sent for it while it is not on disk, and once the disk has
 * room it is saved and sent exactly once. A real SQLite file (SQLite's own page limit is what a full disk looks
 * like to it) and the real sandbox.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Database } from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { sleep } from '../testing/sandbox-harness'
import { createAccountStore } from '../store/account-store'
import { databasePath, type AccountStore } from '../store'
import { openDatabase } from '../store/open-store'
import { createSqliteOutboxStorage } from './sqlite-storage'
import { outboxSpec } from './testing/outbox-harness'

const spec = outboxSpec()
const { setup, replyTarget, onServer, replyPosts, entryOf } = spec
const ACCOUNT = 'https://sandbox.invalid#outbox-full-disk'
const RETRY_MS = 40

const opened: Array<{ store: AccountStore; folder: string }> = []
afterEach(() => {
  for (const { store, folder } of opened.splice(0)) {
    store.close()
    rmSync(folder, { recursive: true, force: true })
  }
})

function outboxOnDatabase(): { db: Database; store: AccountStore; outbox: ReturnType<typeof setup>['outbox'] } {
  const folder = mkdtempSync(join(tmpdir(), 'outbox-full-disk-'))
  const file = databasePath(folder, ACCOUNT)
  const db = openDatabase(file)
  const store = createAccountStore(db, file)
  opened.push({ store, folder })
  const { outbox } = setup({ storage: createSqliteOutboxStorage(store.outbox), saveRetryMs: RETRY_MS })
  return { db, store, outbox }
}

const fillDisk = (db: Database) => db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`)
const makeRoom = (db: Database) => db.pragma('max_page_count = 1073741823')

describe('a reply the disk refuses', () => {
  it('is listed as not saved, is not sent meanwhile, then is saved and sent exactly once', async () => {
    const { db, store, outbox } = outboxOnDatabase()
    await outbox.resume()
    const target = await replyTarget()
    // Longer than the free space of the file's pages, so its row needs pages the limit refuses.
    const text = `Kept while the disk is full ${'·'.repeat(3_000)}`
    fillDisk(db)

    const entry = outbox.enqueue({ clientId: 'full-1', chatId: target.id, text })
    expect(entry.state).toBe('pending')
    expect(entry.notSaved?.message).toMatch(/disk is full/)
    expect(store.outbox.list()).toEqual([])
    // Saving is tried again every RETRY_MS: many tries later, still refused, still listed, nothing sent.
    await sleep(RETRY_MS * 8)
    expect(entryOf(outbox, 'full-1')).toMatchObject({ state: 'pending', attempts: 0 })
    expect(entryOf(outbox, 'full-1')?.notSaved).not.toBeNull()
    expect(await replyPosts()).toHaveLength(0)
    // Enqueuing it again (the renderer retried its call) is the same entry, not a second reply.
    expect(outbox.enqueue({ clientId: 'full-1', chatId: target.id, text }).clientId).toBe('full-1')

    makeRoom(db)
    await expect.poll(() => entryOf(outbox, 'full-1')?.state, { timeout: 15_000 }).toBe('accepted')
    expect(entryOf(outbox, 'full-1')?.notSaved).toBeNull()
    expect(store.outbox.list()).toMatchObject([{ clientId: 'full-1' }])
    expect(await onServer(target.id, text)).toHaveLength(1)
    expect(await replyPosts()).toHaveLength(1)
  })

  it('refused between its steps: the step does not go on unrecorded (no POST), and it goes once saved', async () => {
    const { db, outbox } = outboxOnDatabase()
    await outbox.resume()
    const target = await replyTarget()
    const text = `On disk, then the disk filled ${'·'.repeat(3_000)}`
    // The read before the first POST is held, and the disk fills meanwhile: writing its result is refused.
    await spec.harness.faults({ method: 'GET', path: `/conversations/${target.id}/messages`, delayMs: 400, times: 1 })
    outbox.enqueue({ clientId: 'full-3', chatId: target.id, text })
    fillDisk(db)
    await expect.poll(() => entryOf(outbox, 'full-3')?.notSaved, { timeout: 15_000 }).not.toBeNull()
    expect(entryOf(outbox, 'full-3')).toMatchObject({ state: 'pending', attempts: 0, baselineMessageId: null })
    await sleep(RETRY_MS * 8)
    expect(await replyPosts()).toHaveLength(0)

    makeRoom(db)
    await expect.poll(() => entryOf(outbox, 'full-3')?.state, { timeout: 15_000 }).toBe('accepted')
    expect(await onServer(target.id, text)).toHaveLength(1)
    expect(await replyPosts()).toHaveLength(1)
  })

  it('discarding one that never reached the disk forgets it without touching the disk', async () => {
    const { db, store, outbox } = outboxOnDatabase()
    await outbox.resume()
    const target = await replyTarget()
    fillDisk(db)
    outbox.enqueue({ clientId: 'full-2', chatId: target.id, text: `Given up ${'·'.repeat(3_000)}` })
    outbox.discard('full-2')
    expect(outbox.list()).toEqual([])
    makeRoom(db)
    await sleep(RETRY_MS * 4)
    expect(store.outbox.list()).toEqual([])
    expect(await replyPosts()).toHaveLength(0)
  })
})
