import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  importDraftsJson,
  importOutboxJson,
  importSyncStateJson,
  openAccountStore,
  SYNC_STATE_CURSOR,
  type AccountStore,
} from './index'
import { outboxRecord, tempFolder } from './testing/fixtures'

const ACCOUNT = 'https://inbox.example#a1b2c3d4e5f60718'
let folder: ReturnType<typeof tempFolder>
let store: AccountStore
const path = (name: string) => join(folder.folder, name)
const write = (name: string, value: unknown) => writeFileSync(path(name), JSON.stringify(value))

beforeEach(() => {
  folder = tempFolder()
  store = openAccountStore({ folder: folder.folder, accountId: ACCOUNT }).store
})
afterEach(() => {
  store.close()
  folder.cleanup()
})

describe('importing the JSON stores', () => {
  it('imports drafts once, keeps a draft already in the database, and renames the file aside', () => {
    store.drafts.set('c2', 'newer draft')
    write('drafts.json', { drafts: { c1: 'Dear customer', c2: 'older draft', c3: 42 } })
    expect(importDraftsJson(store, path('drafts.json'))).toEqual({
      status: 'imported',
      imported: 1,
      skipped: 2,
      movedTo: path('drafts.json.imported'),
    })
    expect(store.drafts.getAll()).toEqual({ c1: 'Dear customer', c2: 'newer draft' })
    expect(existsSync(path('drafts.json'))).toBe(false)
    expect(importDraftsJson(store, path('drafts.json'))).toEqual({ status: 'absent' })
  })

  it('is idempotent when the app stopped between the commit and the rename', () => {
    write('drafts.json', { drafts: { c1: 'Dear customer' } })
    copyFileSync(path('drafts.json'), path('copy.json'))
    importDraftsJson(store, path('drafts.json'))
    copyFileSync(path('copy.json'), path('drafts.json')) // as if the rename never happened
    expect(importDraftsJson(store, path('drafts.json'))).toMatchObject({ status: 'imported', imported: 0, skipped: 1 })
    expect(store.drafts.getAll()).toEqual({ c1: 'Dear customer' })

    const entries = { outboxEntries: [outboxRecord('r1')], outboxUnreadableEntries: [{ text: 'lost?' }] }
    write('outbox-a.json', entries)
    importOutboxJson(store, path('outbox-a.json'))
    write('outbox-a.json', entries)
    expect(importOutboxJson(store, path('outbox-a.json'))).toMatchObject({ imported: 0, skipped: 1 })
    expect(store.outbox.list()).toHaveLength(1)
    expect(store.outbox.listUnreadable()).toHaveLength(1)
  })

  it('imports outbox entries in order, and keeps unreadable ones instead of dropping them', () => {
    // A version 1 entry (an attempts count): copied as it is, the outbox upgrades it when it loads.
    const v1 = { clientId: 'r0', chatId: 'c1', text: 'old', state: 'sending', attempts: 1, needsReconcile: true }
    write('outbox-a.json', {
      outboxEntries: [v1, outboxRecord('r1', { state: 'sending' }), { clientId: 'broken', text: 'keep me' }],
      outboxUnreadableEntries: ['quarantined before'],
    })
    expect(importOutboxJson(store, path('outbox-a.json'))).toMatchObject({
      status: 'imported',
      imported: 2,
      skipped: 1,
    })
    expect(store.outbox.list()).toEqual([v1, outboxRecord('r1', { state: 'sending' })])
    const unreadable = store.outbox.listUnreadable().map((item) => item.raw)
    expect(unreadable).toEqual(expect.arrayContaining(['{"clientId":"broken","text":"keep me"}', 'quarantined before']))
    expect(existsSync(path('outbox-a.json.imported'))).toBe(true)
  })

  it('imports the sync state of this account only', () => {
    const state = { version: 1, accountKey: ACCOUNT, baselineMessageId: 42, seenMessageIds: { c1: 50 } }
    write('sync-state.json', { syncState: { ...state, accountKey: 'someone else' } })
    expect(importSyncStateJson(store, path('sync-state.json'), ACCOUNT)).toEqual({ status: 'other_account' })
    expect(existsSync(path('sync-state.json'))).toBe(true)
    write('sync-state.json', { syncState: state })
    expect(importSyncStateJson(store, path('sync-state.json'), ACCOUNT)).toMatchObject({ imported: 1 })
    expect(store.cursors.get(SYNC_STATE_CURSOR)).toEqual(state)
  })

  it('leaves an outbox or sync state file that is not valid JSON (or not the expected shape) where it is, and says why', () => {
    write('outbox-a.json', ['not', 'an', 'object'])
    expect(importOutboxJson(store, path('outbox-a.json'))).toMatchObject({ status: 'unreadable' })
    write('sync-state.json', { syncState: { version: 1 } })
    expect(importSyncStateJson(store, path('sync-state.json'), ACCOUNT)).toMatchObject({ status: 'unreadable' })
  })

  it('imports the drafts still legible in a damaged drafts.json and moves the file aside whole, once', () => {
    const damaged = '{\n\t"drafts": {\n\t\t"c1": "Dear \\"customer\\",\\nthe refund",\n\t\t"c2": 7,\n\t\t"c3": "trunc'
    writeFileSync(path('drafts.json'), damaged)
    const clock = () => new Date('2026-12-03T10:00:00.000Z')
    expect(importDraftsJson(store, path('drafts.json'), clock)).toMatchObject({
      status: 'set_aside',
      imported: 1,
      skipped: 0,
      movedTo: path('drafts.json.unreadable-2026-12-03T10-00-00-000Z'),
    })
    expect(store.drafts.getAll()).toEqual({ c1: 'Dear "customer",\nthe refund' })
    // Nothing deleted: the file is kept byte for byte for a person to read; the next start finds no drafts.json.
    expect(readFileSync(path('drafts.json.unreadable-2026-12-03T10-00-00-000Z'), 'utf8')).toBe(damaged)
    expect(importDraftsJson(store, path('drafts.json'))).toEqual({ status: 'absent' })

    write('drafts.json', { drafts: ['not', 'an', 'object'] })
    expect(importDraftsJson(store, path('drafts.json'), clock)).toMatchObject({ status: 'set_aside', imported: 0 })
    expect(existsSync(path('drafts.json'))).toBe(false)
  })
})
