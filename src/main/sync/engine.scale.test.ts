/**
 * What a poll tick costs at a size where copying the inbox would show (issue 11 §6): the engine against the
 * real sandbox with 3,000 conversations and the account's database on a real file, its conversation rows
 * wrapped to count what the picture reads. Counted, never timed: after the first sync, a tick with one
 * changed conversation reads a handful of rows and never the whole table, and the list it asks for holds
 * what changed. A restart on the same database asks for the delta since the stored watermark, not the list.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openAccountStore, type AccountStore } from '../store'
import { tempFolder } from '../store/testing/fixtures'
import { createSyncEngine, type SyncEngine, type SyncLocalStore } from '.'
import {
  eventRecorder,
  reopenStore,
  startSandboxHarness,
  tempStore,
  type SandboxHarness,
} from '../testing/sandbox-harness'
import type { SyncStateData } from './state'

const CONVERSATIONS = 3_000

let harness: SandboxHarness
const folder = tempFolder('sync-scale-')
beforeAll(async () => {
  harness = await startSandboxHarness({ seed: 'empty' })
  await harness.reset({ conversations: CONVERSATIONS, messagesPerConversation: 1 })
}, 60_000)
afterAll(async () => {
  await harness.close()
  folder.cleanup()
})

const cleanups: Array<() => void> = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

/** How many rows the picture read, by query, since the last `reset()`. */
function countingStore(store: AccountStore) {
  const rows: Record<string, number> = {}
  const count = (name: string, n: number) => (rows[name] = (rows[name] ?? 0) + n)
  const { conversations } = store
  const counted: SyncLocalStore['conversations'] = {
    upsertMany: (list) => conversations.upsertMany(list),
    remove: (ids) => conversations.remove(ids),
    get: (id) => (count('get', 1), conversations.get(id)),
    versions: (ids) => {
      const found = conversations.versions(ids)
      count(ids === 'all' ? 'versions(all)' : 'versions', found.length)
      return found
    },
    unreadTotal: () => (count('unreadTotal', 1), conversations.unreadTotal()),
    countAll: () => (count('countAll', 1), conversations.countAll()),
    all: () => {
      const found = conversations.all()
      count('all', found.length)
      return found
    },
    idsAssignedTo: (userId) => {
      const found = conversations.idsAssignedTo(userId)
      count('idsAssignedTo', found.length)
      return found
    },
  }
  const local: SyncLocalStore = {
    transaction: (fn) => store.transaction(fn),
    cursors: store.cursors,
    messages: store.messages,
    conversations: counted,
  }
  return { local, rows, reset: () => Object.keys(rows).forEach((key) => delete rows[key]) }
}

/** `stateDir`: the persisted sync state of an earlier engine (a restart); else a fresh one. */
function startEngine(accountId: string, stateDir?: string) {
  const { store } = openAccountStore({ folder: folder.folder, accountId })
  const temp = stateDir ? null : tempStore<SyncStateData>()
  const state = temp ?? { store: reopenStore<SyncStateData>(stateDir!), dir: stateDir!, dispose: () => undefined }
  const counting = countingStore(store)
  const recorder = eventRecorder()
  const badge: number[] = []
  const engine: SyncEngine = createSyncEngine({
    api: harness.client(),
    stateStore: state.store,
    localStore: counting.local,
    accountKey: accountId,
    emit: recorder.emit,
    getMeUserId: () => null,
    setUnreadTotal: (total) => badge.push(total),
    intervals: { focusedMs: 60_000, backgroundMs: 60_000 },
  })
  cleanups.push(() => {
    engine.stop()
    store.close()
    state.dispose()
  })
  return { engine, counting, recorder, badge, stateDir: state.dir }
}

const total = (rows: Record<string, number>) => Object.values(rows).reduce((sum, n) => sum + n, 0)

describe('a poll tick at 3,000 conversations', () => {
  it('reads only the rows that changed, asks only for what changed, and sends only that to the window', async () => {
    const { engine, counting, recorder } = startEngine('scale-a')
    await engine.start()
    expect(counting.rows['versions(all)']).toBe(0) // the first full list compares with an empty database
    const [chatId] = engine.getConversations().map((c) => c.id)
    const lastIdBefore = engine.getConversation(chatId!)?.lastMessage?.id ?? 0
    const logBefore = (await harness.requestLog()).length

    counting.reset()
    const events = recorder.events.length
    const { messageId } = await harness.inbound(chatId!, 'One change among thousands')
    await engine.syncNow()
    expect(messageId).toBeGreaterThan(lastIdBefore)
    expect(engine.getConversation(chatId!)?.lastMessage?.id).toBe(messageId)
    // The changed row (and what the overlap lists again), not the table: no all(), no full diff, no count.
    expect(counting.rows.all ?? 0).toBe(0)
    expect(counting.rows['versions(all)'] ?? 0).toBe(0)
    expect(total(counting.rows)).toBeLessThanOrEqual(5)
    const changedEvents = recorder.events.slice(events).filter((e) => e.event === 'conversationsChanged')
    expect(changedEvents.flatMap((e) => (e.event === 'conversationsChanged' ? e.payload.upserted : []))).toHaveLength(1)
    const lists = (await harness.requestLog()).slice(logBefore).filter((r) => r.path === '/conversations')
    expect(lists).toHaveLength(1)
    expect(lists[0]!.query).toContain('dateFrom')

    // Nothing changed: the overlap's duplicates only.
    counting.reset()
    await engine.syncNow()
    expect(total(counting.rows)).toBeLessThanOrEqual(5)
  })

  it('a restart on the same database: the badge from one SQL sum, and a delta from the stored watermark', async () => {
    const first = startEngine('scale-b')
    await first.engine.start()
    const badge = first.engine.getUnreadTotal()
    expect(badge).toBeGreaterThan(0)
    first.engine.stop()
    const keepState = cleanups.splice(0)

    const logBefore = (await harness.requestLog()).length
    const second = startEngine('scale-b', first.stateDir)
    cleanups.push(...keepState)
    expect(second.badge).toEqual([badge])
    expect(second.counting.rows).toEqual({ unreadTotal: 1, countAll: 1 })
    await second.engine.start()
    const lists = (await harness.requestLog()).slice(logBefore).filter((r) => r.path === '/conversations')
    expect(lists.map((r) => r.query.includes('dateFrom'))).toEqual([true])
    expect(total(second.counting.rows)).toBeLessThanOrEqual(10)
  })
})
