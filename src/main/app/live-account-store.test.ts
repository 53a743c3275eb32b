/**
 * The account's database under the live engine: opened when the account
 * opens, written by every sync, the sync state kept in it (imported once from
 * the old sync-state.json), and deleted with the account. Real sandbox over
 * HTTP, real SQLite files in a temp folder, read back after the engine stopped
 * (what the next start finds).
 */
import BetterSqlite3 from 'better-sqlite3'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { LocalDataNotice, MessagesChangedEvent } from '../../shared/ipc/contract'
import { defaultRendererSettings } from '../account/settings'
import type { AccountSession, InboxEngine } from '../ports/inbox-engine'
import { databasePath, openAccountStore, SYNC_STATE_CURSOR, type AccountStore } from '../store'
import { damageRootPage } from '../store/testing/damage'
import { createNodeAdapters, type NodeAdapters } from '../testing/node-adapters'
import { findConversation, startSandboxHarness, type SandboxHarness } from '../testing/sandbox-harness'
import { newEntry } from '../outbox/entry'
import { outboxStoreName } from './account-database'
import { createLiveInboxEngine } from './live-inbox-engine'
import { FAST_SYNC, liveEngineDeps, sandboxSession } from './testing/live-engine'

let harness: SandboxHarness
beforeAll(async () => {
  harness = await startSandboxHarness({ deliveryMs: 100 })
})
afterAll(async () => {
  await harness.close()
})

let dir = ''
let adapters: NodeAdapters
let inbox: InboxEngine | null = null
let session: AccountSession
let notices: LocalDataNotice[] = []

function startEngine(): InboxEngine {
  notices = []
  adapters = createNodeAdapters({ userDataDir: dir })
  const client = harness.client()
  session = sandboxSession(harness, client, 'store')
  // The history backfill is off: these tests are about what a read stores, and the backfill would store
  // threads nobody opened (live-backfill.test.ts covers it).
  const settings = { ...defaultRendererSettings, meUserId: 'usr_acme_maya', historyDays: 0 as const }
  return createLiveInboxEngine(
    liveEngineDeps(
      { adapters, dir, client },
      { getSettings: () => settings, reportLocalData: (notice) => void notices.push(notice) },
    ),
    FAST_SYNC,
  )
}

/** The file as the next start finds it (opened after the engine closed it). */
function withStoredFile<T>(read: (store: AccountStore) => T): T {
  const { store } = openAccountStore({ folder: dir, accountId: session.accountId })
  try {
    return read(store)
  } finally {
    store.close()
  }
}

/** Another connection on the live file (WAL lets it read beside the app's). */
function withStoredFileCount(): number {
  const reader = new BetterSqlite3(databasePath(dir, session.accountId), { readonly: true })
  try {
    return (reader.prepare('SELECT count(*) AS n FROM conversations').get() as { n: number }).n
  } finally {
    reader.close()
  }
}

beforeEach(async () => {
  await harness.reset('demo')
  dir = mkdtempSync(join(tmpdir(), 'live-store-'))
})
afterEach(async () => {
  await inbox?.stop()
  inbox = null
  rmSync(dir, { recursive: true, force: true })
})

describe('the account database under the live engine', () => {
  it('holds every synced conversation, the messages the sync read, and the sync state (no JSON file)', async () => {
    inbox = startEngine()
    await inbox.accountChanged(session)
    await expect.poll(() => adapters.unreadTotals.length).toBeGreaterThan(0)
    const target = await findConversation(harness.client(), (c) => !c.archived)
    const { messageId } = await harness.inbound(target.id, 'Kept on disk')
    await expect
      .poll(() =>
        adapters.events.some(
          (e) => e.event === 'messagesChanged' && (e.payload as MessagesChangedEvent).chatId === target.id,
        ),
      )
      .toBe(true)
    await inbox.stop()

    const listed = await harness.client().listConversations({ archived: 'any' })
    withStoredFile((store) => {
      expect(store.conversations.countAll()).toBe(listed.length)
      expect(store.conversations.get(target.id)?.lastMessage?.id).toBe(messageId)
      expect(store.messages.get(target.id, messageId)?.content).toMatchObject({ text: 'Kept on disk' })
      expect(store.messages.coverage(target.id)).toMatchObject({ newestId: messageId })
      expect(store.cursors.get(SYNC_STATE_CURSOR)).toMatchObject({ accountKey: session.accountId })
    })
    expect(existsSync(join(dir, 'sync-state.json'))).toBe(false)
  })

  it('imports the sync state an earlier version left in sync-state.json, once', async () => {
    inbox = startEngine()
    const earlier = {
      version: 1,
      accountKey: session.accountId,
      baselineMessageId: 7,
      seenMessageIds: { someChat: 9 },
      meUserId: 'usr_acme_maya',
      assignedToMe: [],
      ownAssignments: {},
    }
    writeFileSync(join(dir, 'sync-state.json'), JSON.stringify({ syncState: earlier }))
    await inbox.accountChanged(session)
    await expect.poll(() => adapters.unreadTotals.length).toBeGreaterThan(0)
    await inbox.stop()
    expect(existsSync(join(dir, 'sync-state.json'))).toBe(false)
    expect(existsSync(join(dir, 'sync-state.json.imported'))).toBe(true)
    withStoredFile((store) => {
      expect(store.cursors.get(SYNC_STATE_CURSOR)).toMatchObject({ baselineMessageId: 7 })
    })
  })

  it('a restart answers the list from the database while the server holds its answer; the badge at once', async () => {
    inbox = startEngine()
    await inbox.accountChanged(session)
    await expect.poll(() => adapters.unreadTotals.length).toBeGreaterThan(0)
    const before = await inbox.listConversations({ archived: 'any' })
    const badge = adapters.unreadTotals.at(-1)
    await inbox.stop()

    await harness.faults({ method: 'GET', path: '/conversations', delayMs: 4_000 })
    const logBefore = (await harness.requestLog()).length
    inbox = startEngine()
    await inbox.accountChanged(session)
    expect(adapters.unreadTotals).toEqual([badge])
    const stored = await inbox.listConversations({ archived: 'any' })
    expect(stored.map((c) => c.id).sort()).toEqual(before.map((c) => c.id).sort())
    // Nothing listed was answered yet: a held request is logged when its answer leaves.
    const answered = (await harness.requestLog()).slice(logBefore).filter((r) => r.path === '/conversations')
    expect(answered).toEqual([])
    // Then the first sync reconciles: a message written meanwhile shows.
    await harness.clearFaults()
    const target = before.find((c) => !c.archived)!
    await harness.inbound(target.id, 'After the held list')
    await expect
      .poll(
        async () =>
          (await inbox!.listConversations({ archived: 'any' })).find((c) => c.id === target.id)?.lastMessage?.preview,
        {
          timeout: 10_000,
        },
      )
      .toBe('After the held list')
  })

  it('a thread read before is served from the database when the server cannot be reached', async () => {
    inbox = startEngine()
    await inbox.accountChanged(session)
    await expect.poll(() => adapters.unreadTotals.length).toBeGreaterThan(0)
    const target = await findConversation(harness.client(), (c) => !c.archived && (c.lastMessage?.id ?? 0) > 0)
    const online = await inbox.getMessages({ chatId: target.id, idTo: target.lastMessage!.id })
    expect(online.data.length).toBeGreaterThan(0)
    await inbox.stop()

    await harness.faults({ method: 'GET', path: `/conversations/${target.id}/messages`, mode: 'drop-before-commit' })
    inbox = startEngine()
    await inbox.accountChanged(session)
    const offline = await inbox.getMessages({ chatId: target.id, idTo: target.lastMessage!.id })
    expect(offline.data).toEqual(online.data)
    expect(offline.hasMore).toBe(online.hasMore)
    // A thread never read has nothing stored: the failure is the API's, as before.
    const other = await findConversation(harness.client(), (c) => c.id !== target.id && c.lastMessage !== null)
    await harness.faults({ method: 'GET', path: `/conversations/${other.id}/messages`, mode: 'drop-before-commit' })
    await expect(inbox.getMessages({ chatId: other.id, idTo: other.lastMessage!.id })).rejects.toMatchObject({
      kind: 'network',
    })
  })

  it('replies an earlier version left in its outbox file are imported once, then sent once', async () => {
    inbox = startEngine()
    const target = await findConversation(harness.client(), (c) => !c.archived && c.channel.type !== 'whatsapp')
    const file = join(dir, `${outboxStoreName(session.accountId)}.json`)
    const pending = newEntry({ clientId: 'legacy-1', chatId: target.id, text: 'Typed before the upgrade' }, Date.now())
    writeFileSync(file, JSON.stringify({ outboxEntries: [pending], outboxUnreadableEntries: [] }))
    await inbox.accountChanged(session)
    await expect.poll(async () => (await inbox!.listOutbox())[0]?.state, { timeout: 15_000 }).toBe('accepted')
    expect(existsSync(file)).toBe(false)
    expect(existsSync(`${file}.imported`)).toBe(true)
    const page = await harness.client().getMessages(target.id, { idTo: target.lastMessage!.id + 1000 })
    expect(page.data.filter((m) => m.content.text === 'Typed before the upgrade')).toHaveLength(1)
    await inbox.stop()
    withStoredFile((store) => expect(store.outbox.list()).toMatchObject([{ clientId: 'legacy-1', state: 'accepted' }]))
  })

  it('a damaged file is rebuilt with its unsent reply kept, the window told once; the reply then goes once', async () => {
    inbox = startEngine()
    await inbox.accountChanged(session)
    await expect.poll(() => adapters.unreadTotals.length).toBeGreaterThan(0)
    expect(notices).toEqual([])
    const target = await findConversation(harness.client(), (c) => !c.archived && c.channel.type !== 'whatsapp')
    await harness.faults({ method: 'POST', path: '/conversations/reply', status: 503 })
    await inbox.sendReply({ clientId: 'kept-1', chatId: target.id, text: 'Survives the damage' })
    await inbox.stop()
    damageRootPage(databasePath(dir, session.accountId), 'conversations')

    inbox = startEngine()
    await inbox.accountChanged(session)
    expect(notices).toEqual([{ kind: 'rebuilt', keptReplies: 1, keptDrafts: 0 }])
    expect((await inbox.listOutbox()).map((e) => e.clientId)).toEqual(['kept-1'])
    await harness.clearFaults()
    await inbox.retryOutboxEntry('kept-1').catch(() => undefined)
    await expect.poll(async () => (await inbox!.listOutbox())[0]?.state, { timeout: 20_000 }).toBe('accepted')
    const page = await harness.client().getMessages(target.id, { idTo: target.lastMessage!.id + 1000 })
    expect(page.data.filter((m) => m.content.text === 'Survives the damage')).toHaveLength(1)
    // The sync refills the rebuilt file.
    await expect.poll(() => withStoredFileCount()).toBeGreaterThan(0)
    await inbox.stop()
    expect(existsSync(databasePath(dir, session.accountId))).toBe(true)
  })

  it('“Clear local data” empties the saved inbox, keeps the unsent reply, and the sync fills it again', async () => {
    inbox = startEngine()
    await inbox.accountChanged(session)
    await expect.poll(() => adapters.unreadTotals.length).toBeGreaterThan(0)
    const target = await findConversation(harness.client(), (c) => !c.archived && c.channel.type !== 'whatsapp')
    await harness.faults({ method: 'POST', path: '/conversations/reply', status: 503 })
    await inbox.sendReply({ clientId: 'kept-2', chatId: target.id, text: 'Kept through a clear' })
    const events = adapters.events.length
    await inbox.clearLocalData()
    expect(adapters.events.slice(events).find((e) => e.event === 'conversationsChanged')).toMatchObject({
      payload: { full: true, upserted: [] },
    })
    expect((await inbox.listOutbox()).map((e) => e.clientId)).toEqual(['kept-2'])
    await expect.poll(async () => (await inbox!.listConversations({ archived: 'any' })).length).toBeGreaterThan(0)
  })

  it('removing the account deletes its database', async () => {
    inbox = startEngine()
    await inbox.accountChanged(session)
    await expect.poll(() => adapters.unreadTotals.length).toBeGreaterThan(0)
    const file = databasePath(dir, session.accountId)
    expect(existsSync(file)).toBe(true)
    await inbox.accountChanged(null)
    expect(existsSync(file)).toBe(false)
    expect(existsSync(`${file}-wal`)).toBe(false)
  })
})
