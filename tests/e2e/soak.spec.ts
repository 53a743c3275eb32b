/**
 * The outbox soak, short (bench/soak.bench.ts runs the long one): about 60 replies typed over 4 conversations,
 * about 30 % of reply POSTs faulted (502 before the commit, dropped after it, the commit held past the client's
 * timeout), 3 restarts, some straddling a held commit. Every reply must be on the server exactly once, in the
 * order typed. Its own sandbox and profile, so it runs in parallel with the rest.
 */
import { DEFAULT_TIMEOUT_MS } from '../../src/main/api'
import { expect, test } from './fixtures'
import { runSoak } from './soak-driver'

test('60 replies under faults and restarts are each on the server exactly once, in order', async ({ app, sandbox }) => {
  // Windows of 30 s after each ambiguous attempt, in four conversations at once.
  test.setTimeout(12 * 60_000)
  const result = await runSoak(app, sandbox, {
    replies: 60,
    conversations: 4,
    restarts: 3,
    faultRate: 0.3,
    seed: 9,
    clientTimeoutMs: DEFAULT_TIMEOUT_MS,
    log: (line) => process.stdout.write(`soak: ${line}\n`),
  })
  test.info().annotations.push({ type: 'soak', description: JSON.stringify(result) })
  expect(result.typed).toBe(60)
  expect(result.restarts).toBe(3)
  expect(result.replyPosts).toBeGreaterThan(60) // faults happened, and were recovered from
  // Every faulted POST is one of the mix (counted exactly from the sandbox's request log: `fault`).
  const share = (100 * result.faulted) / result.replyPosts
  process.stdout.write(`soak: ${result.faulted} of ${result.replyPosts} reply POSTs faulted (${share.toFixed(1)} %)\n`)
  expect(result.faulted).toBeGreaterThan(0)
  expect(result.answered502 + result.droppedAfterCommit + result.heldPastTimeout + result.heldAcrossRestart).toBe(
    result.faulted,
  )
  expect({ lost: result.lost, duplicated: result.duplicated, outOfOrder: result.outOfOrder }).toEqual({
    lost: 0,
    duplicated: 0,
    outOfOrder: 0,
  })
  expect(result.exactlyOnce + result.refusedShown).toBe(60)
})
