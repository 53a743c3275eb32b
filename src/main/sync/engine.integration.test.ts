/**
 * The sync engine against the real sandbox over HTTP, with the real client
 * and a real `conf` store. The sandbox's request log is the witness of what
 * the engine asked for.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { NativeNotificationRequest } from '../ports/shell-adapters'
import { createNotifier } from '../notify/notifier'
import { createMainI18n } from '../i18n'
import { createSyncEngine, type SyncEngine } from './engine'
import type { AssignedToMeEvent, NewInboundEvent } from './notification-feed'
import type { SyncStateData } from './state'
import {
  eventRecorder,
  findConversation,
  reopenStore,
  sleep,
  startSandboxHarness,
  tempStore,
  type SandboxHarness,
} from '../testing/sandbox-harness'

const ME = 'usr_acme_maya'
const TEAMMATE = 'usr_acme_tomas'

let harness: SandboxHarness
beforeAll(async () => {
  harness = await startSandboxHarness({ deliveryMs: 100 })
})
afterAll(async () => {
  await harness.close()
})

let disposeStore: () => void = () => undefined
const engines: SyncEngine[] = []
beforeEach(async () => {
  await harness.reset('demo')
})
afterEach(() => {
  for (const engine of engines.splice(0)) engine.stop()
  disposeStore()
})

function setup(storeDir?: string) {
  const temp = storeDir ? null : tempStore<SyncStateData>()
  if (temp) disposeStore = temp.dispose
  const dir = storeDir ?? temp!.dir
  const recorder = eventRecorder()
  const inbound: NewInboundEvent[] = []
  const assigned: AssignedToMeEvent[] = []
  const badge: number[] = []
  const authPrompts: unknown[] = []
  const engine = createSyncEngine({
    api: harness.client(),
    stateStore: temp ? temp.store : reopenStore<SyncStateData>(dir),
    accountKey: `acme@${harness.sandbox.url}`,
    emit: recorder.emit,
    getMeUserId: () => ME,
    onNewInbound: (event) => inbound.push(event),
    onAssignedToMe: (event) => assigned.push(event),
    onAuthRequired: (error) => authPrompts.push(error),
    setUnreadTotal: (total) => badge.push(total),
    // Fast enough for tests; most steps call syncNow() anyway.
    intervals: { focusedMs: 100, backgroundMs: 100 },
    backoff: { baseMs: 100, capMs: 400, minMs: 50 },
  })
  engines.push(engine)
  return { engine, recorder, inbound, assigned, badge, authPrompts, dir }
}

describe('sync engine against the sandbox', () => {
  it('loads everything at start without announcing the backlog, and owns the unread total', async () => {
    const { engine, recorder, inbound, assigned, badge } = setup()
    await engine.start()
    const all = await harness.client().listConversations({ archived: 'any' })
    expect(engine.getConversations()).toHaveLength(all.length)
    const first = recorder.of('conversationsChanged')[0]
    expect(first?.full).toBe(true)
    expect(first?.upserted).toHaveLength(all.length)
    const expectedUnread = all.filter((c) => !c.archived).reduce((sum, c) => sum + c.unreadCount, 0)
    expect(expectedUnread).toBeGreaterThan(0)
    expect(engine.getUnreadTotal()).toBe(expectedUnread)
    expect(badge).toEqual([expectedUnread])
    expect(first?.unreadTotal).toBe(expectedUnread)
    expect(inbound).toEqual([])
    expect(assigned).toEqual([])
    const log = await harness.requestLog()
    expect(log.filter((r) => r.path.endsWith('/messages'))).toEqual([])
    expect(log.find((r) => r.path === '/conversations')?.query).toContain('archived=any')
  })

  it('announces an injected inbound message exactly once, even across a restart on the same state', async () => {
    const first = setup()
    await first.engine.start()
    const target = await findConversation(harness.client(), (c) => !c.archived && c.assignee === null)
    const injected = await harness.inbound(target.id, 'Is my parcel lost?')
    await first.engine.syncNow()
    await first.engine.syncNow()
    expect(first.inbound).toHaveLength(1)
    expect(first.inbound[0]?.conversation.id).toBe(target.id)
    expect(first.inbound[0]?.message).toMatchObject({ id: injected.messageId, content: { text: 'Is my parcel lost?' } })
    const messageEvents = first.recorder.of('messagesChanged').filter((e) => e.chatId === target.id)
    expect(messageEvents.flatMap((e) => e.messages.map((m) => m.id))).toEqual([injected.messageId])

    // Restart: a new engine on the same store file sees the message again and stays quiet.
    first.engine.stop()
    const second = setup(first.dir)
    await second.engine.start()
    await second.engine.syncNow()
    expect(second.inbound).toEqual([])

    // Something new while the app was closed is announced once after the restart.
    second.engine.stop()
    const whileClosed = await harness.inbound(target.id, 'Hello? Anyone there?')
    const third = setup(first.dir)
    await third.engine.start()
    await third.engine.syncNow()
    expect(third.inbound.map((e) => e.message.id)).toEqual([whileClosed.messageId])
  })

  it('a second message on the same conversation replaces the notification (same tag)', async () => {
    const shown: NativeNotificationRequest[] = []
    const { engine, inbound } = setup()
    const notifier = createNotifier({
      getSettings: () => ({
        inboundMine: true,
        inboundUnassigned: true,
        inboundAll: true,
        assignedToMe: true,
        sound: true,
        doNotDisturb: false,
        dndSchedule: { enabled: false, from: '17:00', to: '09:00' },
      }),
      getMeUserId: () => ME,
      isWindowFocused: () => false,
      getOpenChatId: () => null,
      now: () => Date.now(),
      showNotification: (request) => shown.push(request),
      t: createMainI18n({ systemLocales: ['en-US'], preference: 'system' }).t,
    })
    await engine.start()
    const target = await findConversation(harness.client(), (c) => !c.archived)
    await harness.inbound(target.id, 'First question')
    await engine.syncNow()
    await harness.inbound(target.id, 'Second   question\n')
    await engine.syncNow()
    for (const event of inbound) notifier.notify({ kind: 'inbound', ...event })
    expect(shown).toHaveLength(2)
    expect(shown[0]?.tag).toBe(`chat:${target.id}`)
    expect(shown[1]?.tag).toBe(shown[0]?.tag)
    expect(shown[1]?.body).toBe('Second question')
  })

  it('polls by delta: dateFrom on the list, messages only for the changed conversation, from idFrom', async () => {
    const { engine } = setup()
    await engine.start()
    const target = await findConversation(harness.client(), (c) => !c.archived && c.lastMessage !== null)
    const before = (await harness.requestLog()).length
    const injected = await harness.inbound(target.id, 'Delta please')
    await engine.syncNow()
    const after = (await harness.requestLog()).slice(before)
    const lists = after.filter((r) => r.path === '/conversations')
    expect(lists.length).toBeGreaterThan(0)
    for (const list of lists) {
      const query = new URLSearchParams(list.query)
      expect(query.get('dateFrom')).not.toBeNull()
      expect(query.get('archived')).toBe('any')
    }
    const messageRequests = after.filter((r) => r.path.endsWith('/messages'))
    expect(messageRequests.map((r) => r.path)).toEqual([`/conversations/${encodeURIComponent(target.id)}/messages`])
    const idFrom = Number(new URLSearchParams(messageRequests[0]!.query).get('idFrom'))
    expect(idFrom).toBeGreaterThan(target.lastMessage!.id)
    expect(idFrom).toBeLessThanOrEqual(injected.messageId)
  })

  it('detects an assignment to me by someone else, but not my own', async () => {
    const { engine, assigned } = setup()
    await engine.start()
    const api = harness.client()
    const candidates = (await api.listConversations()).filter((c) => c.assignee?.id !== ME)
    const [byOther, byMe, byMeLocal] = candidates
    if (!byOther || !byMe || !byMeLocal) throw new Error('the demo seed needs three conversations not assigned to me')

    // Someone else (a direct API call, not through the app) assigns one to me.
    await api.assign(byOther.id, ME)
    await engine.syncNow()
    expect(assigned.map((e) => e.conversation.id)).toEqual([byOther.id])

    // I assign one to myself in the app: the core notes it before the call.
    engine.noteOwnAction({ type: 'assign', chatId: byMe.id, userId: ME })
    await api.assign(byMe.id, ME)
    // …or shows it at once as a local change.
    engine.applyLocalChange({ id: byMeLocal.id, assignee: { id: ME, displayName: 'Maya Chen' } })
    expect(engine.getConversation(byMeLocal.id)?.assignee?.id).toBe(ME)
    await api.assign(byMeLocal.id, ME)
    await engine.syncNow()
    await engine.syncNow()
    expect(assigned.map((e) => e.conversation.id)).toEqual([byOther.id])

    // Reassigned away and back to me by someone else: news again. To a teammate: never.
    await api.assign(byMe.id, TEAMMATE)
    await engine.syncNow()
    await api.assign(byMe.id, ME)
    await engine.syncNow()
    expect(assigned.map((e) => e.conversation.id)).toEqual([byOther.id, byMe.id])
  })

  it('shows a read at once and keeps the badge right through the next syncs', async () => {
    const { engine, badge } = setup()
    await engine.start()
    const api = harness.client()
    const unread = await findConversation(api, (c) => !c.archived && c.unreadCount > 0)
    const total = engine.getUnreadTotal()
    engine.applyLocalChange({ id: unread.id, unreadCount: 0 })
    expect(engine.getUnreadTotal()).toBe(total - unread.unreadCount)
    expect(badge.at(-1)).toBe(total - unread.unreadCount)
    await api.markRead(unread.id)
    await engine.syncNow()
    await engine.syncNow()
    expect(engine.getUnreadTotal()).toBe(total - unread.unreadCount)
    expect(badge.at(-1)).toBe(total - unread.unreadCount)
    await harness.inbound(unread.id, 'One more thing')
    await engine.syncNow()
    expect(badge.at(-1)).toBe(total - unread.unreadCount + 1)
  })

  it('follows the status of my own reply until it is final', async () => {
    const { engine, recorder } = setup()
    await engine.start()
    const api = harness.client()
    const target = await findConversation(api, (c) => !c.archived && c.channel.type !== 'whatsapp')
    const { messageId } = await api.sendReply(target.id, 'On its way!')
    engine.noteOwnAction({ type: 'reply', chatId: target.id, messageId })
    const statuses = () =>
      recorder
        .of('messagesChanged')
        .flatMap((e) => e.messages)
        .filter((m) => m.id === messageId)
        .map((m) => m.status)
    await expect
      .poll(async () => {
        await engine.syncNow()
        return statuses().at(-1)
      })
      .toBe('read')
    // Each status once, in order (some may be skipped between two polls, never repeated).
    expect(new Set(statuses()).size).toBe(statuses().length)
  })

  it('follows replies sent elsewhere too (another agent, another app), from the delta alone', async () => {
    const { engine, recorder } = setup()
    await engine.start()
    const api = harness.client()
    const target = await findConversation(api, (c) => !c.archived && c.channel.type !== 'whatsapp')
    const { messageId } = await api.sendReply(target.id, 'Sent from the web app')
    await expect
      .poll(async () => {
        await engine.syncNow()
        return recorder
          .of('messagesChanged')
          .flatMap((e) => e.messages)
          .filter((m) => m.id === messageId)
          .map((m) => m.status)
          .at(-1)
      })
      .toBe('read')
  })

  it('sees archivals done elsewhere in the deltas, and the badge leaves them out', async () => {
    const { engine, recorder, badge } = setup()
    await engine.start()
    const api = harness.client()
    const unread = await findConversation(api, (c) => !c.archived && c.unreadCount > 0)
    const total = engine.getUnreadTotal()
    await api.archive(unread.id)
    await engine.syncNow()
    const upserts = recorder.of('conversationsChanged').flatMap((e) => e.upserted)
    expect(upserts.filter((c) => c.id === unread.id).at(-1)?.archived).toBe(true)
    expect(engine.getConversation(unread.id)?.archived).toBe(true)
    expect(badge.at(-1)).toBe(total - unread.unreadCount)
    // A new message unarchives it (sandbox rule): back in the badge.
    await harness.inbound(unread.id, 'Still waiting')
    await engine.syncNow()
    expect(engine.getConversation(unread.id)?.archived).toBe(false)
    expect(badge.at(-1)).toBe(total + 1)
  })

  it('a 401 mid-session stops polling and reports auth_required once', async () => {
    const { engine, recorder, authPrompts } = setup()
    engine.setFocused(true)
    await engine.start()
    await harness.faults({ method: 'GET', path: '/conversations', status: 401 })
    await expect.poll(() => engine.getStatus().state).toBe('auth_required')
    const refusedAt = (await harness.requestLog()).filter((r) => r.path === '/conversations').length
    // Ten polling intervals later, nothing more was asked and nobody was prompted again.
    await sleep(1_000)
    engine.setFocused(false)
    engine.setFocused(true)
    await engine.syncNow()
    expect((await harness.requestLog()).filter((r) => r.path === '/conversations').length).toBe(refusedAt)
    expect(authPrompts).toHaveLength(1)
    expect(recorder.of('syncStatus').filter((s) => s.state === 'auth_required')).toHaveLength(1)

    // A new key: started again, it polls again.
    await harness.clearFaults()
    await engine.start()
    expect(engine.getStatus().state).toBe('idle')
  })

  it('honours Retry-After: no request before it has elapsed, by the server clock', async () => {
    const { engine } = setup()
    engine.setFocused(true)
    await engine.start()
    await harness.faults({ method: 'GET', path: '/conversations', status: 429, retryAfter: 1, times: 1 })
    await expect.poll(() => engine.getStatus().state).toBe('backoff')
    await expect.poll(() => engine.getStatus().state, { timeout: 5_000 }).toBe('idle')
    const log = await harness.requestLog()
    const limitedIndex = log.findIndex((r) => r.status === 429)
    expect(limitedIndex).toBeGreaterThanOrEqual(0)
    const limitedAt = Date.parse(log[limitedIndex]!.at)
    const later = log.slice(limitedIndex + 1)
    expect(later.length).toBeGreaterThan(0)
    for (const request of later) expect(Date.parse(request.at) - limitedAt).toBeGreaterThanOrEqual(1_000)
  })
})
