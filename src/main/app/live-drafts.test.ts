/**
 * Drafts under the live engine (issue 11 §1): kept in the account's database, never lost. A restart finds them;
 * the drafts.json of an earlier version is imported once (then renamed), a damaged one gives up every draft
 * still legible in it and is moved aside with a notice; a damaged database is rebuilt with its drafts, and
 * "Clear local data" keeps them. Real sandbox over HTTP, real SQLite files in a temp folder.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { LocalDataNotice } from '../../shared/ipc/contract'
import type { AccountSession, InboxEngine } from '../ports/inbox-engine'
import { databasePath, openAccountStore } from '../store'
import { damageRootPage } from '../store/testing/damage'
import { createNodeAdapters } from '../testing/node-adapters'
import { startSandboxHarness, type SandboxHarness } from '../testing/sandbox-harness'
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
let inbox: InboxEngine | null = null
let notices: LocalDataNotice[] = []

/** The engine as a start of the app builds it, over the same folder each time. */
async function start(tag = 'drafts'): Promise<{ engine: InboxEngine; session: AccountSession }> {
  notices = []
  const adapters = createNodeAdapters({ userDataDir: dir })
  const client = harness.client()
  const session = sandboxSession(harness, client, tag)
  const engine = createLiveInboxEngine(
    liveEngineDeps({ adapters, dir, client }, { reportLocalData: (notice) => void notices.push(notice) }),
    FAST_SYNC,
  )
  inbox = engine
  await engine.accountChanged(session)
  return { engine, session }
}

async function restart(tag?: string) {
  await inbox?.stop()
  return start(tag)
}

beforeEach(async () => {
  await harness.reset('demo')
  dir = mkdtempSync(join(tmpdir(), 'live-drafts-'))
})
afterEach(async () => {
  await inbox?.stop()
  inbox = null
  rmSync(dir, { recursive: true, force: true })
})

describe('drafts in the account database', () => {
  it('are kept across a restart, per account, and written nowhere else', async () => {
    const { engine } = await start()
    await engine.setDraft('c.1', 'Half a thought')
    await engine.setDraft('c2', 'Another')
    await engine.setDraft('c2', '')
    const { engine: again } = await restart()
    expect(await again.getDrafts()).toEqual({ 'c.1': 'Half a thought' })
    expect(readdirSync(dir).filter((name) => name.startsWith('drafts'))).toEqual([])
    // Another account has its own database, and so its own drafts.
    const { engine: other } = await restart('someone-else')
    expect(await other.getDrafts()).toEqual({})
  })

  it('imports the drafts.json of an earlier version once, then renames it', async () => {
    writeFileSync(join(dir, 'drafts.json'), JSON.stringify({ drafts: { c1: 'Typed before the upgrade' } }))
    const { engine } = await start()
    expect(await engine.getDrafts()).toEqual({ c1: 'Typed before the upgrade' })
    expect(existsSync(join(dir, 'drafts.json'))).toBe(false)
    expect(existsSync(join(dir, 'drafts.json.imported'))).toBe(true)
    await engine.setDraft('c1', '') // sent since: a second import would bring it back
    const { engine: again } = await restart()
    expect(await again.getDrafts()).toEqual({})
    expect(notices).toEqual([])
  })

  it('a damaged drafts.json gives up its legible drafts, is moved aside whole, and the agent is told once', async () => {
    writeFileSync(join(dir, 'drafts.json'), '{"drafts": {"c1": "Still legible", "c2": "cut off in the midd')
    const { engine } = await start()
    expect(await engine.getDrafts()).toEqual({ c1: 'Still legible' })
    expect(notices).toEqual([
      { kind: 'draftsSetAside', keptDrafts: 1, movedTo: expect.stringMatching(/^drafts\.json\.unreadable-/) },
    ])
    const aside = readdirSync(dir).find((name) => name.startsWith('drafts.json.unreadable-'))
    expect(aside).toBeDefined()
    await restart()
    expect(notices).toEqual([])
  })

  it('a damaged database is rebuilt with its drafts, and "Clear local data" keeps them', async () => {
    const { engine, session } = await start()
    await engine.setDraft('c1', 'Survives the damage')
    await inbox!.stop()
    damageRootPage(databasePath(dir, session.accountId), 'conversations')
    const { engine: rebuilt } = await start()
    expect(notices).toEqual([{ kind: 'rebuilt', keptReplies: 0, keptDrafts: 1 }])
    expect(await rebuilt.getDrafts()).toEqual({ c1: 'Survives the damage' })
    await rebuilt.clearLocalData()
    expect(await rebuilt.getDrafts()).toEqual({ c1: 'Survives the damage' })
    await rebuilt.stop()
    const { store } = openAccountStore({ folder: dir, accountId: session.accountId })
    expect(store.drafts.getAll()).toEqual({ c1: 'Survives the damage' })
    store.close()
  })
})
