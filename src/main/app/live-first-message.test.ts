/**
 * The contact panel's "first message" date (getFirstMessageDate) under the live engine: from the store when it
 * holds the thread's start, else the thread's oldest page from the API, stored on the way so it is asked once;
 * with the server gone, a stored start still answers and an unknown one fails rather than naming the oldest
 * *stored* message. Real sandbox over HTTP, real SQLite files; the sandbox's request log is the witness.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { defaultRendererSettings } from '../account/settings'
import type { InboxEngine } from '../ports/inbox-engine'
import type { InboxApi } from '../ports/inbox-api'
import { createNodeAdapters } from '../testing/node-adapters'
import { startSandboxHarness, type LoggedRequest, type SandboxHarness } from '../testing/sandbox-harness'
import { createLiveInboxEngine } from './live-inbox-engine'
import { FAST_SYNC, liveEngineDeps, sandboxSession } from './testing/live-engine'

let harness: SandboxHarness
let client: InboxApi
let dir = ''
let inbox: InboxEngine | null = null
beforeAll(async () => {
  harness = await startSandboxHarness()
})
afterAll(async () => {
  await harness.close().catch(() => undefined) // closed already by the server-gone test
})
afterEach(async () => {
  await inbox?.stop()
  inbox = null
  rmSync(dir, { recursive: true, force: true })
})

async function start(messagesPerConversation: number): Promise<InboxEngine> {
  await harness.reset({ conversations: 4, messagesPerConversation })
  dir = mkdtempSync(join(tmpdir(), 'live-first-message-'))
  client = harness.client()
  // No backfill: these tests decide what is stored.
  const getSettings = () => ({ ...defaultRendererSettings, historyDays: 0 as const })
  inbox = createLiveInboxEngine(
    liveEngineDeps({ adapters: createNodeAdapters({ userDataDir: dir }), dir, client }, { getSettings }),
    FAST_SYNC,
  )
  await inbox.accountChanged(sandboxSession(harness, client, 'first-message'))
  return inbox
}

const messageReads = async (): Promise<LoggedRequest[]> =>
  (await harness.requestLog()).filter((r) => /^\/conversations\/[^/]+\/messages$/.test(r.path))

async function openThread(engine: InboxEngine, index: number) {
  const list = await engine.listConversations({ archived: 'any' })
  const conversation = list[index]!
  await engine.getMessages({ chatId: conversation.id, idTo: conversation.lastMessage!.id })
  return conversation
}

describe('the first message of a conversation', () => {
  it('a long thread: the oldest page is asked once, then answered from the store', async () => {
    const engine = await start(250)
    const conversation = await openThread(engine, 0)
    const expected = (await client.getMessages(conversation.id, { idFrom: 1 })).data[0]!.date
    const before = (await messageReads()).length

    expect(await engine.getFirstMessageDate(conversation.id)).toBe(expected)
    const asked = (await messageReads()).slice(before)
    expect(asked).toHaveLength(1)
    expect(asked[0]!.query).toContain('idFrom=1')

    expect(await engine.getFirstMessageDate(conversation.id)).toBe(expected)
    expect(await messageReads()).toHaveLength(before + 1)
  })

  it('a short thread whose page reached its start costs no request', async () => {
    const engine = await start(20)
    const conversation = await openThread(engine, 1)
    const before = (await messageReads()).length
    const first = await engine.getFirstMessageDate(conversation.id)
    expect(first).toBe((await client.getMessages(conversation.id, { idFrom: 1 })).data[0]!.date)
    // The direct read above is the only one since.
    expect(await messageReads()).toHaveLength(before + 1)
  })

  it('with the server gone: a stored start still answers; an unknown one fails, never the oldest stored', async () => {
    const engine = await start(250)
    const known = await openThread(engine, 0)
    const knownDate = await engine.getFirstMessageDate(known.id)
    const unknown = await openThread(engine, 1)
    await harness.close()

    expect(await engine.getFirstMessageDate(known.id)).toBe(knownDate)
    await expect(engine.getFirstMessageDate(unknown.id)).rejects.toMatchObject({ kind: expect.any(String) })
  })
})
