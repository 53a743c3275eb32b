/**
 * What happens to an account's database when another key replaces it (Settings → Change account): a plain copy
 * of the server's data is deleted, one holding a draft is kept for that key, and the demo workspace (a new
 * sandbox, so a new account id, at every launch) keeps no file at all. Real sandbox, real SQLite files.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { defaultRendererSettings } from '../account/settings'
import type { AccountSession, InboxEngine } from '../ports/inbox-engine'
import { databasePath } from '../store'
import { createNodeAdapters } from '../testing/node-adapters'
import { startSandboxHarness, type SandboxHarness } from '../testing/sandbox-harness'
import { SANDBOX_ACCOUNTS } from '../../sandbox'
import { createLiveInboxEngine } from './live-inbox-engine'
import { FAST_SYNC, liveEngineDeps, sandboxSession } from './testing/live-engine'

let harness: SandboxHarness
let dir = ''
let inbox: InboxEngine
beforeAll(async () => {
  harness = await startSandboxHarness()
})
afterAll(async () => {
  await harness.close()
})
beforeEach(async () => {
  await harness.reset('demo')
  dir = mkdtempSync(join(tmpdir(), 'live-replaced-'))
  const client = harness.client()
  const getSettings = () => ({ ...defaultRendererSettings, historyDays: 0 as const })
  const deps = liveEngineDeps({ adapters: createNodeAdapters({ userDataDir: dir }), dir, client }, { getSettings })
  inbox = createLiveInboxEngine(deps, FAST_SYNC)
})
afterEach(async () => {
  await inbox.stop()
  rmSync(dir, { recursive: true, force: true })
})

function session(account: 'acme' | 'globex'): AccountSession {
  return sandboxSession(harness, harness.client({ apiKey: SANDBOX_ACCOUNTS[account].apiKey }), `replaced-${account}`)
}
const fileOf = (s: AccountSession) => databasePath(dir, s.accountId)

async function connect(s: AccountSession) {
  await inbox.accountChanged(s)
  await expect.poll(async () => (await inbox.listConversations({ archived: 'any' })).length).toBeGreaterThan(0)
}

describe('an account another key replaced', () => {
  it('its database, a copy of the server only, is deleted', async () => {
    const acme = session('acme')
    await connect(acme)
    expect(existsSync(fileOf(acme))).toBe(true)
    await connect(session('globex'))
    expect(existsSync(fileOf(acme))).toBe(false)
  })

  it('its database is kept while it holds a draft, and connecting with that key again brings the draft back', async () => {
    const acme = session('acme')
    await connect(acme)
    const [first] = await inbox.listConversations({ archived: 'any' })
    await inbox.setDraft(first!.id, 'half-written, for Acme')
    await connect(session('globex'))
    expect(existsSync(fileOf(acme))).toBe(true)
    await connect(acme)
    expect(await inbox.getDrafts()).toEqual({ [first!.id]: 'half-written, for Acme' })
  })

  it('the demo workspace keeps no file, and leaving it for a real account deletes nothing of that account', async () => {
    const demo: AccountSession = {
      ...session('acme'),
      account: { kind: 'demo', baseUrl: harness.sandbox.url, keyStorage: 'session' },
      accountId: `${harness.sandbox.url}#demo`,
    }
    await connect(demo)
    expect(existsSync(fileOf(demo))).toBe(false)
    const acme = session('acme')
    await connect(acme)
    expect(existsSync(fileOf(acme))).toBe(true)
  })
})
