/**
 * The live InboxEngine (sync + outbox + notify) as the core drives it, with
 * Node adapters that record what the shell would show, against the real
 * sandbox over HTTP.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { BridgeError, MessagesChangedEvent, RendererSettings } from '../../shared/ipc/contract'
import { defaultRendererSettings } from '../account/settings'
import type { InboxEngine } from '../ports/inbox-engine'
import { createNodeAdapters, type NodeAdapters } from '../testing/node-adapters'
import { createLiveInboxEngine } from './live-inbox-engine'
import { FAST_SYNC, liveEngineDeps, sandboxSession } from './testing/live-engine'
import { findConversation, startSandboxHarness, type SandboxHarness } from '../testing/sandbox-harness'

const ME = 'usr_acme_maya'

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
let settings: RendererSettings
let focusedChat: string | null = null
let windowFocused = false
const problems: BridgeError[] = []

beforeEach(async () => {
  await harness.reset('demo')
  dir = mkdtempSync(join(tmpdir(), 'live-inbox-'))
  adapters = createNodeAdapters({ userDataDir: dir })
  settings = {
    ...defaultRendererSettings,
    meUserId: ME,
    notifications: { ...defaultRendererSettings.notifications, inboundAll: true, doNotDisturb: false },
  }
  settings.notifications.dndSchedule = { ...settings.notifications.dndSchedule, enabled: false }
  focusedChat = null
  windowFocused = false
  problems.length = 0
  const client = harness.client()
  inbox = createLiveInboxEngine(
    liveEngineDeps(
      { adapters, dir, client },
      {
        getSettings: () => settings,
        getFocusedConversation: () => focusedChat,
        isWindowFocused: () => windowFocused,
        reportAccountProblem: (problem) => problems.push(problem),
      },
    ),
    FAST_SYNC,
  )
  await inbox.accountChanged(sandboxSession(harness, client, 'test'))
  await expect.poll(() => adapters.unreadTotals.length).toBeGreaterThan(0)
})
afterEach(async () => {
  await inbox.stop()
  rmSync(dir, { recursive: true, force: true })
})

describe('live inbox engine', () => {
  it('one inbound message → exactly one notification with the contact and the text', async () => {
    const target = await findConversation(harness.client(), (c) => !c.archived && c.contact.name.trim() !== '')
    await harness.inbound(target.id, '  Can I change my delivery address?  ')
    await expect.poll(() => adapters.notifications.length).toBe(1)
    expect(adapters.notifications[0]).toMatchObject({
      tag: `chat:${target.id}`,
      chatId: target.id,
      title: target.contact.name.trim(),
      body: 'Can I change my delivery address?',
    })
    // Still one a few polls later.
    await harness.inbound(target.id, 'Second')
    await expect.poll(() => adapters.notifications.length).toBe(2)
    expect(adapters.notifications[1]?.tag).toBe(adapters.notifications[0]?.tag)
  })

  it('stays quiet while the window is focused on that conversation, not on another one', async () => {
    const [open, other] = (await harness.client().listConversations()).filter((c) => !c.archived)
    windowFocused = true
    focusedChat = open!.id
    inbox.setWindowFocused(true)
    await harness.inbound(open!.id, 'You are looking at me')
    await harness.inbound(other!.id, 'Elsewhere')
    await expect.poll(() => adapters.notifications.map((n) => n.chatId)).toEqual([other!.id])
  })

  it('the badge drops the moment a conversation is read, and follows new messages', async () => {
    const unread = await findConversation(harness.client(), (c) => !c.archived && c.unreadCount > 0)
    const before = adapters.unreadTotals.at(-1)!
    const marking = inbox.markRead(unread.id)
    // At once, before the API has answered.
    expect(adapters.unreadTotals.at(-1)).toBe(before - unread.unreadCount)
    await marking
    await harness.inbound(unread.id, 'Again')
    await expect.poll(() => adapters.unreadTotals.at(-1)).toBe(before - unread.unreadCount + 1)
  })

  it('my own assignment does not notify; someone else’s does', async () => {
    const [mine, theirs] = (await harness.client().listConversations()).filter(
      (c) => !c.archived && c.assignee?.id !== ME,
    )
    await inbox.assign(mine!.id, ME)
    await harness.client().assign(theirs!.id, ME)
    await expect
      .poll(() => adapters.notifications.map((n) => [n.chatId, n.body]))
      .toEqual([[theirs!.id, 'Assigned to you']])
  })

  it('do-not-disturb silences notifications', async () => {
    settings = { ...settings, notifications: { ...settings.notifications, doNotDisturb: true } }
    const target = await findConversation(harness.client(), (c) => !c.archived)
    await harness.inbound(target.id, 'Shh')
    // The message reaches the renderer (so the sync saw it), yet nothing was shown.
    await expect
      .poll(() =>
        adapters.events.some(
          (e) => e.event === 'messagesChanged' && (e.payload as MessagesChangedEvent).chatId === target.id,
        ),
      )
      .toBe(true)
    expect(adapters.notifications).toEqual([])
  })

  it('a reply goes through the outbox and is followed to a final status', async () => {
    const target = await findConversation(harness.client(), (c) => !c.archived && c.channel.type !== 'whatsapp')
    const entry = await inbox.sendReply({ clientId: 'client-live-1', chatId: target.id, text: 'Done!' })
    expect(entry.state).toBe('pending')
    await expect.poll(async () => (await inbox.listOutbox())[0]?.state).toBe('accepted')
    const messageId = (await inbox.listOutbox())[0]!.messageId!
    await expect
      .poll(() =>
        adapters.events.some(
          (e) =>
            e.event === 'messagesChanged' &&
            (e.payload as MessagesChangedEvent).messages.some((m) => m.id === messageId && m.status === 'read'),
        ),
      )
      .toBe(true)
  })

  it('a 401 while syncing reports the account problem once', async () => {
    await harness.faults({ method: 'GET', path: '/conversations', status: 401 })
    await expect.poll(() => problems.length).toBe(1)
    expect(problems[0]?.kind).toBe('unauthorized')
  })

  it('serves the list from the synced cache, with the bridge’s filters and order', async () => {
    const fromApi = await harness.client().listConversations({ unreadOnly: true, orderBy: '-unreadCount' })
    const before = (await harness.requestLog()).length
    const fromCache = await inbox.listConversations({ unreadOnly: true, orderBy: '-unreadCount' })
    expect(fromCache.map((c) => c.id)).toEqual(fromApi.map((c) => c.id))
    const listsAfter = (await harness.requestLog()).slice(before).filter((r) => r.path === '/conversations')
    expect(listsAfter.every((r) => r.query.includes('dateFrom'))).toBe(true) // only the engine's deltas
  })
})
