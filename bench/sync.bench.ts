/**
 * The sync engine at scale, over real HTTP against the sandbox: 10,000
 * conversations (× 3 messages) and one inbound message a second.
 *
 * - Requests and bytes a minute the engine costs in steady state, against a
 *   naive poll of the full list at the same interval (target: at most 2 % of
 *   the naive bytes). Bytes are response bodies, from the sandbox's request
 *   log. The engine's full `archived=any` resync (every 5 minutes focused, 15
 *   in the background) is counted amortised: its measured size / 5 (or / 15)
 *   a minute. The naive figure is the
 *   measured size of one full list × the polls a minute.
 * - Notification latency, from just before the inbound message is injected to
 *   the engine's `onNewInbound`, p50 and p95, focused (2 s) and in the
 *   background (10 s). Target: p95 at most the interval + 0.3 s.
 */
import Conf from 'conf'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInboxClient } from '../src/main/api/client'
import { createSyncEngine, defaultSyncIntervals, type SyncStateData } from '../src/main/sync'
import { SANDBOX_ACCOUNTS, startSandbox } from '../src/sandbox'
import { sandboxControl, sandboxRequests } from '../tests/e2e/sandbox-control'
import { percentile } from './stats'
import type { BenchResult } from './types'

export const title = 'Sync engine: 10,000 conversations, one inbound message a second'

const CONVERSATIONS = 10_000
const MESSAGES_PER_CONVERSATION = 3
const WINDOW_MS = 60_000
const INBOUND_EVERY_MS = 1_000
const BYTES_TARGET_RATIO = 0.02
const LATENCY_SLACK_MS = 300

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export async function run(): Promise<BenchResult[]> {
  const sandbox = await startSandbox({ port: 0, seed: 'empty' })
  const storeDir = mkdtempSync(join(tmpdir(), 'sync-bench-'))
  const requestLog = () => sandboxRequests(sandbox)

  try {
    await sandboxControl(sandbox, 'POST', '/_sandbox/reset', {
      seed: { conversations: CONVERSATIONS, messagesPerConversation: MESSAGES_PER_CONVERSATION },
    })
    const results: BenchResult[] = []
    for (const mode of ['focused', 'background'] as const) {
      const intervalMs = mode === 'focused' ? defaultSyncIntervals.focusedMs : defaultSyncIntervals.backgroundMs
      const injectedAt = new Map<number, number>()
      // By conversation: an announcement covers every message of it up to the
      // one it names (two messages between polls make one notification), and
      // may arrive before the injecting request has returned.
      const announcedUpTo = new Map<string, Array<{ messageId: number; at: number }>>()
      const engine = createSyncEngine({
        api: createInboxClient({
          baseUrl: sandbox.url,
          apiKey: SANDBOX_ACCOUNTS.acme.apiKey,
          fetch: globalThis.fetch,
        }),
        stateStore: new Conf<SyncStateData>({ cwd: storeDir, projectName: `bench-${mode}` }),
        accountKey: `bench-${mode}`,
        emit: () => undefined,
        getMeUserId: () => null,
        onNewInbound: (event) => {
          const list = announcedUpTo.get(event.conversation.id) ?? []
          list.push({ messageId: event.message.id, at: performance.now() })
          announcedUpTo.set(event.conversation.id, list)
        },
      })
      engine.setFocused(mode === 'focused')
      await engine.start()
      const chatIds = engine.getConversations().map((c) => c.id)
      if (chatIds.length < CONVERSATIONS) throw new Error(`the engine sees ${chatIds.length} conversations`)
      const before = await requestLog()
      const fullList = before.filter((r) => r.path === '/conversations' && !r.query.includes('dateFrom')).at(-1)
      if (!fullList) throw new Error('the initial full list is not in the request log')

      // Steady state: one inbound message a second on a random conversation.
      const injectedChat = new Map<number, string>()
      const windowStart = performance.now()
      let injected = 0
      await sleep(Math.random() * INBOUND_EVERY_MS)
      while (performance.now() - windowStart < WINDOW_MS) {
        const chatId = chatIds[Math.floor(Math.random() * chatIds.length)]!
        const sentAt = performance.now()
        const { messageId } = await sandboxControl<{ messageId: number }>(sandbox, 'POST', '/_sandbox/inbound', {
          apiKey: SANDBOX_ACCOUNTS.acme.apiKey,
          chatId,
          text: `Bench message ${injected}`,
        })
        injectedAt.set(messageId, sentAt)
        injectedChat.set(messageId, chatId)
        injected += 1
        // One a second on average, at a random moment within each second: a
        // fixed cadence would lock in phase with the polling and sample only
        // one or two waiting times.
        const nextAt = windowStart + (injected + Math.random()) * INBOUND_EVERY_MS
        await sleep(Math.max(0, nextAt - performance.now()))
      }
      const windowMs = performance.now() - windowStart
      // Let the last injections be announced before counting.
      await sleep(intervalMs + 1_000)
      engine.stop()
      const latencies: number[] = []
      for (const [messageId, sentAt] of injectedAt) {
        const chatId = injectedChat.get(messageId)!
        const announcement = (announcedUpTo.get(chatId) ?? []).find((a) => a.messageId >= messageId)
        if (announcement) latencies.push(announcement.at - sentAt)
      }
      const during = (await requestLog()).slice(before.length).filter((r) => r.account !== null)
      const perMinute = 60_000 / windowMs
      const fullResyncsPerMinute =
        60_000 / (mode === 'focused' ? defaultSyncIntervals.fullResyncMs : defaultSyncIntervals.fullResyncBackgroundMs)
      const engineRequests = during.length * perMinute + fullResyncsPerMinute
      const engineBytes =
        during.reduce((sum, r) => sum + r.bytes, 0) * perMinute + fullList.bytes * fullResyncsPerMinute
      const naiveRequests = 60_000 / intervalMs
      const naiveBytes = fullList.bytes * naiveRequests
      const ratio = engineBytes / naiveBytes
      const p50 = percentile(latencies, 50)
      const p95 = percentile(latencies, 95)
      const latencyTarget = intervalMs + LATENCY_SLACK_MS
      const label = `${mode} (${intervalMs / 1000} s)`
      results.push(
        { metric: `${label}: engine requests/min`, value: engineRequests, unit: 'req/min' },
        { metric: `${label}: naive full-list requests/min`, value: naiveRequests, unit: 'req/min' },
        { metric: `${label}: engine bytes/min`, value: Math.round(engineBytes), unit: 'B/min' },
        { metric: `${label}: naive full-list bytes/min`, value: Math.round(naiveBytes), unit: 'B/min' },
        {
          metric: `${label}: engine bytes vs naive`,
          value: ratio * 100,
          unit: '%',
          target: `≤ ${BYTES_TARGET_RATIO * 100} %`,
          pass: ratio <= BYTES_TARGET_RATIO,
        },
        {
          metric: `${label}: injected inbound messages that were announced`,
          value: latencies.length,
          unit: 'messages',
          target: `= ${injected} (all)`,
          pass: latencies.length === injected,
        },
        { metric: `${label}: notification latency p50`, value: p50, unit: 'ms' },
        {
          metric: `${label}: notification latency p95`,
          value: p95,
          unit: 'ms',
          target: `≤ ${latencyTarget} ms`,
          pass: p95 <= latencyTarget,
        },
      )
    }
    return results
  } finally {
    await sandbox.close()
    rmSync(storeDir, { recursive: true, force: true })
  }
}
