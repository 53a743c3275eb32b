/**
 * Snooze (issue 13 §1) through the live engine, against the real sandbox over HTTP and a real SQLite file: a
 * snooze archives on the server and keeps its wake instant; it wakes (unarchives) when due, after a clock jump,
 * and at the start of a session it came due before; a time that has passed is refused; a new inbound message
 * wakes it early with its notification; someone else's unarchive or reply drops it; the badge leaves it out.
 * What the server holds is read back from the server.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { SnoozeList } from '../../shared/ipc/contract'
import type { InboxEngine } from '../ports/inbox-engine'
import { createNodeAdapters, type NodeAdapters } from '../testing/node-adapters'
import { startSandboxHarness, type SandboxHarness } from '../testing/sandbox-harness'
import { HOUR, movableClock, onServer, snoozedIds, startSnoozeEngine, type MovableClock } from './testing/snooze-engine'

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

async function start(at: MovableClock = movableClock(), tickMs?: number): Promise<InboxEngine> {
  clock = at
  inbox = await startSnoozeEngine({ harness, adapters, dir, client: harness.client() }, clock, tickMs)
  await expect.poll(async () => (await inbox.listConversations({ archived: 'any' })).length).toBeGreaterThan(0)
  return inbox
}

beforeEach(async () => {
  await harness.reset({ conversations: 6, messagesPerConversation: 2 })
  dir = mkdtempSync(join(tmpdir(), 'live-snooze-'))
  adapters = createNodeAdapters({ userDataDir: dir })
})
afterEach(async () => {
  await inbox.stop()
  rmSync(dir, { recursive: true, force: true })
})

/** An active conversation (unassigned: a new message on it notifies with the default settings). */
async function firstActive(): Promise<string> {
  const found = (await inbox.listConversations({ archived: 'false' })).find((c) => c.assignee === null)
  if (!found) throw new Error('no active conversation in the seed')
  return found.id
}

const isArchivedOnServer = async (chatId: string) => (await onServer(harness, chatId))?.archived

describe('snooze', () => {
  it('archives now, keeps the instant, and unarchives when the clock reaches it (a jump, not a long timer)', async () => {
    await start()
    const chatId = await firstActive()
    const untilMs = clock.scheduler.now() + HOUR
    const list = await inbox.snooze(chatId, untilMs)
    expect(list.snoozes).toEqual([
      expect.objectContaining({ chatId, until: new Date(untilMs).toISOString(), late: false, attempts: 0 }),
    ])
    expect(await isArchivedOnServer(chatId)).toBe(true)
    expect((await inbox.listConversations({ archived: 'false' })).map((c) => c.id)).not.toContain(chatId)
    // Many ticks pass: not due, still snoozed.
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(snoozedIds(await inbox.listSnoozes())).toEqual([chatId])
    // The machine's clock is set an hour ahead: the next tick finds it due.
    clock.jump(HOUR)
    await expect.poll(() => isArchivedOnServer(chatId)).toBe(false)
    await expect.poll(async () => snoozedIds(await inbox.listSnoozes())).toEqual([])
    expect((await inbox.listConversations({ archived: 'false' })).map((c) => c.id)).toContain(chatId)
    const lists = adapters.events.flatMap((e) =>
      e.event === 'snoozesChanged' ? [(e.payload as SnoozeList).snoozes.length] : [],
    )
    expect(lists.at(-1)).toBe(0)
  })

  it('a clock set back keeps it snoozed until the wall clock reaches the instant again', async () => {
    await start()
    const chatId = await firstActive()
    const untilMs = clock.scheduler.now() + HOUR
    await inbox.snooze(chatId, untilMs)
    clock.jump(-24 * HOUR)
    clock.jump(24 * HOUR + HOUR / 2)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(snoozedIds(await inbox.listSnoozes())).toEqual([chatId])
    expect(await isArchivedOnServer(chatId)).toBe(true)
    clock.jump(HOUR / 2)
    await expect.poll(() => isArchivedOnServer(chatId)).toBe(false)
  })

  it('back from sleep, a snooze that came due meanwhile wakes at once, not at the next tick', async () => {
    // A tick an hour long: only the resume can wake it within the test.
    await start(movableClock(), HOUR)
    const chatId = await firstActive()
    await inbox.snooze(chatId, clock.scheduler.now() + HOUR)
    inbox.setSystemAwake(false)
    clock.jump(2 * HOUR)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(snoozedIds(await inbox.listSnoozes())).toEqual([chatId])
    inbox.setSystemAwake(true)
    await expect.poll(() => isArchivedOnServer(chatId)).toBe(false)
    await expect.poll(async () => snoozedIds(await inbox.listSnoozes())).toEqual([])
  })

  it('refuses a time that has passed (or is now) and a year away: nothing sent, nothing recorded', async () => {
    await start()
    const chatId = await firstActive()
    const before = (await harness.requestLog()).filter((r) => r.method !== 'GET').length
    const now = clock.scheduler.now()
    await expect(inbox.snooze(chatId, now - 60_000)).rejects.toMatchObject({ text: { code: 'snooze.inPast' } })
    await expect(inbox.snooze(chatId, now)).rejects.toMatchObject({ text: { code: 'snooze.inPast' } })
    await expect(inbox.snooze(chatId, now + 400 * 24 * HOUR)).rejects.toMatchObject({
      text: { code: 'snooze.tooFar' },
    })
    expect((await harness.requestLog()).filter((r) => r.method !== 'GET').length).toBe(before)
    expect((await inbox.listSnoozes()).snoozes).toEqual([])
    expect(await isArchivedOnServer(chatId)).toBe(false)
  })

  it('survives a restart: due while closed wakes at start; not due stays snoozed', async () => {
    await start()
    const [early, late] = (await inbox.listConversations({ archived: 'false' })).map((c) => c.id)
    if (!early || !late) throw new Error('two active conversations needed')
    await inbox.snooze(early, clock.scheduler.now() + HOUR)
    await inbox.snooze(late, clock.scheduler.now() + 3 * HOUR)
    await inbox.stop()
    // Two hours pass while the app is closed.
    await start(movableClock(2 * HOUR))
    await expect.poll(() => isArchivedOnServer(early)).toBe(false)
    await expect.poll(async () => snoozedIds(await inbox.listSnoozes())).toEqual([late])
    expect(await isArchivedOnServer(late)).toBe(true)
  })

  it('a new inbound message wakes it early, with its notification, and the snooze is gone', async () => {
    await start()
    const chatId = await firstActive()
    await inbox.snooze(chatId, clock.scheduler.now() + HOUR)
    const notified = adapters.notifications.length
    await harness.inbound(chatId, 'Are you still there?')
    await expect.poll(async () => snoozedIds(await inbox.listSnoozes())).toEqual([])
    expect(await isArchivedOnServer(chatId)).toBe(false)
    await expect.poll(() => JSON.stringify(adapters.notifications.slice(notified))).toContain('Are you still there?')
    expect((await inbox.listConversations({ archived: 'false' })).map((c) => c.id)).toContain(chatId)
  })

  it('someone else unarchiving it drops the snooze; someone else answering it drops it too', async () => {
    await start()
    const [unarchived, answered] = (await inbox.listConversations({ archived: 'false' })).map((c) => c.id)
    if (!unarchived || !answered) throw new Error('two active conversations needed')
    // The customer wrote a minute ago, so a teammate's reply is inside the reply window.
    await harness.inbound(answered, 'Hello?')
    await expect
      .poll(
        async () => (await inbox.listConversations({ archived: 'any' })).find((c) => c.id === answered)?.unreadCount,
      )
      .toBeGreaterThan(0)
    await inbox.snooze(unarchived, clock.scheduler.now() + HOUR)
    await inbox.snooze(answered, clock.scheduler.now() + HOUR)
    const teammate = harness.client()
    await teammate.unarchive(unarchived)
    await expect.poll(async () => snoozedIds(await inbox.listSnoozes())).toEqual([answered])
    await teammate.sendReply(answered, 'A teammate answered')
    await expect.poll(async () => snoozedIds(await inbox.listSnoozes())).toEqual([])
    // Dropped, not woken: it stays where the server has it, and the hour passing sends nothing.
    clock.jump(2 * HOUR)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(await isArchivedOnServer(answered)).toBe(true)
  })

  it('the badge leaves a snoozed conversation out until it wakes', async () => {
    await start()
    const chatId = await firstActive()
    const unread = async () =>
      (await inbox.listConversations({ archived: 'any' })).find((c) => c.id === chatId)?.unreadCount ?? 0
    const before = await unread()
    await harness.inbound(chatId, 'One more thing')
    await harness.inbound(chatId, 'And another')
    await expect.poll(unread).toBe(before + 2)
    const withIt = adapters.unreadTotals.at(-1) ?? 0
    await inbox.snooze(chatId, clock.scheduler.now() + HOUR)
    await expect.poll(() => adapters.unreadTotals.at(-1)).toBe(withIt - before - 2)
    // Syncs go on; the badge stays without it.
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(adapters.unreadTotals.at(-1)).toBe(withIt - before - 2)
    clock.jump(HOUR)
    await expect.poll(() => adapters.unreadTotals.at(-1)).toBe(withIt)
  })
})
