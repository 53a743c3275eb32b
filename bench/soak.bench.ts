/**
 * The outbox soak (issue 9 §2): the built app through the end-to-end harness (tests/e2e/harness.ts), an agent
 * typing 500 replies into the composer over 10 conversations of the sandbox, about 30 % of reply POSTs faulted
 * (a 502 before the commit, the connection dropped after it, the commit held 2 s past the client's 15 s timeout),
 * and 12 restarts at random moments, every other one while a commit held 8 s straddles it. Then every conversation
 * is read back from the sandbox: each typed reply is on the server exactly once, lost, duplicated, or refused and
 * shown to the agent (a failed or unconfirmed bubble). Goal: 0 lost, 0 duplicated. The driver is
 * tests/e2e/soak-driver.ts (the e2e suite runs a shorter version, tests/e2e/soak.spec.ts).
 *
 * Needs the e2e build (`npm run bench` makes it: `npm run build:e2e`) and a keychain, so that the key survives the restarts: run it
 * inside the dbus session `npm test` uses (see tests/README.md). SOAK_REPLIES, SOAK_RESTARTS and SOAK_SEED change
 * the plan. Takes about a quarter of an hour; the run time is in the table.
 */
import { DEFAULT_TIMEOUT_MS } from '../src/main/api'
import { startSandbox } from '../src/sandbox/index'
import { launchApp } from '../tests/e2e/harness'
import { runSoak, type SoakResult } from '../tests/e2e/soak-driver'
import type { BenchResult } from './types'

export const title = 'Outbox soak: 500 replies, 30 % of reply POSTs faulted, 12 restarts (built app)'

const REPLIES = Number(process.env.SOAK_REPLIES ?? 500)
const RESTARTS = Number(process.env.SOAK_RESTARTS ?? 12)
const SEED = Number(process.env.SOAK_SEED ?? Date.now() % 100_000)

export async function run(): Promise<BenchResult[]> {
  const sandbox = await startSandbox({ port: 0, seed: 'demo', deliveryMs: 1_000 })
  const app = await launchApp()
  let result: SoakResult
  try {
    result = await runSoak(app, sandbox, {
      replies: REPLIES,
      conversations: 10,
      restarts: RESTARTS,
      faultRate: 0.3,
      seed: SEED,
      clientTimeoutMs: DEFAULT_TIMEOUT_MS,
      log: (line) => process.stdout.write(`  ${line}\n`),
    })
  } finally {
    await app.close()
    await sandbox.close()
  }
  return [
    {
      metric: `replies typed (seed ${SEED})`,
      value: result.typed,
      unit: 'replies',
      target: '≥ 500',
      pass: result.typed >= 500,
    },
    { metric: 'on the server exactly once', value: result.exactlyOnce, unit: 'replies' },
    { metric: 'lost', value: result.lost, unit: 'replies', target: '0', pass: result.lost === 0 },
    { metric: 'duplicated', value: result.duplicated, unit: 'replies', target: '0', pass: result.duplicated === 0 },
    { metric: 'refused and shown to the agent', value: result.refusedShown, unit: 'replies' },
    {
      metric: 'out of order within a conversation',
      value: result.outOfOrder,
      unit: 'replies',
      target: '0',
      pass: result.outOfOrder === 0,
    },
    { metric: 'reply POSTs', value: result.replyPosts, unit: 'requests' },
    // Exact: each POST's request log entry says whether a fault rule fired on it, and which (`fault`, src/sandbox).
    { metric: 'reply POSTs faulted', value: (100 * result.faulted) / Math.max(1, result.replyPosts), unit: '%' },
    { metric: '… answered 502', value: result.answered502, unit: 'requests' },
    { metric: '… dropped after the commit', value: result.droppedAfterCommit, unit: 'requests' },
    { metric: '… commit held past the timeout', value: result.heldPastTimeout, unit: 'requests' },
    { metric: '… commit held across a restart', value: result.heldAcrossRestart, unit: 'requests' },
    { metric: 'restarts', value: result.restarts, unit: 'restarts', target: '≥ 10', pass: result.restarts >= 10 },
    { metric: '… with replies in flight', value: result.restartsWithRepliesInFlight, unit: 'restarts' },
    { metric: 'replies the full outbox refused at first (typed again)', value: result.refusedByCap, unit: 'times' },
    { metric: 'run time', value: result.durationMs / 60_000, unit: 'min' },
  ]
}
