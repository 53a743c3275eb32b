/**
 * Bulk actions (src/main/bulk) through the live engine, against the real sandbox over HTTP: the batch's bound on
 * requests in flight, a 429's Retry-After holding the whole batch, cancel, failures listed and retried (only
 * those), Undo of the whole batch, offline, and the account boundary. What the server holds is read back from the
 * server, never from the engine's own picture.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Conversation } from '../../shared/api/schemas'
import type { BulkStatus } from '../../shared/ipc/contract'
import { SANDBOX_ACCOUNTS } from '../../sandbox'
import { createInboxClient } from '../api'
import type { RunnerOptions } from '../bulk'
import type { InboxApi } from '../ports/inbox-api'
import type { InboxEngine } from '../ports/inbox-engine'
import { createNodeAdapters, type NodeAdapters } from '../testing/node-adapters'
import { startSandboxHarness, type SandboxHarness } from '../testing/sandbox-harness'
import { createLiveInboxEngine } from './live-inbox-engine'
import { FAST_SYNC, liveEngineDeps, sandboxSession } from './testing/live-engine'

const SEED = { conversations: 24, messagesPerConversation: 1 }
/** Short backoffs, so a failing server does not make the tests wait seconds. */
const QUICK: Partial<RunnerOptions> = { backoff: { baseMs: 20, capMs: 80, minMs: 5 } }

let harness: SandboxHarness
beforeAll(async () => {
  harness = await startSandboxHarness({ deliveryMs: 100 })
})
afterAll(async () => {
  await harness.close()
})

let dir = ''
let adapters: NodeAdapters
let inbox: InboxEngine
/** The batch's requests (PATCH, POST or DELETE: the sync only reads) the engine's client has in flight now, and the
 * most at once. */
const inFlight = { now: 0, max: 0 }

/** Node's fetch, counting the changes in flight: the requests are real, only watched. */
const countingFetch: typeof fetch = async (input, init) => {
  if ((init?.method ?? 'GET') === 'GET') return fetch(input, init)
  inFlight.now += 1
  inFlight.max = Math.max(inFlight.max, inFlight.now)
  try {
    return await fetch(input, init)
  } finally {
    inFlight.now -= 1
  }
}

async function startEngine(client: InboxApi, runner: Partial<RunnerOptions> = QUICK): Promise<void> {
  inbox = createLiveInboxEngine(liveEngineDeps({ adapters, dir, client }), { ...FAST_SYNC, bulk: runner })
  await inbox.accountChanged(sandboxSession(harness, client, 'bulk'))
  await expect.poll(async () => (await inbox.bulk.viewIds({ view: 'all' })).chatIds.length).toBe(SEED.conversations)
}

beforeEach(async () => {
  await harness.reset(SEED)
  dir = mkdtempSync(join(tmpdir(), 'live-bulk-'))
  adapters = createNodeAdapters({ userDataDir: dir })
  inFlight.now = 0
  inFlight.max = 0
})
afterEach(async () => {
  await inbox.stop()
  rmSync(dir, { recursive: true, force: true })
})

/** The acme client as the app builds it: the client's own retries for 502s and network errors, counted fetch. */
const appClient = (extra: Partial<Parameters<typeof createInboxClient>[0]> = {}) =>
  createInboxClient({
    baseUrl: harness.sandbox.url,
    apiKey: SANDBOX_ACCOUNTS.acme.apiKey,
    fetch: countingFetch,
    retry: { attempts: 4, baseDelayMs: 5, maxDelayMs: 20 },
    ...extra,
  })

const serverList = async (): Promise<Conversation[]> => harness.client().listConversations({ archived: 'any' })
const archivePath = (chatId: string) => `/conversations/${chatId}/archive`

/** Fault rules, 100 per request (the control route's bound). */
async function faults(rules: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rules.length; i += 100) await harness.faults(...rules.slice(i, i + 100))
}

async function archiveRequests(): Promise<{ path: string; status: number; at: string }[]> {
  return (await harness.requestLog()).filter((r) => r.method === 'PATCH' && r.path.endsWith('/archive'))
}

const bulkEvents = (batchId: string): BulkStatus[] =>
  adapters.events.flatMap((e) =>
    e.event === 'bulkStatus' && (e.payload as BulkStatus).batchId === batchId ? [e.payload as BulkStatus] : [],
  )

async function run(action: Parameters<InboxEngine['bulk']['start']>[0]['action'], chatIds: string[]) {
  const started = await inbox.bulk.start({ action, chatIds })
  return settled(started.batchId)
}

const settled = (batchId: string): Promise<BulkStatus> => inbox.bulk.settled(batchId)

describe('bulk actions', () => {
  it('archive every conversation of the view, with never more than 4 requests in flight', async () => {
    await startEngine(appClient())
    const { chatIds } = await inbox.bulk.viewIds({ view: 'all' })
    // Each archive is held a little by the server, so the workers overlap.
    await faults(chatIds.map((id) => ({ method: 'PATCH', path: archivePath(id), delayMs: 40 })))
    inFlight.max = 0
    const status = await run({ type: 'archive' }, chatIds)
    expect(status).toMatchObject({ state: 'done', total: 24, done: 24, succeeded: 24, failed: [], undo: 'available' })
    expect(inFlight.max).toBe(4)
    expect((await serverList()).every((c) => c.archived)).toBe(true)
    // Progress on the way: each conversation counted once, in order.
    const done = bulkEvents(status.batchId).map((s) => s.done)
    expect(done.at(-1)).toBe(24)
    expect(done).toEqual([...done].sort((a, b) => a - b))
    // Told at most every PROGRESS_EVERY_MS while running, not once per conversation; the list changes with it.
    expect(done.length).toBeLessThan(24)
    const listChanges = adapters.events.filter((e) => e.event === 'conversationsChanged')
    const shown = listChanges.flatMap((e) => (e.payload as { upserted: Conversation[] }).upserted)
    // Each archived one shown (the next sync may show it again, from the server).
    const archived = new Set(shown.filter((c) => c.archived).map((c) => c.id))
    expect([...archived].sort()).toEqual([...chatIds].sort())
    expect(listChanges.length).toBeLessThan(24)
  })

  it('a 429 holds the whole batch for its Retry-After; the conversation it refused is sent again, not failed', async () => {
    await startEngine(appClient())
    const { chatIds } = await inbox.bulk.viewIds({ view: 'all' })
    await faults([{ method: 'PATCH', path: archivePath(chatIds[5]!), status: 429, retryAfter: 1, times: 1 }])
    const status = await run({ type: 'archive' }, chatIds)
    expect(status).toMatchObject({ state: 'done', succeeded: 24, failed: [] })
    const log = await archiveRequests()
    const refused = log.find((r) => r.status === 429)!
    const at = Date.parse(refused.at)
    // Answered while the hold lasted: only what was already in flight when the 429 came (3 other workers).
    const duringHold = log.filter((r) => Date.parse(r.at) > at && Date.parse(r.at) < at + 1000)
    expect(duringHold.length).toBeLessThanOrEqual(3)
    const again = log.filter((r) => r.path === refused.path && r.status === 204)
    expect(again).toHaveLength(1)
    expect(Date.parse(again[0]!.at)).toBeGreaterThanOrEqual(at + 1000)
    expect(bulkEvents(status.batchId).some((s) => s.state === 'waiting' && s.resumesAt !== null)).toBe(true)
  })

  it('a Retry-After too long for the client to wait still holds the batch: nothing is sent until it passes', async () => {
    // A clock that jumps when slept on, shared by the client and the batch: a 30 s hold takes no time here.
    let offset = 0
    const slept: number[] = []
    const clock = {
      now: () => Date.now() + offset,
      sleep: async (ms: number) => {
        slept.push(ms)
        offset += Math.max(0, ms)
        await new Promise((resolve) => setImmediate(resolve))
      },
    }
    await startEngine(appClient({ now: clock.now, sleep: clock.sleep }), { ...QUICK, clock })
    const { chatIds } = await inbox.bulk.viewIds({ view: 'all' })
    await faults([{ method: 'PATCH', path: archivePath(chatIds[2]!), status: 429, retryAfter: 30, times: 1 }])
    const status = await run({ type: 'archive' }, chatIds)
    expect(status).toMatchObject({ state: 'done', succeeded: 24, failed: [] })
    // One 429, then each conversation archived once: no request went out and was refused during the hold.
    const log = await archiveRequests()
    expect(log.filter((r) => r.status === 429)).toHaveLength(1)
    expect(log.filter((r) => r.status === 204)).toHaveLength(24)
    expect(Math.max(...slept)).toBeGreaterThanOrEqual(29_000)
    expect((await serverList()).every((c) => c.archived)).toBe(true)
  })
})

describe('bulk actions: failures, cancel, undo', () => {
  it('what still fails is listed, never dropped; Retry sends only those, and they change', async () => {
    await startEngine(appClient())
    const { chatIds } = await inbox.bulk.viewIds({ view: 'all' })
    const broken = [chatIds[3]!, chatIds[17]!]
    await faults(broken.map((id) => ({ method: 'PATCH', path: archivePath(id), status: 502 })))
    const status = await run({ type: 'archive' }, chatIds)
    expect(status).toMatchObject({ state: 'done', done: 24, succeeded: 22 })
    expect(status.failed.map((f) => f.chatId).sort()).toEqual([...broken].sort())
    expect(status.failed.every((f) => f.error.kind === 'unavailable' && f.name !== '')).toBe(true)
    // The client's 4 tries, twice (the batch tries a failed one once more, later).
    const before = await archiveRequests()
    for (const id of broken) expect(before.filter((r) => r.path === archivePath(id))).toHaveLength(8)

    await harness.clearFaults()
    await inbox.bulk.retry(status.batchId)
    const retried = await settled(status.batchId)
    expect(retried).toMatchObject({ state: 'done', done: 24, succeeded: 24, failed: [], undoable: 24 })
    const after = (await archiveRequests()).slice(before.length)
    expect(after.map((r) => r.path).sort()).toEqual(broken.map(archivePath).sort())
    expect((await serverList()).every((c) => c.archived)).toBe(true)
  })

  it('cancel stops sending; what was done stays done and Undo reverts exactly that', async () => {
    await startEngine(appClient(), { ...QUICK, concurrency: 2 })
    const { chatIds } = await inbox.bulk.viewIds({ view: 'all' })
    await faults(chatIds.map((id) => ({ method: 'PATCH', path: archivePath(id), delayMs: 60 })))
    const started = await inbox.bulk.start({ action: { type: 'archive' }, chatIds })
    await expect.poll(() => bulkEvents(started.batchId).some((s) => s.succeeded >= 3)).toBe(true)
    inbox.bulk.cancel(started.batchId)
    const status = await settled(started.batchId)
    expect(status.state).toBe('cancelled')
    expect(status.succeeded).toBeLessThan(24)
    expect(status.failed).toEqual([])
    // Every request sent was answered and counted; none was sent after the cancel.
    expect(await archiveRequests()).toHaveLength(status.succeeded)
    expect((await serverList()).filter((c) => c.archived)).toHaveLength(status.succeeded)

    await harness.clearFaults()
    const undo = await inbox.bulk.undo(started.batchId)
    expect(undo).toMatchObject({ phase: 'undo', undoOf: started.batchId, total: status.succeeded })
    expect(await settled(undo.batchId)).toMatchObject({ state: 'done', succeeded: status.succeeded, failed: [] })
    expect((await serverList()).some((c) => c.archived)).toBe(false)
    // Undone once: the batch offers no second Undo.
    expect(bulkEvents(started.batchId).at(-1)).toMatchObject({ undo: 'none', undoable: 0 })
    await expect(async () => inbox.bulk.undo(started.batchId)).rejects.toMatchObject({ kind: 'invalid_argument' })
  })

  it('Undo of an assign gives each conversation back its own previous assignee (or none)', async () => {
    await startEngine(appClient())
    const before = await serverList()
    expect(new Set(before.map((c) => c.assignee?.id ?? null)).size).toBeGreaterThan(2)
    const status = await run(
      { type: 'assign', userId: 'usr_acme_sam' },
      before.map((c) => c.id),
    )
    expect(status).toMatchObject({ state: 'done', succeeded: 24 })
    expect((await serverList()).every((c) => c.assignee?.id === 'usr_acme_sam')).toBe(true)
    // Those Sam already had are not touched by Undo.
    expect(status.undoable).toBe(before.filter((c) => c.assignee?.id !== 'usr_acme_sam').length)

    const undo = await inbox.bulk.undo(status.batchId)
    expect(await settled(undo.batchId)).toMatchObject({ state: 'done', failed: [] })
    const after = new Map((await serverList()).map((c) => [c.id, c.assignee?.id ?? null]))
    for (const c of before) expect(after.get(c.id)).toBe(c.assignee?.id ?? null)
  })

  it('Undo of an archive leaves alone what was archived before the batch', async () => {
    await startEngine(appClient())
    const { chatIds } = await inbox.bulk.viewIds({ view: 'all' })
    await harness.client().archive(chatIds[0]!)
    await expect.poll(async () => (await inbox.bulk.viewIds({ view: 'archive' })).chatIds).toEqual([chatIds[0]])
    const status = await run({ type: 'archive' }, chatIds)
    expect(status).toMatchObject({ succeeded: 24, undoable: 23 })
    await settled((await inbox.bulk.undo(status.batchId)).batchId)
    expect((await serverList()).filter((c) => c.archived).map((c) => c.id)).toEqual([chatIds[0]])
  })

  it('mark read has no Undo: the API cannot mark a conversation unread', async () => {
    await startEngine(appClient())
    const { chatIds } = await inbox.bulk.viewIds({ view: 'unread' })
    expect(chatIds.length).toBeGreaterThan(0)
    const status = await run({ type: 'markRead' }, chatIds)
    expect(status).toMatchObject({ state: 'done', undo: 'not_supported', undoable: 0 })
    expect((await serverList()).every((c) => c.unreadCount === 0)).toBe(true)
    await expect(async () => inbox.bulk.undo(status.batchId)).rejects.toMatchObject({ kind: 'invalid_argument' })
  })
})

describe('bulk actions: the server, the network and the account', () => {
  it('offline, a batch is refused with a sentence that says it needs the server, and nothing is sent', async () => {
    await startEngine(appClient())
    const { chatIds } = await inbox.bulk.viewIds({ view: 'all' })
    inbox.setOnline(false)
    await expect(inbox.bulk.start({ action: { type: 'archive' }, chatIds })).rejects.toMatchObject({
      kind: 'network',
      text: { code: 'bulk.needsServer' },
    })
    expect(await archiveRequests()).toHaveLength(0)
  })

  it('going offline mid-batch waits for the network instead of failing, then finishes', async () => {
    await startEngine(appClient(), { ...QUICK, concurrency: 1 })
    const { chatIds } = await inbox.bulk.viewIds({ view: 'all' })
    await faults(chatIds.map((id) => ({ method: 'PATCH', path: archivePath(id), delayMs: 30 })))
    const started = await inbox.bulk.start({ action: { type: 'archive' }, chatIds })
    await expect.poll(() => bulkEvents(started.batchId).some((s) => s.succeeded >= 2)).toBe(true)
    inbox.setOnline(false)
    await expect.poll(() => bulkEvents(started.batchId).at(-1)?.state).toBe('offline')
    const sent = (await archiveRequests()).length
    expect(sent).toBeLessThan(24)
    inbox.setOnline(true)
    expect(await settled(started.batchId)).toMatchObject({ state: 'done', succeeded: 24, failed: [] })
    expect((await serverList()).every((c) => c.archived)).toBe(true)
  })

  it('acts only on the connected account: another workspace’s conversation is listed, never sent', async () => {
    await startEngine(appClient())
    const { chatIds } = await inbox.bulk.viewIds({ view: 'all' })
    const globex = (await harness.client({ apiKey: SANDBOX_ACCOUNTS.globex.apiKey }).listConversations())[0]!
    const status = await run({ type: 'archive' }, [chatIds[0]!, globex.id])
    expect(status).toMatchObject({ state: 'done', total: 2, succeeded: 1 })
    expect(status.failed).toEqual([
      expect.objectContaining({ chatId: globex.id, error: expect.objectContaining({ code: 'bulk.notInAccount' }) }),
    ])
    expect((await archiveRequests()).map((r) => r.path)).toEqual([archivePath(chatIds[0]!)])
    const globexNow = await harness.client({ apiKey: SANDBOX_ACCOUNTS.globex.apiKey }).listConversations()
    expect(globexNow.find((c) => c.id === globex.id)?.archived).toBe(false)
  })

  it('a refused key (401) stops the batch: the rest is listed with that error, not sent', async () => {
    await startEngine(appClient(), { ...QUICK, concurrency: 1 })
    const { chatIds } = await inbox.bulk.viewIds({ view: 'all' })
    await faults([{ method: 'PATCH', path: archivePath(chatIds[4]!), status: 401 }])
    const status = await run({ type: 'archive' }, chatIds)
    expect(status).toMatchObject({ state: 'stopped', done: 24, succeeded: 4 })
    expect(status.failed).toHaveLength(20)
    expect(status.failed.every((f) => f.error.kind === 'unauthorized')).toBe(true)
    expect(await archiveRequests()).toHaveLength(5)
  })

  it('the account changing cancels its batches: none goes on with the next account', async () => {
    await startEngine(appClient(), { ...QUICK, concurrency: 1 })
    const { chatIds } = await inbox.bulk.viewIds({ view: 'all' })
    await faults(chatIds.map((id) => ({ method: 'PATCH', path: archivePath(id), delayMs: 30 })))
    const started = await inbox.bulk.start({ action: { type: 'archive' }, chatIds })
    await expect.poll(() => bulkEvents(started.batchId).some((s) => s.succeeded >= 1)).toBe(true)
    await inbox.accountChanged(null)
    await expect.poll(() => bulkEvents(started.batchId).at(-1)?.state).toBe('cancelled')
    // 'cancelled' is told once every worker has returned: nothing can be sent after it.
    expect((await archiveRequests()).length).toBeLessThan(24)
    expect((await serverList()).filter((c) => c.archived).length).toBeLessThan(24)
  })
})
