/**
 * Snooze's faults (issue 13 §1) through the live engine, against the real sandbox and a real SQLite file: a wake
 * whose unarchive fails (502, 429 with Retry-After, offline) is late, tried again until it succeeds; an archive
 * that fails at snooze time (offline, a 502) leaves no snooze; the bulk snooze and its Undo.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { InboxEngine } from '../ports/inbox-engine'
import { createNodeAdapters, type NodeAdapters } from '../testing/node-adapters'
import { startSandboxHarness, type SandboxHarness } from '../testing/sandbox-harness'
import {
  HOUR,
  movableClock,
  onServer,
  snoozedIds,
  startSnoozeEngine,
  unarchiveRequests,
  type MovableClock,
} from './testing/snooze-engine'

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
let clock: MovableClock

beforeEach(async () => {
  await harness.reset({ conversations: 6, messagesPerConversation: 2 })
  dir = mkdtempSync(join(tmpdir(), 'live-snooze-faults-'))
  adapters = createNodeAdapters({ userDataDir: dir })
  clock = movableClock()
  inbox = await startSnoozeEngine({ harness, adapters, dir, client: harness.client() }, clock)
  await expect.poll(async () => (await inbox.listConversations({ archived: 'false' })).length).toBeGreaterThan(1)
})
afterEach(async () => {
  await inbox.stop()
  await harness.clearFaults()
  rmSync(dir, { recursive: true, force: true })
})

const active = async (): Promise<string[]> => (await inbox.listConversations({ archived: 'false' })).map((c) => c.id)
const isArchivedOnServer = async (chatId: string) => (await onServer(harness, chatId))?.archived
const unarchivePath = (chatId: string) => `/conversations/${chatId}/unarchive`
const late = async (chatId: string) => (await inbox.listSnoozes()).snoozes.find((s) => s.chatId === chatId)

describe('snooze faults', () => {
  it('a wake answered 502 is late, with why, and tried again until the server takes it', async () => {
    const [chatId] = await active()
    await inbox.snooze(chatId!, clock.scheduler.now() + HOUR)
    await harness.faults({ method: 'PATCH', path: unarchivePath(chatId!), status: 502, times: 2 })
    clock.jump(HOUR)
    await expect.poll(() => late(chatId!)).toMatchObject({ late: true, lastError: { kind: 'unavailable' } })
    await expect.poll(() => isArchivedOnServer(chatId!)).toBe(false)
    await expect.poll(async () => snoozedIds(await inbox.listSnoozes())).toEqual([])
    expect((await unarchiveRequests(harness, chatId!)).map((r) => r.status)).toEqual([502, 502, 204])
  })

  it('a wake answered 429 waits the Retry-After before the next try', async () => {
    const [chatId] = await active()
    await inbox.snooze(chatId!, clock.scheduler.now() + HOUR)
    await harness.faults({ method: 'PATCH', path: unarchivePath(chatId!), status: 429, retryAfter: 1, times: 1 })
    clock.jump(HOUR)
    await expect.poll(() => late(chatId!)).toMatchObject({ late: true, lastError: { kind: 'rate_limited' } })
    await expect.poll(() => isArchivedOnServer(chatId!), { timeout: 10_000 }).toBe(false)
    const [refused, taken] = await unarchiveRequests(harness, chatId!)
    expect([refused?.status, taken?.status]).toEqual([429, 204])
    expect(Date.parse(taken!.at) - Date.parse(refused!.at)).toBeGreaterThanOrEqual(1_000)
  })

  it('offline when due: late, nothing sent; woken once the network is back', async () => {
    const [chatId] = await active()
    await inbox.snooze(chatId!, clock.scheduler.now() + HOUR)
    inbox.setOnline(false)
    clock.jump(HOUR)
    await expect.poll(() => late(chatId!)).toMatchObject({ late: true })
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(await unarchiveRequests(harness, chatId!)).toEqual([])
    inbox.setOnline(true)
    await expect.poll(() => isArchivedOnServer(chatId!)).toBe(false)
  })

  it('the archive failing at snooze time leaves no snooze: offline (nothing sent) and a 502', async () => {
    const [offline, refused] = await active()
    inbox.setOnline(false)
    await expect(inbox.snooze(offline!, clock.scheduler.now() + HOUR)).rejects.toMatchObject({
      text: { code: 'needsServer.snooze' },
    })
    inbox.setOnline(true)
    await harness.faults({ method: 'PATCH', path: `/conversations/${refused!}/archive`, status: 502 })
    await expect(inbox.snooze(refused!, clock.scheduler.now() + HOUR)).rejects.toMatchObject({ kind: 'unavailable' })
    expect((await inbox.listSnoozes()).snoozes).toEqual([])
    expect(await isArchivedOnServer(offline!)).toBe(false)
    expect(await isArchivedOnServer(refused!)).toBe(false)
    expect(await active()).toEqual(expect.arrayContaining([offline, refused]))
    // Nothing left to wake: an hour later nothing is sent.
    clock.jump(2 * HOUR)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(await unarchiveRequests(harness, offline!)).toEqual([])
  })

  it('bulk snooze: each archived and snoozed; a past time refused before anything is sent; Undo unsnoozes', async () => {
    const chatIds = (await active()).slice(0, 3)
    await expect(
      inbox.bulk.start({ action: { type: 'snooze', untilMs: clock.scheduler.now() - 1 }, chatIds }),
    ).rejects.toMatchObject({ text: { code: 'snooze.inPast' } })
    const started = await inbox.bulk.start({
      action: { type: 'snooze', untilMs: clock.scheduler.now() + HOUR },
      chatIds,
    })
    const done = await inbox.bulk.settled(started.batchId)
    expect(done).toMatchObject({ state: 'done', succeeded: 3, failed: [], undo: 'available', undoable: 3 })
    expect(snoozedIds(await inbox.listSnoozes()).sort()).toEqual([...chatIds].sort())
    for (const id of chatIds) expect(await isArchivedOnServer(id)).toBe(true)
    const undo = await inbox.bulk.settled(inbox.bulk.undo(started.batchId).batchId)
    expect(undo).toMatchObject({ state: 'done', succeeded: 3, failed: [] })
    expect((await inbox.listSnoozes()).snoozes).toEqual([])
    for (const id of chatIds) expect(await isArchivedOnServer(id)).toBe(false)
  })

  it('wake now: woken at once, before its time', async () => {
    const [chatId] = await active()
    await inbox.snooze(chatId!, clock.scheduler.now() + HOUR)
    expect((await inbox.wakeSnoozed(chatId!)).snoozes).toEqual([])
    expect(await isArchivedOnServer(chatId!)).toBe(false)
    await expect(inbox.wakeSnoozed(chatId!)).rejects.toMatchObject({ text: { code: 'snooze.notSnoozed' } })
  })
})
