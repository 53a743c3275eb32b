/**
 * `searchInbox` through the live engine: the sync writes what it reads into
 * the account's SQLite file, and search answers from that file, while the
 * server fails (502 on every request) too. Real sandbox over HTTP, real
 * SQLite in a temp folder.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { invokeContract } from '../../shared/ipc/contract'
import { defaultRendererSettings } from '../account/settings'
import type { InboxEngine } from '../ports/inbox-engine'
import { createNodeAdapters } from '../testing/node-adapters'
import { findConversation, startSandboxHarness, type SandboxHarness } from '../testing/sandbox-harness'
import { createLiveInboxEngine } from './live-inbox-engine'
import { FAST_SYNC, liveEngineDeps, sandboxSession } from './testing/live-engine'

const ME = 'usr_acme_maya'

let harness: SandboxHarness
beforeAll(async () => {
  harness = await startSandboxHarness({ deliveryMs: 100 })
})
afterAll(async () => {
  await harness.close()
})

let dir = ''
let inbox: InboxEngine
let meUserId: string | null = ME

beforeEach(async () => {
  await harness.reset('demo')
  dir = mkdtempSync(join(tmpdir(), 'live-search-'))
  const adapters = createNodeAdapters({ userDataDir: dir })
  const client = harness.client()
  meUserId = ME
  inbox = createLiveInboxEngine(
    liveEngineDeps({ adapters, dir, client }, { getSettings: () => ({ ...defaultRendererSettings, meUserId }) }),
    FAST_SYNC,
  )
  await inbox.accountChanged(sandboxSession(harness, client, 'search'))
})
afterEach(async () => {
  await harness.clearFaults()
  await inbox.stop()
  rmSync(dir, { recursive: true, force: true })
})

const search = (arg: Record<string, unknown>) =>
  inbox.searchInbox(invokeContract.searchInbox.args.parse({ view: 'all', ...arg }))

describe('searchInbox through the live engine', () => {
  it('finds a message the sync stored, highlighted, within the view; and still answers while the server fails', async () => {
    const target = await findConversation(harness.client(), (c) => !c.archived && c.assignee === null)
    const { messageId } = await harness.inbound(target.id, 'Is the Zürich warehouse open on Sunday?')
    await expect
      .poll(async () => (await search({ query: 'zurich' })).groups.map((g) => g.conversation.id), { timeout: 10_000 })
      .toEqual([target.id])
    const [group] = (await search({ query: 'zurich ware' })).groups
    expect(group!.matches[0]!.messageId).toBe(messageId)
    expect(group!.matches[0]!.snippet.filter((s) => s.highlight).map((s) => s.text)).toEqual(['Zürich', 'warehouse'])
    expect((await search({ query: 'zurich', view: 'unassigned' })).groups).toHaveLength(1)
    expect((await search({ query: 'zurich', view: 'mine' })).groups).toHaveLength(0)
    expect((await search({ query: 'zurich', view: 'archive' })).groups).toHaveLength(0)
    expect((await search({ query: 'zurich', channelIds: ['no-such-channel'] })).groups).toHaveLength(0)

    // The server fails every list request: search does not need it.
    await harness.faults({ path: '/conversations', status: 502 })
    expect((await search({ query: 'NEAR("zurich' })).groups).toHaveLength(0) // "near" is a word, found nowhere here
    expect((await search({ query: '"zurich' })).groups.map((g) => g.conversation.id)).toEqual([target.id])
  })

  it('Mine is the agent main knows; with no account, search says there is none', async () => {
    const mine = await findConversation(harness.client(), (c) => !c.archived && c.assignee?.id === ME)
    await harness.inbound(mine.id, 'Gracias por la ayuda con el envío')
    await expect
      .poll(async () => (await search({ query: 'envio', view: 'mine' })).groups.length, { timeout: 10_000 })
      .toBe(1)
    meUserId = null
    expect((await search({ query: 'envio', view: 'mine' })).groups).toHaveLength(0)

    await inbox.accountChanged(null)
    await expect(search({ query: 'envio' })).rejects.toMatchObject({ kind: 'no_account' })
  })
})
