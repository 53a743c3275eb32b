import BetterSqlite3 from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Message } from '../../shared/api/schemas'
import { PENDING_SQL } from './backfill-queries'
import { coveredRange, joinCoverage, openAccountStore, type AccountStore } from './index'
import { conversation, iso, message, tempFolder } from './testing/fixtures'

let folder: ReturnType<typeof tempFolder>
let store: AccountStore

beforeEach(() => {
  folder = tempFolder()
  store = openAccountStore({ folder: folder.folder, accountId: 'acct' }).store
})
afterEach(() => {
  store.close()
  folder.cleanup()
})

const ids = (messages: Message[]) => messages.map((m) => m.id)
const thread = (chatId: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => message(chatId, from + i, `m${from + i}`))

describe('what a fetched page proves', () => {
  it('idTo: from its first message to idTo, and the start when nothing is older', () => {
    const page = { data: thread('c1', 50, 60), hasMore: true }
    expect(coveredRange(page, { idTo: 70 })).toEqual({ oldestId: 50, newestId: 70, reachedStart: false })
    expect(coveredRange({ ...page, hasMore: false }, { idTo: 70 })).toMatchObject({ reachedStart: true })
    expect(coveredRange({ data: [], hasMore: false }, { idTo: 9 })).toEqual({
      oldestId: 9,
      newestId: 9,
      reachedStart: true,
    })
  })

  it('idFrom: from idFrom to its last message, or to the last message known when nothing is newer', () => {
    expect(coveredRange({ data: thread('c1', 5, 8), hasMore: true }, { idFrom: 3 })).toEqual({
      oldestId: 3,
      newestId: 8,
      reachedStart: false,
    })
    expect(coveredRange({ data: [], hasMore: false }, { idFrom: 3, lastId: 2 })).toBeNull()
    expect(coveredRange({ data: thread('c1', 5, 8), hasMore: false }, { idFrom: 3, lastId: 12 })).toMatchObject({
      newestId: 12,
    })
    expect(coveredRange({ data: thread('c1', 41, 45), hasMore: false }, { idFrom: 40, idTo: 60 })).toEqual({
      oldestId: 40,
      newestId: 60,
      reachedStart: false,
    })
  })

  it('joins ranges that overlap or touch, keeps the newer of disjoint ones', () => {
    const stored = { oldestId: 50, newestId: 80, reachedStart: false }
    expect(joinCoverage(stored, { oldestId: 20, newestId: 49, reachedStart: true })).toEqual({
      oldestId: 20,
      newestId: 80,
      reachedStart: true,
    })
    expect(joinCoverage(stored, { oldestId: 81, newestId: 90, reachedStart: false })).toEqual({
      oldestId: 50,
      newestId: 90,
      reachedStart: false,
    })
    expect(joinCoverage(stored, { oldestId: 95, newestId: 99, reachedStart: false })).toEqual({
      oldestId: 95,
      newestId: 99,
      reachedStart: false,
    })
    expect(joinCoverage(stored, { oldestId: 10, newestId: 20, reachedStart: true })).toBe(stored)
  })
})

describe('thread pages in the store', () => {
  beforeEach(() => {
    store.conversations.upsertMany([conversation('c1')])
  })

  it('answers the newest page and older ones from what was stored, as the API would', () => {
    store.threadPages.storeFetched('c1', { data: thread('c1', 101, 200), hasMore: true }, { idTo: 200 })
    store.threadPages.storeFetched('c1', { data: thread('c1', 51, 100), hasMore: false }, { idTo: 100 })
    expect(store.messages.coverage('c1')).toEqual({ oldestId: 51, newestId: 200, reachedStart: true })

    const newest = store.threadPages.readStored('c1', { idTo: 200 })!
    expect(ids(newest.data)).toEqual(ids(thread('c1', 101, 200)))
    expect(newest.hasMore).toBe(true)
    const older = store.threadPages.readStored('c1', { idTo: 100 })!
    expect(ids(older.data)).toEqual(ids(thread('c1', 51, 100)))
    expect(older.hasMore).toBe(false)
    expect(store.threadPages.readStored('c1', { idTo: 50 })).toEqual({ data: [], hasMore: false })
  })

  it('shows the stored newest page when the thread moved on (the reader then asks for newer), and never reads newer from the store', () => {
    store.threadPages.storeFetched('c1', { data: thread('c1', 10, 20), hasMore: false }, { idTo: 20 })
    expect(ids(store.threadPages.readStored('c1', { idTo: 25 })!.data)).toEqual(ids(thread('c1', 10, 20)))
    expect(store.threadPages.readStored('c1', { idFrom: 21 })).toBeNull()
    expect(store.threadPages.readStored('c1', {})).toBeNull()
  })

  it('says it cannot tell where nothing is stored', () => {
    expect(store.threadPages.readStored('c1', { idTo: 20 })).toBeNull()
    store.threadPages.storeFetched('c1', { data: thread('c1', 90, 100), hasMore: true }, { idTo: 100 })
    // Below a coverage that has not reached the thread's start: ask the API.
    expect(store.threadPages.readStored('c1', { idTo: 80 })).toBeNull()
    // A part stored but short of a page, start not reached: what is there, with more to ask for.
    expect(store.threadPages.readStored('c1', { idTo: 100 })).toMatchObject({ hasMore: true })
  })

  it('knows the first message only once the stored pages reach the thread start', () => {
    expect(store.threadPages.firstMessage('c1')).toBeUndefined()
    store.threadPages.storeFetched('c1', { data: thread('c1', 101, 200), hasMore: true }, { idTo: 200 })
    // The oldest stored message is not the first: the store cannot tell.
    expect(store.threadPages.firstMessage('c1')).toBeUndefined()
    // idFrom 1 proves the start, though the thread's first id is 7 (ids need not begin at 1); the range it
    // proves, [1, 106], overlaps the stored [101, 200]: they join, and the start is known.
    store.threadPages.storeFetched('c1', { data: thread('c1', 7, 106), hasMore: true }, { idFrom: 1 })
    expect(store.messages.coverage('c1')).toMatchObject({ oldestId: 1, reachedStart: true })
    expect(store.threadPages.firstMessage('c1')?.id).toBe(7)
  })

  it('keeps the start of a long thread apart from the newer range it does not touch', () => {
    store.threadPages.storeFetched('c1', { data: thread('c1', 401, 500), hasMore: true }, { idTo: 500 })
    store.threadPages.storeFetched('c1', { data: thread('c1', 3, 102), hasMore: true }, { idFrom: 1 })
    // One range per thread: the newer is kept...
    expect(store.messages.coverage('c1')).toEqual({ oldestId: 401, newestId: 500, reachedStart: false })
    // ...and the start is remembered anyway, and kept when the range changes again.
    expect(store.threadPages.firstMessage('c1')?.id).toBe(3)
    store.threadPages.storeFetched('c1', { data: thread('c1', 301, 400), hasMore: true }, { idTo: 400 })
    expect(store.threadPages.firstMessage('c1')?.id).toBe(3)
  })

  it('says a thread whose start holds no message has none', () => {
    store.threadPages.storeFetched('c1', { data: [], hasMore: false }, { idTo: 5 })
    expect(store.threadPages.firstMessage('c1')).toBeNull()
  })
})

describe('the backfill queries', () => {
  const DAY = 86_400_000
  const now = Date.parse(iso(60 * 24 * 40))
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY).toISOString()
  const cutoffMs = now - 30 * DAY

  beforeEach(() => {
    store.conversations.upsertMany([
      conversation('recent', {
        lastMessageDate: at(1),
        lastMessage: { id: 300, direction: 'inbound', preview: 'x', date: at(1) },
      }),
      conversation('older', {
        lastMessageDate: at(10),
        lastMessage: { id: 200, direction: 'inbound', preview: 'x', date: at(10) },
      }),
      conversation('gone-quiet', {
        lastMessageDate: at(45),
        lastMessage: { id: 100, direction: 'inbound', preview: 'x', date: at(45) },
      }),
      conversation('archived', {
        archived: true,
        lastMessageDate: at(5),
        lastMessage: { id: 250, direction: 'inbound', preview: 'x', date: at(5) },
      }),
    ])
  })

  it('lists the incomplete conversations of the window, newest first, active before archived, in batches', () => {
    expect(store.backfill.counts(cutoffMs)).toEqual({ total: 3, done: 0 })
    const first = store.backfill.pending({ cutoffMs, archived: false, limit: 1 })
    expect(first.map((c) => c.id)).toEqual(['recent'])
    const next = store.backfill.pending({ cutoffMs, archived: false, after: first[0], limit: 5 })
    expect(next.map((c) => c.id)).toEqual(['older'])
    expect(store.backfill.pending({ cutoffMs, archived: true, limit: 5 }).map((c) => c.id)).toEqual(['archived'])
  })

  it('takes a conversation as complete when its pages reach the window edge or the start', () => {
    const edge = (id: number, daysAgo: number) => message('recent', id, 'old', { date: at(daysAgo) })
    store.threadPages.storeFetched('recent', { data: [edge(280, 31), edge(300, 1)], hasMore: true }, { idTo: 300 })
    store.threadPages.storeFetched(
      'older',
      { data: [message('older', 200, 'x', { date: at(10) })], hasMore: false },
      { idTo: 200 },
    )
    store.threadPages.storeFetched(
      'archived',
      { data: [message('archived', 250, 'x', { date: at(5) })], hasMore: true },
      { idTo: 250 },
    )
    expect(store.backfill.counts(cutoffMs)).toEqual({ total: 3, done: 2 })
    expect(store.backfill.pending({ cutoffMs, archived: false, limit: 5 })).toEqual([])
    expect(store.backfill.pending({ cutoffMs, archived: true, limit: 5 }).map((c) => c.id)).toEqual(['archived'])
    expect(store.threadPages.oldestCoveredMs('recent')).toBe(Date.parse(at(31)))
  })

  it('reads the batches along an index, without sorting', () => {
    // The store does not expose its connection: the plan is read through a second one.
    const reader = new BetterSqlite3(store.file, { readonly: true })
    try {
      const plan = (
        reader.prepare(`EXPLAIN QUERY PLAN ${PENDING_SQL}`).all({
          cutoffMs,
          archived: 0,
          afterMs: now,
          afterId: 'z',
          limit: 10,
        }) as Array<{ detail: string }>
      )
        .map((row) => row.detail)
        .join(' | ')
      expect(plan).toMatch(/SEARCH c USING INDEX conversations_by_last_message/)
      expect(plan).not.toMatch(/TEMP B-TREE/)
    } finally {
      reader.close()
    }
  })
})
