/**
 * Changes only the server can make (issue 11 §3), under the live engine: offline they are refused at once with
 * words that say so, nothing sent and nothing changed; with the server out of reach the change is taken back
 * with the same words, or, when the request may have been applied before the connection dropped, the agent is
 * told it was not confirmed and the next sync shows the server's state. Real sandbox over HTTP, real SQLite.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Conversation } from '../../shared/api/schemas'
import type { SyncStatus } from '../../shared/ipc/contract'
import type { InboxEngine } from '../ports/inbox-engine'
import { createNodeAdapters, type NodeAdapters } from '../testing/node-adapters'
import { startSandboxHarness, type SandboxHarness } from '../testing/sandbox-harness'
import { createLiveInboxEngine } from './live-inbox-engine'
import { FAST_SYNC, liveEngineDeps, sandboxSession } from './testing/live-engine'

const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function started(): Promise<{ harness: SandboxHarness; inbox: InboxEngine; adapters: NodeAdapters }> {
  const harness = await startSandboxHarness({ deliveryMs: 100 })
  const dir = mkdtempSync(join(tmpdir(), 'live-server-actions-'))
  const adapters = createNodeAdapters({ userDataDir: dir })
  const client = harness.client()
  const inbox = createLiveInboxEngine(liveEngineDeps({ adapters, dir, client }), FAST_SYNC)
  cleanups.push(async () => {
    await inbox.stop()
    await harness.close().catch(() => undefined) // closed already by the unreachable test
    rmSync(dir, { recursive: true, force: true })
  })
  await inbox.accountChanged(sandboxSession(harness, client, 'actions'))
  await expect.poll(() => adapters.unreadTotals.length).toBeGreaterThan(0)
  return { harness, inbox, adapters }
}

const stored = async (inbox: InboxEngine, chatId: string): Promise<Conversation | undefined> =>
  (await inbox.listConversations({ archived: 'any' })).find((c) => c.id === chatId)

async function target(inbox: InboxEngine): Promise<Conversation> {
  const all = await inbox.listConversations({ archived: 'any' })
  const found = all.find((c) => !c.archived && c.unreadCount > 0 && c.assignee === null)
  if (!found) throw new Error('no unread, unassigned conversation in the demo seed')
  return found
}

const refusal = (code: string) => ({ text: { code } })

describe('changes that need the server', () => {
  it('offline: each is refused at once with its words; nothing is sent and nothing changes', async () => {
    const { harness, inbox } = await started()
    const chat = await target(inbox)
    const logged = (await harness.requestLog()).length
    inbox.setOnline(false)
    await expect(inbox.archive(chat.id)).rejects.toMatchObject(refusal('needsServer.archive'))
    await expect(inbox.unarchive(chat.id)).rejects.toMatchObject(refusal('needsServer.unarchive'))
    await expect(inbox.markRead(chat.id)).rejects.toMatchObject(refusal('needsServer.markRead'))
    await expect(inbox.assign(chat.id, 'usr_acme_maya')).rejects.toMatchObject(refusal('needsServer.assign'))
    await expect(inbox.unassign(chat.id)).rejects.toMatchObject(refusal('needsServer.unassign'))
    await expect(inbox.archive(chat.id)).rejects.toMatchObject({
      message: 'Archiving needs a connection to the server; nothing was changed.',
    })
    expect(await stored(inbox, chat.id)).toEqual(chat)
    const sent = (await harness.requestLog()).slice(logged).filter((r) => r.method !== 'GET')
    expect(sent).toEqual([])
    // Back online, the same change goes through.
    inbox.setOnline(true)
    await inbox.archive(chat.id)
    expect((await stored(inbox, chat.id))?.archived).toBe(true)
  })

  it('the server out of reach (connection refused): taken back, with the same words', async () => {
    const { harness, inbox, adapters } = await started()
    const chat = await target(inbox)
    await harness.close()
    // Once the sync has met the closed port (a pooled connection dropped first is a request that may have
    // arrived: the dropped-connection case below), a new connection is refused.
    await expect
      .poll(() =>
        adapters.events.some((e) => e.event === 'syncStatus' && (e.payload as SyncStatus).error?.cause === 'refused'),
      )
      .toBe(true)
    await expect(inbox.archive(chat.id)).rejects.toMatchObject({
      kind: 'network',
      ...refusal('needsServer.archive'),
    })
    await expect(inbox.assign(chat.id, 'usr_acme_maya')).rejects.toMatchObject(refusal('needsServer.assign'))
    expect(await stored(inbox, chat.id)).toEqual(chat)
  })

  it('the connection dropped after the server applied it: not confirmed, then the sync shows what the server has', async () => {
    const { harness, inbox } = await started()
    const chat = await target(inbox)
    await harness.faults({ method: 'PATCH', path: `/conversations/${chat.id}/archive`, mode: 'drop-after-commit' })
    await expect(inbox.archive(chat.id)).rejects.toMatchObject(refusal('needsServer.unconfirmed'))
    await expect.poll(async () => (await stored(inbox, chat.id))?.archived, { timeout: 10_000 }).toBe(true)
  })
})
