/**
 * The conversation last opened is remembered per account in its database (issue 11 §2), so that a restart
 * opens it again: what the window reports open is what the next start's AppState names. Real SQLite, real sandbox.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { InboxEngine } from '../ports/inbox-engine'
import { createNodeAdapters } from '../testing/node-adapters'
import { startSandboxHarness, type SandboxHarness } from '../testing/sandbox-harness'
import { createLiveInboxEngine } from './live-inbox-engine'
import { FAST_SYNC, liveEngineDeps, sandboxSession } from './testing/live-engine'

let harness: SandboxHarness
let dir = ''
let inbox: InboxEngine | null = null
beforeAll(async () => {
  harness = await startSandboxHarness()
  dir = mkdtempSync(join(tmpdir(), 'live-last-open-'))
})
afterAll(async () => {
  await harness.close()
  rmSync(dir, { recursive: true, force: true })
})
afterEach(async () => {
  await inbox?.stop()
  inbox = null
})

async function start(tag = 'last-open'): Promise<InboxEngine> {
  await inbox?.stop()
  const adapters = createNodeAdapters({ userDataDir: dir })
  const client = harness.client()
  inbox = createLiveInboxEngine(liveEngineDeps({ adapters, dir, client }), FAST_SYNC)
  await inbox.accountChanged(sandboxSession(harness, client, tag))
  return inbox
}

describe('the last open conversation', () => {
  it('is remembered across a restart, per account; a thread closed leaves the last one read', async () => {
    const first = await start()
    expect(first.lastOpenConversation()).toBeNull()
    first.setFocusedConversation('chat-a')
    first.setFocusedConversation('chat-b')
    first.setFocusedConversation(null)
    expect(first.lastOpenConversation()).toBe('chat-b')
    expect((await start()).lastOpenConversation()).toBe('chat-b')
    expect((await start('another-account')).lastOpenConversation()).toBeNull()
    expect((await start()).lastOpenConversation()).toBe('chat-b')
  })
})
