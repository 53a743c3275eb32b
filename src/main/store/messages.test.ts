import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openAccountStore, StoreError, type AccountStore } from './index'
import { conversation, message, outboxRecord, tempFolder } from './testing/fixtures'

let folder: ReturnType<typeof tempFolder>
let store: AccountStore

beforeEach(() => {
  folder = tempFolder()
  store = openAccountStore({ folder: folder.folder, accountId: 'acct' }).store
  store.conversations.upsertMany([conversation('c1'), conversation('c2')])
})
afterEach(() => {
  store.close()
  folder.cleanup()
})

describe('message pages', () => {
  it('pages a thread by id range, oldest first, and records which part is stored', () => {
    const page = Array.from({ length: 30 }, (_, i) => message('c1', 100 + i, `message ${i}`)).reverse()
    store.messages.upsertPage('c1', page, { oldestId: 100, newestId: 129, reachedStart: true })
    expect(store.messages.range('c1', { limit: 5 }).map((m) => m.id)).toEqual([125, 126, 127, 128, 129])
    expect(store.messages.range('c1', { beforeId: 125, limit: 3 }).map((m) => m.id)).toEqual([122, 123, 124])
    expect(store.messages.range('c1', { afterId: 127, limit: 10 }).map((m) => m.id)).toEqual([128, 129])
    expect(store.messages.get('c1', 110)).toEqual(page.find((m) => m.id === 110))
    expect(store.messages.newestId('c1')).toBe(129)
    expect(store.messages.newestId('c2')).toBeNull()
    expect(store.messages.coverage('c1')).toEqual({ oldestId: 100, newestId: 129, reachedStart: true })
    expect(store.messages.coverage('c2')).toBeNull()
  })

  it('updates a message whose status changed, without duplicating it', () => {
    store.messages.upsertPage('c1', [message('c1', 5, 'hi', { direction: 'outbound', status: 'sent' })])
    store.messages.upsertPage('c1', [message('c1', 5, 'hi', { direction: 'outbound', status: 'delivered' })])
    expect(store.messages.range('c1', { limit: 10 }).map((m) => m.status)).toEqual(['delivered'])
  })

  it('refuses a message of an unknown conversation, and a page mixing conversations, storing none of it', () => {
    expect(() => store.messages.upsertPage('nope', [message('nope', 1, 'x')])).toThrow(StoreError)
    expect(() => store.messages.upsertPage('c1', [message('c1', 1, 'ok'), message('c2', 2, 'wrong')])).toThrow(
      StoreError,
    )
    expect(store.messages.range('c1', { limit: 10 })).toEqual([])
  })

  it('runs a sync batch of conversations and messages as one transaction', () => {
    expect(() =>
      store.transaction(() => {
        store.conversations.upsertMany([conversation('c3')])
        store.messages.upsertPage('c3', [message('c3', 1, 'first')])
        throw new Error('the batch failed half-way')
      }),
    ).toThrow(StoreError)
    expect(store.conversations.get('c3')).toBeNull()
    expect(store.messages.range('c3', { limit: 10 })).toEqual([])
  })
})

describe('outbox, drafts and cursors', () => {
  it('keeps outbox entries in the order written, as saved, updates them in place, and deletes them', () => {
    const failed = outboxRecord('r1', {
      state: 'failed',
      attempts: [{ startedAt: 5, outcome: 'refused' }],
      error: { kind: 'unavailable', message: 'down', retryAfterMs: 1000 },
      baselineMessageId: 7,
      nextAttemptAt: 123,
      heldForAuth: true,
    })
    store.outbox.save(outboxRecord('r1'))
    store.outbox.save(outboxRecord('r2', { chatId: 'c2' }))
    store.outbox.save(failed)
    expect(store.outbox.list()).toEqual([failed, outboxRecord('r2', { chatId: 'c2' })])
    expect(store.outbox.insertIfAbsent(outboxRecord('r2', { text: 'other' }))).toBe(false)
    expect((store.outbox.list()[1] as { text: string }).text).toBe('reply r2')
    store.outbox.delete('r1')
    expect(store.outbox.list()).toEqual([outboxRecord('r2', { chatId: 'c2' })])
  })

  it('refuses an entry it could not find again (no clientId or chatId)', () => {
    expect(() => store.outbox.save({ ...outboxRecord('r1'), clientId: '' })).toThrow(StoreError)
    expect(() => store.outbox.save({ ...outboxRecord('r1'), chatId: 42 as unknown as string })).toThrow(StoreError)
    expect(store.outbox.list()).toEqual([])
  })

  it('keeps unreadable outbox items once, whatever the number of times they are kept', () => {
    store.outbox.keepUnreadable({ text: 'half an entry' }, 'no clientId')
    store.outbox.keepUnreadable({ text: 'half an entry' }, 'no clientId')
    expect(store.outbox.listUnreadable()).toEqual([
      { raw: '{"text":"half an entry"}', reason: 'no clientId', keptAt: expect.any(String) },
    ])
  })

  it('stores drafts, and a blank text deletes one', () => {
    store.drafts.set('c1', 'Dear customer')
    store.drafts.set('c2', 'x')
    store.drafts.set('c2', '   ')
    expect(store.drafts.getAll()).toEqual({ c1: 'Dear customer' })
    expect(store.drafts.insertIfAbsent('c1', 'other')).toBe(false)
    expect(store.drafts.getAll()).toEqual({ c1: 'Dear customer' })
  })

  it('stores cursors as JSON values', () => {
    expect(store.cursors.get('watermark')).toBeUndefined()
    store.cursors.set('watermark', { dateFrom: '2026-11-01T00:00:00.000Z' })
    expect(store.cursors.get('watermark')).toEqual({ dateFrom: '2026-11-01T00:00:00.000Z' })
    expect(store.cursors.setIfAbsent('watermark', 1)).toBe(false)
    store.cursors.remove('watermark')
    expect(store.cursors.get('watermark')).toBeUndefined()
    expect(() => store.cursors.set('bad', undefined)).toThrow(StoreError)
  })
})
