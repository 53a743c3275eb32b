/**
 * The history backfill against the real sandbox over HTTP and a real SQLite
 * file: what it asks for (the sandbox's request log is the witness), what it
 * stores, and how it behaves under 429 + Retry-After, 502, a restart and the
 * account closing mid-run.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Conversation } from '../../shared/api/schemas'
import type { BackfillStatus } from '../../shared/ipc/contract'
import { createLogger } from '../log'
import { openAccountStore, type AccountStore } from '../store'
import { tempFolder } from '../store/testing/fixtures'
import { sleep, startSandboxHarness, type LoggedRequest, type SandboxHarness } from '../testing/sandbox-harness'
import { BACKFILL_CURSOR, createBackfill, type Backfill, type BackfillOptions } from './index'

const DAY = 86_400_000
let harness: SandboxHarness
beforeAll(async () => {
  harness = await startSandboxHarness({ deliveryMs: 100 })
})
afterAll(async () => {
  await harness.close()
})

let folder: ReturnType<typeof tempFolder>
let store: AccountStore
let conversations: Conversation[]
const backfills: Backfill[] = []
const logLines: Array<{ level: string; line: string }> = []

beforeEach(async () => {
  await harness.reset('demo')
  folder = tempFolder('inbox-backfill-')
  store = openStore()
  conversations = await harness.client().listConversations({ archived: 'any' })
  store.conversations.upsertMany(conversations)
  await harness.reset('demo') // the same data, an empty request log
  logLines.length = 0
})
afterEach(() => {
  for (const backfill of backfills.splice(0)) backfill.stop()
  if (store.file) tryClose(store)
  folder.cleanup()
})

function openStore(): AccountStore {
  return openAccountStore({ folder: folder.folder, accountId: 'acme' }).store
}
function tryClose(s: AccountStore) {
  try {
    s.close()
  } catch {
    // already closed by the test
  }
}

function start(overrides: Partial<BackfillOptions> = {}) {
  const statuses: BackfillStatus[] = []
  const backfill = createBackfill({
    api: harness.client(),
    store,
    days: 30,
    emit: (status) => statuses.push(status),
    log: createLogger((level, line) => logLines.push({ level, line })),
    pauseMs: 5,
    backoff: { baseMs: 50, capMs: 200, minMs: 20 },
    progressIntervalMs: 20,
    ...overrides,
  })
  backfills.push(backfill)
  backfill.start()
  return { backfill, statuses }
}

const messageReads = (log: LoggedRequest[]) => log.filter((r) => /^\/conversations\/[^/]+\/messages$/.test(r.path))
const chatOf = (request: LoggedRequest) => request.path.split('/')[2]!
const inWindow = () =>
  conversations.filter((c) => c.lastMessage && Date.parse(c.lastMessageDate) >= Date.now() - 30 * DAY)
const newestActive = () =>
  inWindow()
    .filter((c) => !c.archived)
    .sort((a, b) => b.lastMessageDate.localeCompare(a.lastMessageDate))[0]!

describe('the history backfill', () => {
  it('stores every conversation of the window, newest first, one request each unless a thread is long', async () => {
    const { backfill, statuses } = start()
    await backfill.settled()
    const reads = messageReads(await harness.requestLog())
    const expected = inWindow()
    expect(new Set(reads.map(chatOf))).toEqual(new Set(expected.map((c) => c.id)))
    // Requests per conversation: one for every thread that fits a page, more only for the 60-day one.
    const perChat = new Map<string, number>()
    for (const read of reads) perChat.set(chatOf(read), (perChat.get(chatOf(read)) ?? 0) + 1)
    const multi = [...perChat].filter(([, n]) => n > 1)
    expect(multi).toHaveLength(1)
    expect(multi[0]![1]).toBe(2)
    // It stopped at the window's edge: the long thread's stored part begins before it, not at its start.
    const long = multi[0]![0]
    expect(store.messages.coverage(long)?.reachedStart).toBe(false)
    expect(store.threadPages.oldestCoveredMs(long)).toBeLessThanOrEqual(Date.now() - 30 * DAY)
    expect(reads.every((r) => r.status === 200)).toBe(true)
    // Progress: counted up to the total, then done; the cursor says the run completed.
    const last = statuses.at(-1)!
    expect(last).toEqual({ state: 'done', done: expected.length, total: expected.length, days: 30 })
    expect(statuses[0]).toMatchObject({ state: 'running', done: 0, total: expected.length })
    expect(store.cursors.get(BACKFILL_CURSOR)).toMatchObject({ days: 30, completedAt: expect.any(Number) })
    expect(backfill.requestsSent()).toBe(reads.length)
    // The most recent conversations went first.
    const order = [...new Set(reads.map(chatOf))]
    expect(order[0]).toBe(newestActive().id)
  })

  it('answers a stored thread from the store exactly as the API would, and a second run asks for nothing', async () => {
    const first = start()
    await first.backfill.settled()
    const chat = inWindow().find((c) => !c.archived)!
    const fromApi = await harness.client().getMessages(chat.id, { idTo: chat.lastMessage!.id })
    expect(store.threadPages.readStored(chat.id, { idTo: chat.lastMessage!.id })).toEqual(fromApi)
    await harness.reset('demo')
    const second = start()
    await second.backfill.settled()
    expect(messageReads(await harness.requestLog())).toEqual([])
    expect(second.statuses.at(-1)).toMatchObject({ state: 'done' })
  })

  it('holds every request for a 429 Retry-After, then carries on', async () => {
    const first = newestActive()
    await harness.faults({
      method: 'GET',
      path: `/conversations/${first.id}/messages`,
      status: 429,
      retryAfter: 1,
      times: 1,
    })
    const { backfill, statuses } = start({ concurrency: 1 })
    await backfill.settled()
    const reads = messageReads(await harness.requestLog())
    const limited = reads.findIndex((r) => r.status === 429)
    expect(limited).toBe(0)
    const limitedAt = Date.parse(reads[limited]!.at)
    const later = reads.slice(limited + 1)
    expect(later.length).toBe(inWindow().length + 1)
    for (const request of later) expect(Date.parse(request.at) - limitedAt).toBeGreaterThanOrEqual(1_000)
    expect(statuses.some((s) => s.state === 'paused')).toBe(true)
    expect(statuses.at(-1)).toMatchObject({ state: 'done', done: inWindow().length })
  })

  it('backs off on 502 and retries the same page until it is stored', async () => {
    const chat = inWindow()[0]!
    await harness.faults({ method: 'GET', path: `/conversations/${chat.id}/messages`, status: 502, times: 2 })
    const { backfill, statuses } = start()
    await backfill.settled()
    const reads = messageReads(await harness.requestLog()).filter((r) => chatOf(r) === chat.id)
    expect(reads.map((r) => r.status)).toEqual([502, 502, 200])
    expect(reads.map((r) => r.query)).toEqual([reads[2]!.query, reads[2]!.query, reads[2]!.query])
    expect(store.messages.coverage(chat.id)).not.toBeNull()
    expect(statuses.at(-1)).toMatchObject({ state: 'done', done: inWindow().length })
    expect(logLines.some((l) => l.level === 'info' && /unavailable \(HTTP 502\)/.test(l.line))).toBe(true)
  })

  it('waits while offline or asleep, and goes on when back', async () => {
    const { backfill, statuses } = start({ concurrency: 1 })
    backfill.setOnline(false)
    await sleep(100)
    expect(messageReads(await harness.requestLog())).toEqual([])
    expect(backfill.status().state).toBe('paused')
    backfill.setOnline(true)
    backfill.setAwake(false)
    await sleep(100)
    expect(messageReads(await harness.requestLog())).toEqual([])
    backfill.setAwake(true)
    await backfill.settled()
    expect(statuses.at(-1)).toMatchObject({ state: 'done', done: inWindow().length })
  })

  it('resumes after a restart where it stopped: the same window, nothing fetched twice', async () => {
    const first = start({ concurrency: 1 })
    await expect.poll(() => first.backfill.status().done, { timeout: 10_000 }).toBeGreaterThanOrEqual(3)
    first.backfill.stop()
    await first.backfill.settled()
    const cursorBefore = store.cursors.get(BACKFILL_CURSOR) as { cutoffMs: number; completedAt: null }
    expect(cursorBefore.completedAt).toBeNull()
    store.close()
    const firstReads = messageReads(await harness.requestLog())
    const firstChats = new Set(firstReads.map(chatOf))

    store = openStore()
    await harness.reset('demo')
    const second = start({ concurrency: 1 })
    await second.backfill.settled()
    const secondReads = messageReads(await harness.requestLog())
    // At most the one in flight at the stop is asked again; every other conversation of the first run is not.
    const again = secondReads.filter((r) => firstChats.has(chatOf(r)))
    expect(new Set(again.map(chatOf)).size).toBeLessThanOrEqual(1)
    expect(new Set([...firstChats, ...secondReads.map(chatOf)])).toEqual(new Set(inWindow().map((c) => c.id)))
    expect(store.cursors.get(BACKFILL_CURSOR)).toMatchObject({ cutoffMs: cursorBefore.cutoffMs })
    expect(second.statuses[0]!.done).toBeGreaterThanOrEqual(3)
    expect(second.statuses.at(-1)).toMatchObject({ state: 'done', done: inWindow().length })
  })

  it('stops when the account closes mid-request: nothing sent after, the late answer not written', async () => {
    const first = newestActive()
    await harness.faults({ method: 'GET', path: `/conversations/${first.id}/messages`, delayMs: 400 })
    const { backfill, statuses } = start({ concurrency: 1 })
    await expect.poll(() => backfill.requestsSent()).toBe(1)
    backfill.stop()
    store.close() // the account's database closes with it
    await backfill.settled()
    await sleep(100) // a few pauses: nothing else may leave
    const reads = messageReads(await harness.requestLog())
    expect(reads.map(chatOf)).toEqual([first.id])
    expect(statuses.at(-1)).toMatchObject({ state: 'idle' })
    expect(logLines.filter((l) => l.level === 'error')).toEqual([])
  })

  it('does nothing when the setting is off, and starts when it is turned on', async () => {
    const { backfill, statuses } = start({ days: 0 })
    await backfill.settled()
    expect(statuses).toEqual([{ state: 'off', done: 0, total: 0, days: 0 }])
    backfill.setDays(7)
    await backfill.settled()
    const reads = messageReads(await harness.requestLog())
    const week = conversations.filter((c) => c.lastMessage && Date.parse(c.lastMessageDate) >= Date.now() - 7 * DAY)
    expect(new Set(reads.map(chatOf))).toEqual(new Set(week.map((c) => c.id)))
    expect(statuses.at(-1)).toMatchObject({ state: 'done', days: 7 })
  })
})
