/**
 * The history backfill under the live engine: it starts after the first sync,
 * reports `backfillStatus` to the renderer, makes opening a stored thread cost
 * no request (the sandbox's request log is the witness), follows the setting,
 * and stops with the account. Real sandbox over HTTP, real SQLite files.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { BackfillStatus, RendererSettings } from '../../shared/ipc/contract'
import { defaultRendererSettings } from '../account/settings'
import { createMainI18n } from '../i18n'
import { silentLogger } from '../log'
import type { AccountSession, InboxEngine } from '../ports/inbox-engine'
import { createNodeAdapters, type NodeAdapters } from '../testing/node-adapters'
import { sleep, startSandboxHarness, type LoggedRequest, type SandboxHarness } from '../testing/sandbox-harness'
import { userDataDatabases } from './account-database'
import { createLiveInboxEngine } from './live-inbox-engine'

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
let settings: RendererSettings

function startEngine(): InboxEngine {
  adapters = createNodeAdapters({ userDataDir: dir })
  const client = harness.client()
  session = {
    account: { kind: 'remote', baseUrl: harness.sandbox.url, keyStorage: 'keychain' },
    client,
    accountId: `${harness.sandbox.url}#backfill`,
  }
  return createLiveInboxEngine(
    {
      adapters,
      log: silentLogger,
      openStore: (name, defaults) => adapters.createStore(name, defaults),
      databases: userDataDatabases(dir),
      getClient: () => client,
      getSettings: () => settings,
      getFocusedConversation: () => null,
      isWindowFocused: () => true,
      reportAccountProblem: () => undefined,
      reportLocalData: () => undefined,
      t: createMainI18n({ systemLocales: ['en-US'], preference: 'system' }).t,
    },
    { sync: { intervals: { focusedMs: 200, backgroundMs: 200 } }, backfill: { pauseMs: 5, progressIntervalMs: 20 } },
  )
}

const statuses = () =>
  adapters.events.filter((e) => e.event === 'backfillStatus').map((e) => e.payload as BackfillStatus)
const messageReads = (log: LoggedRequest[]) => log.filter((r) => /^\/conversations\/[^/]+\/messages$/.test(r.path))

beforeEach(async () => {
  await harness.reset('demo')
  dir = mkdtempSync(join(tmpdir(), 'live-backfill-'))
  settings = { ...defaultRendererSettings, meUserId: 'usr_acme_maya' }
})
afterEach(async () => {
  await inbox?.stop()
  inbox = null
  rmSync(dir, { recursive: true, force: true })
})

describe('the backfill in the live engine', () => {
  it('runs after the first sync, reports progress, and a stored thread then opens with no request', async () => {
    inbox = startEngine()
    await inbox.accountChanged(session)
    await expect.poll(() => inbox!.backfillStatus().state, { timeout: 15_000 }).toBe('done')
    const final = inbox.backfillStatus()
    expect(final.total).toBeGreaterThan(0)
    expect(final.done).toBe(final.total)
    expect(statuses().some((s) => s.state === 'running')).toBe(true)
    expect(statuses().at(-1)).toEqual(final)

    const [conversation] = await inbox.listConversations({})
    const before = messageReads(await harness.requestLog()).length
    const page = await inbox.getMessages({ chatId: conversation!.id, idTo: conversation!.lastMessage!.id })
    expect(page.data.at(-1)?.id).toBe(conversation!.lastMessage!.id)
    expect(messageReads(await harness.requestLog())).toHaveLength(before)
    // What is newer is still asked of the server (the thread checks for newer messages as before).
    await inbox.getMessages({ chatId: conversation!.id, idFrom: conversation!.lastMessage!.id + 1 })
    expect(messageReads(await harness.requestLog())).toHaveLength(before + 1)
  })

  it('a thread not stored is asked of the server once and then answered from the store', async () => {
    settings = { ...settings, historyDays: 0 }
    inbox = startEngine()
    await inbox.accountChanged(session)
    await expect.poll(() => inbox!.backfillStatus().state).toBe('off')
    const [conversation] = await inbox.listConversations({})
    const args = { chatId: conversation!.id, idTo: conversation!.lastMessage!.id }
    const before = messageReads(await harness.requestLog()).length
    const first = await inbox.getMessages(args)
    expect(messageReads(await harness.requestLog())).toHaveLength(before + 1)
    expect(await inbox.getMessages(args)).toEqual(first)
    expect(messageReads(await harness.requestLog())).toHaveLength(before + 1)
  })

  it('turning the setting on starts it; removing the account mid-run stops every request', async () => {
    settings = { ...settings, historyDays: 0 }
    inbox = startEngine()
    await inbox.accountChanged(session)
    await expect.poll(() => inbox!.backfillStatus().state).toBe('off')
    // Every thread read slow, so the run is still going when the account goes.
    const all = await harness.client().listConversations({ archived: 'any' })
    await harness.faults(...all.map((c) => ({ method: 'GET', path: `/conversations/${c.id}/messages`, delayMs: 150 })))
    settings = { ...settings, historyDays: 30 }
    inbox.settingsChanged(settings)
    await expect.poll(() => statuses().some((s) => s.state === 'running' && s.done > 0)).toBe(true)
    await inbox.accountChanged(null)
    expect(inbox.backfillStatus().state).toBe('idle')
    expect(statuses().at(-2)).toMatchObject({ state: 'running' })
    const after = messageReads(await harness.requestLog()).length
    await sleep(600) // well past the slow answer and many pauses: only answers to what was in flight may arrive
    expect(messageReads(await harness.requestLog()).length - after).toBeLessThanOrEqual(2)
    expect(statuses().at(-1)).toMatchObject({ state: 'idle' })
  })
})
