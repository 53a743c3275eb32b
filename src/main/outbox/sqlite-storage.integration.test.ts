/**
 * The outbox on the account's database (what the app runs), against the real
 * sandbox and a real SQLite file: the exactly-once rules of the JSON file's
 * specs hold here too, across a restart on the same file; an older entry is
 * upgraded and written back; an unreadable one is kept aside, never dropped.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openAccountStore, type AccountStore } from '../store'
import { newEntry, type StoredOutboxEntry } from './entry'
import { createSqliteOutboxStorage } from './sqlite-storage'
import { outboxSpec, REPLY_PATH } from './testing/outbox-harness'

const spec = outboxSpec()
const { setup, replyTarget, onServer, replyPosts, entryOf } = spec
const ACCOUNT = 'https://sandbox.invalid#outbox'

const folders: string[] = []
const stores: AccountStore[] = []
function openDatabase(folder: string): AccountStore {
  const { store } = openAccountStore({ folder, accountId: ACCOUNT })
  stores.push(store)
  return store
}
function freshFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'outbox-sqlite-'))
  folders.push(folder)
  return folder
}
afterEach(() => {
  for (const store of stores.splice(0)) store.close()
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

/** An outbox on the database in `folder` (a new handle on the file: what a restart opens). */
function outboxOn(folder: string) {
  const store = openDatabase(folder)
  return { ...setup({ storage: createSqliteOutboxStorage(store.outbox) }), store }
}

describe('the outbox on the account database', () => {
  it('a reply is written before it is sent, accepted once, and still listed after a restart', async () => {
    const folder = freshFolder()
    const first = outboxOn(folder)
    await first.outbox.resume()
    const target = await replyTarget()
    first.outbox.enqueue({ clientId: 'sq-1', chatId: target.id, text: 'Kept in SQLite' })
    // On disk before anything was sent.
    expect(first.store.outbox.list()).toMatchObject([{ clientId: 'sq-1', state: 'pending' }])
    await expect.poll(() => entryOf(first.outbox, 'sq-1')?.state, { timeout: 15_000 }).toBe('accepted')
    first.outbox.stop()

    const restarted = outboxOn(folder)
    await restarted.outbox.resume()
    expect(entryOf(restarted.outbox, 'sq-1')).toMatchObject({ state: 'accepted' })
    expect(await onServer(target.id, 'Kept in SQLite')).toHaveLength(1)
    expect(await replyPosts()).toHaveLength(1)
  })

  it('connection dropped after the commit: found in the thread, not sent again', async () => {
    const { outbox } = outboxOn(freshFolder())
    await outbox.resume()
    const target = await replyTarget()
    await spec.harness.faults({ method: 'POST', path: REPLY_PATH, times: 1, mode: 'drop-after-commit' })
    outbox.enqueue({ clientId: 'sq-drop', chatId: target.id, text: 'Dropped after commit (SQLite)' })
    await expect.poll(() => entryOf(outbox, 'sq-drop')?.state, { timeout: 15_000 }).toBe('accepted')
    expect(await onServer(target.id, 'Dropped after commit (SQLite)')).toHaveLength(1)
    expect((await replyPosts()).map((p) => p.dropped)).toEqual([true])
  })

  it('a restart mid-window continues the same window: the held commit lands and is found, no resend', async () => {
    const folder = freshFolder()
    const first = outboxOn(folder)
    await first.outbox.resume()
    const target = await replyTarget()
    await spec.harness.faults({ method: 'POST', path: REPLY_PATH, delayMs: 1_500, times: 1 })
    first.outbox.enqueue({ clientId: 'sq-restart', chatId: target.id, text: 'Straddles a restart (SQLite)' })
    await expect.poll(() => entryOf(first.outbox, 'sq-restart')?.state).toBe('sending')
    first.outbox.stop()
    const onDisk = first.store.outbox.list()[0] as StoredOutboxEntry
    expect(onDisk.attempts).toEqual([{ startedAt: expect.any(Number), outcome: 'unknown' }])
    first.store.close()

    const restarted = outboxOn(folder)
    await restarted.outbox.resume()
    await expect.poll(() => entryOf(restarted.outbox, 'sq-restart')?.state, { timeout: 10_000 }).toBe('accepted')
    expect(await onServer(target.id, 'Straddles a restart (SQLite)')).toHaveLength(1)
    expect(await replyPosts()).toHaveLength(1)
  })

  it('an older entry is upgraded and written back; an unreadable row is kept aside, not dropped', async () => {
    const folder = freshFolder()
    const store = openDatabase(folder)
    const target = await replyTarget()
    const current = newEntry({ clientId: 'sq-ok', chatId: target.id, text: 'Readable' }, Date.now())
    store.outbox.save(current)
    // Version 1 (no version field), as the previous app wrote it.
    store.outbox.save({
      clientId: 'sq-v1',
      chatId: target.id,
      text: 'Queued before the upgrade (SQLite)',
      state: 'pending',
      createdAt: new Date().toISOString(),
      attempts: 0,
      messageId: null,
      error: null,
      baselineMessageId: null,
      needsReconcile: false,
      nextAttemptAt: null,
      heldForAuth: false,
    })
    store.outbox.save({ clientId: 'sq-bad', chatId: target.id, state: 'no-such-state' })
    const { outbox } = setup({ storage: createSqliteOutboxStorage(store.outbox) })
    await outbox.resume()
    expect(outbox.list().map((e) => e.clientId)).toEqual(['sq-ok', 'sq-v1'])
    await expect.poll(() => entryOf(outbox, 'sq-v1')?.state, { timeout: 10_000 }).toBe('accepted')
    expect(await onServer(target.id, 'Queued before the upgrade (SQLite)')).toHaveLength(1)
    expect(store.outbox.list()).toMatchObject([
      { clientId: 'sq-ok', version: 2 },
      { clientId: 'sq-v1', version: 2 },
    ])
    expect(store.outbox.listUnreadable().map((item) => JSON.parse(item.raw) as unknown)).toEqual([
      { clientId: 'sq-bad', chatId: target.id, state: 'no-such-state' },
    ])
  })
})
