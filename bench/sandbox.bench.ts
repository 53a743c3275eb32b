/**
 * Sandbox scale over real HTTP: POST /_sandbox/reset with 10,000
 * conversations × 3 messages per account (target < 5 s), and GET
 * /conversations of all 10,000 (target < 300 ms, median and p95 of 20 runs).
 */
import { SANDBOX_ACCOUNTS, startSandbox } from '../src/sandbox/index'
import { percentile } from './stats'
import type { BenchResult } from './types'

export const title = 'Sandbox: reset and list at 10,000 conversations'

const CONVERSATIONS = 10_000
const MESSAGES = 3
const LIST_RUNS = 20

export async function run(): Promise<BenchResult[]> {
  const sandbox = await startSandbox({ port: 0, seed: 'empty' })
  try {
    const resetTimes: number[] = []
    for (let i = 0; i < 3; i++) {
      const started = performance.now()
      const response = await fetch(`${sandbox.url}/_sandbox/reset`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ seed: { conversations: CONVERSATIONS, messagesPerConversation: MESSAGES } }),
      })
      await response.text()
      resetTimes.push(performance.now() - started)
      if (!response.ok) throw new Error(`reset answered ${response.status}`)
    }

    const list = async (): Promise<{ ms: number; count: number; bytes: number }> => {
      const started = performance.now()
      const response = await fetch(`${sandbox.url}/conversations`, {
        headers: { 'x-api-key': SANDBOX_ACCOUNTS.acme.apiKey },
      })
      const text = await response.text()
      const elapsed = performance.now() - started
      if (response.status !== 200) throw new Error(`list answered ${response.status}`)
      return {
        ms: elapsed,
        count: (JSON.parse(text) as { data: unknown[] }).data.length,
        bytes: Buffer.byteLength(text),
      }
    }
    // The first list after a reset serializes every conversation (then cached): reported on its own.
    const warm = await list()
    await list()
    if (warm.count !== CONVERSATIONS) throw new Error(`expected ${CONVERSATIONS} conversations, got ${warm.count}`)
    const listTimes: number[] = []
    for (let i = 0; i < LIST_RUNS; i++) listTimes.push((await list()).ms)
    const resetMedian = percentile(resetTimes, 50)

    const listMedian = percentile(listTimes, 50)
    const listP95 = percentile(listTimes, 95)
    return [
      {
        metric: `reset ${CONVERSATIONS} × ${MESSAGES} per account (first)`,
        value: resetTimes[0]!,
        unit: 'ms',
        target: '< 5000 ms',
        pass: resetTimes[0]! < 5000,
      },
      {
        metric: 'reset (median of 3)',
        value: resetMedian,
        unit: 'ms',
        target: '< 5000 ms',
        pass: resetMedian < 5000,
      },
      {
        metric: `GET /conversations, all ${CONVERSATIONS} (median of ${LIST_RUNS})`,
        value: listMedian,
        unit: 'ms',
        target: '< 300 ms',
        pass: listMedian < 300,
      },
      {
        metric: `GET /conversations, all ${CONVERSATIONS} (p95 of ${LIST_RUNS})`,
        value: listP95,
        unit: 'ms',
        target: '< 300 ms',
        pass: listP95 < 300,
      },
      {
        metric: `first GET /conversations after the reset`,
        value: warm.ms,
        unit: 'ms',
        target: '< 300 ms',
        pass: warm.ms < 300,
      },
      { metric: 'GET /conversations response size', value: warm.bytes / (1024 * 1024), unit: 'MiB' },
    ]
  } finally {
    await sandbox.close()
  }
}
