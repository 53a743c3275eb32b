/**
 * The history backfill (src/main/backfill) over real HTTP against the sandbox,
 * into a real SQLite file:
 * - throughput at the app's pacing (2 conversations at a time, 250 ms between
 *   request starts), in conversations a minute: what an agent's machine does
 *   in the background;
 * - the ceiling without the pause (4 at a time): what the client, the store and
 *   the sandbox cost per conversation, i.e. how much of the pacing is the pause;
 * - requests per conversation (sandbox request log / conversations stored):
 *   threads of 3 messages (one page) and of 150 (two pages), target exactly
 *   ⌈messages in the window / 100⌉ (one page for a thread that began before the edge).
 */
import { createInboxClient } from '../src/main/api/client'
import { createBackfill, type BackfillOptions } from '../src/main/backfill'
import { silentLogger } from '../src/main/log'
import { openAccountStore } from '../src/main/store'
import { tempFolder } from '../src/main/store/testing/fixtures'
import { SANDBOX_ACCOUNTS, startSandbox, type RunningSandbox } from '../src/sandbox'
import { sandboxControl, sandboxRequests } from '../tests/e2e/sandbox-control'
import type { BenchResult } from './types'

export const title = 'History backfill: conversations a minute and requests per conversation'

interface Measured {
  conversations: number
  requests: number
  perMinute: number
}

async function measure(
  sandbox: RunningSandbox,
  seed: { conversations: number; messagesPerConversation: number },
  pacing: Pick<BackfillOptions, 'pauseMs' | 'concurrency'>,
): Promise<Measured> {
  await sandboxControl(sandbox, 'POST', '/_sandbox/reset', { seed })
  const api = createInboxClient({ baseUrl: sandbox.url, apiKey: SANDBOX_ACCOUNTS.acme.apiKey, fetch: globalThis.fetch })
  const folder = tempFolder('backfill-bench-')
  const { store } = openAccountStore({ folder: folder.folder, accountId: 'bench' })
  try {
    store.conversations.upsertMany(await api.listConversations({ archived: 'any' }))
    const before = (await sandboxRequests(sandbox)).length
    const backfill = createBackfill({ api, store, days: 30, emit: () => undefined, log: silentLogger, ...pacing })
    const startedAt = performance.now()
    backfill.start()
    await backfill.settled()
    const elapsedMs = performance.now() - startedAt
    const status = backfill.status()
    if (status.state !== 'done' || status.done !== status.total) {
      throw new Error(`the backfill ended ${status.state} at ${status.done} of ${status.total}`)
    }
    const requests = (await sandboxRequests(sandbox)).length - before
    return { conversations: status.done, requests, perMinute: (status.done / elapsedMs) * 60_000 }
  } finally {
    store.close()
    folder.cleanup()
  }
}

export async function run(): Promise<BenchResult[]> {
  const sandbox = await startSandbox({ port: 0, seed: 'empty' })
  try {
    const paced = await measure(sandbox, { conversations: 400, messagesPerConversation: 3 }, {})
    const ceiling = await measure(
      sandbox,
      { conversations: 4_000, messagesPerConversation: 3 },
      { pauseMs: 0, concurrency: 4 },
    )
    const long = await measure(
      sandbox,
      { conversations: 300, messagesPerConversation: 150 },
      { pauseMs: 0, concurrency: 4 },
    )
    const perConversation = (m: Measured) => m.requests / m.conversations
    return [
      {
        metric: `throughput at the app's pacing (2 at a time, 250 ms apart; ${paced.conversations} conversations)`,
        value: paced.perMinute,
        unit: 'conversations/min',
        target: '≤ 240 (the pause caps it at 4 requests/s)',
        pass: paced.perMinute <= 240 * 1.02,
      },
      {
        metric: `ceiling without the pause (4 at a time; ${ceiling.conversations} conversations)`,
        value: ceiling.perMinute,
        unit: 'conversations/min',
      },
      {
        metric: 'requests per conversation, 3-message threads',
        value: perConversation(ceiling),
        unit: 'requests',
        target: '= 1 (one page)',
        pass: perConversation(ceiling) === 1,
      },
      {
        metric: 'requests per conversation, 150-message threads',
        value: perConversation(long),
        unit: 'requests',
        // A thread that began before the window's edge stops after its first page.
        target: '≤ 2 (two pages)',
        pass: perConversation(long) <= 2,
      },
    ]
  } finally {
    await sandbox.close()
  }
}
