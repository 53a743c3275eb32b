/**
 * Every way a reply POST can end without a clear answer, against the real
 * sandbox: each is ambiguous, is followed by reads of the thread, and is sent
 * again only once its window (from the attempt's start, across restarts) has
 * passed and a read after it did not find the reply. The thread and the
 * request log are the witnesses. Windows are short here (outbox-harness.ts).
 */
import { describe, expect, it } from 'vitest'
import { reopenStore } from '../testing/sandbox-harness'
import { OUTBOX_KEY, type OutboxStoreData, type StoredOutboxEntry } from './outbox'
import { outboxSpec, REPLY_PATH, TEST_TIMEOUT_MS, TEST_WINDOW_MS } from './testing/outbox-harness'
import { newEntry } from './entry'
import { UNCONFIRMED_MESSAGE } from './rules'

const spec = outboxSpec()
const { setup, replyTarget, onServer, replyPosts, entryOf } = spec
const MESSAGES_PATH = (chatId: string) => `/conversations/${chatId}/messages`

/** Sends one reply with this fault on its first POST; resolves once it is accepted. */
async function sendThrough(fault: Record<string, unknown>, text: string) {
  const context = setup()
  await context.outbox.resume()
  const target = await replyTarget()
  await spec.harness.faults({ method: 'POST', path: REPLY_PATH, times: 1, ...fault })
  context.outbox.enqueue({ clientId: 'c-1', chatId: target.id, text })
  await expect.poll(() => entryOf(context.outbox, 'c-1')?.state, { timeout: 15_000 }).toBe('accepted')
  return { ...context, target, copies: await onServer(target.id, text), posts: await replyPosts() }
}

/**
 * The conversation's requests in the order the sandbox answered them, as counted events: `P` a reply POST, `R` a
 * read of the thread. A resend must follow a read that did not find the reply, so a blind resend shows as two
 * POSTs with no read between them. Counted rather than timed: load stretches the gaps, it cannot change the order.
 */
async function requestEvents(chatId: string): Promise<string> {
  const log = await spec.harness.requestLog()
  return log
    .map((r) => (r.method === 'POST' && r.path === REPLY_PATH ? 'P' : r.path === MESSAGES_PATH(chatId) ? 'R' : ''))
    .join('')
}

/** The reads of the thread between one POST and the next, for each resend (`PRRPRP` → [2, 1]). */
const readsBeforeEachResend = (events: string) =>
  events
    .replace(/^[^P]*P/, '')
    .split('P')
    .slice(0, -1)
    .map((between) => between.length)

describe('an ambiguous end never causes a blind resend', () => {
  it('connection dropped after the commit: found in the thread, not sent again', async () => {
    const { copies, posts, outbox } = await sendThrough({ mode: 'drop-after-commit' }, 'Dropped after commit')
    expect(copies).toHaveLength(1)
    expect(posts.map((p) => p.dropped)).toEqual([true])
    expect(entryOf(outbox, 'c-1')?.messageId).toBe(copies[0]!.id)
  })

  it('timeout while the server holds the commit past it: the late commit is found, not sent again', async () => {
    const held = { delayMs: TEST_TIMEOUT_MS + 500 } // commits 0.5 s after the client gave up
    const { copies, posts } = await sendThrough(held, 'Committed late')
    expect(copies).toHaveLength(1)
    expect(posts).toHaveLength(1)
  })

  it('timeout with the commit made and the answer late: found, not sent again', async () => {
    const late = { mode: 'commit-then-delay', delayMs: TEST_TIMEOUT_MS + 1_000 }
    const { copies } = await sendThrough(late, 'Answered too late')
    expect(copies).toHaveLength(1)
    await expect.poll(async () => (await replyPosts()).length).toBe(1)
  })

  it('connection dropped before the commit: sent again only after the whole window, once', async () => {
    const { copies, posts, target } = await sendThrough({ mode: 'drop-before-commit' }, 'Dropped before commit')
    expect(copies).toHaveLength(1)
    expect(posts.map((p) => p.status)).toEqual([500, 202])
    expect(readsBeforeEachResend(await requestEvents(target.id))[0]).toBeGreaterThanOrEqual(1)
  })

  it('a 502 is ambiguous too: no second POST before the first one’s window has passed', async () => {
    const { copies, posts, outbox, target } = await sendThrough({ status: 502 }, 'After a 502')
    expect(copies).toHaveLength(1)
    expect(posts.map((p) => p.status)).toEqual([502, 202])
    expect(readsBeforeEachResend(await requestEvents(target.id))[0]).toBeGreaterThanOrEqual(1)
    expect(entryOf(outbox, 'c-1')?.attempts).toBe(2)
  })

  it('a 502 after an ambiguous attempt does not make the first one known: each gets its window', async () => {
    const context = setup()
    await context.outbox.resume()
    const target = await replyTarget()
    await spec.harness.faults(
      { method: 'POST', path: REPLY_PATH, mode: 'drop-before-commit', times: 1 },
      { method: 'POST', path: REPLY_PATH, status: 502, times: 1 },
    )
    context.outbox.enqueue({ clientId: 'c-1', chatId: target.id, text: 'Two failures' })
    await expect.poll(() => entryOf(context.outbox, 'c-1')?.state, { timeout: 15_000 }).toBe('accepted')
    const posts = await replyPosts()
    expect(posts.map((p) => p.status)).toEqual([500, 502, 202])
    // Neither resend went out blind: each came after reads of the thread that did not find the reply.
    const reads = readsBeforeEachResend(await requestEvents(target.id))
    expect(reads).toHaveLength(2)
    expect(Math.min(...reads)).toBeGreaterThanOrEqual(1)
    // Neither failure settled its own attempt: each became `absent` only through a read after its window
    // (a 502 taken as "not sent" would read `not-sent`; one taken as a refusal, `refused`).
    const outcomes = () =>
      (reopenStore<OutboxStoreData>(context.dir).get(OUTBOX_KEY) as StoredOutboxEntry[])[0]!.attempts.map(
        (a) => a.outcome,
      )
    await expect.poll(outcomes).toEqual(['absent', 'absent', 'accepted'])
    expect(await onServer(target.id, 'Two failures')).toHaveLength(1)
  })
})

describe('restarts', () => {
  it('a restart mid-window continues the same window: the held commit lands and is found, no resend', async () => {
    const first = setup()
    await first.outbox.resume()
    const target = await replyTarget()
    // Held 1.5 s: the app quits while the POST is out and starts again before the commit.
    await spec.harness.faults({ method: 'POST', path: REPLY_PATH, delayMs: 1_500, times: 1 })
    first.outbox.enqueue({ clientId: 'c-restart', chatId: target.id, text: 'Straddles a restart' })
    await expect.poll(() => entryOf(first.outbox, 'c-restart')?.state).toBe('sending')
    first.outbox.stop()
    const onDisk = (reopenStore<OutboxStoreData>(first.dir).get(OUTBOX_KEY) as StoredOutboxEntry[])[0]!
    expect(onDisk.attempts).toEqual([{ startedAt: expect.any(Number), outcome: 'unknown' }])

    const restarted = setup({ dir: first.dir })
    await restarted.outbox.resume()
    // Read right away (nothing yet), then again until the commit shows up.
    await expect.poll(() => entryOf(restarted.outbox, 'c-restart')?.state, { timeout: 10_000 }).toBe('accepted')
    expect(await onServer(target.id, 'Straddles a restart')).toHaveLength(1)
    expect(await replyPosts()).toHaveLength(1)
  })

  it('after a restart, a reply left "sending" that never reached the server goes once, after its window', async () => {
    const first = setup()
    await first.outbox.resume()
    const target = await replyTarget()
    const startedAt = Date.now()
    const crashed: StoredOutboxEntry = {
      ...newEntry({ clientId: 'c-lost', chatId: target.id, text: 'Lost on the way' }, startedAt),
      state: 'sending',
      attempts: [{ startedAt, outcome: 'unknown' }],
      baselineMessageId: target.lastMessageId,
    }
    first.outbox.stop()
    reopenStore<OutboxStoreData>(first.dir).set(OUTBOX_KEY, [crashed])
    const restarted = setup({ dir: first.dir })
    await restarted.outbox.resume()
    await expect.poll(() => entryOf(restarted.outbox, 'c-lost')?.state, { timeout: 10_000 }).toBe('accepted')
    // The restarted outbox read the thread (and did not find the reply) before it sent: never blind.
    const events = await requestEvents(target.id)
    expect(events).toMatch(/^R+P/)
    expect(await onServer(target.id, 'Lost on the way')).toHaveLength(1)
    // One POST; on a loaded machine a second one only after reads again (the client gives up after 600 ms here,
    // and a POST it gave up on before the server took it is resent once its own window has passed).
    const posts = await replyPosts()
    if (posts.length > 1) console.warn('lost-on-the-way: more than one POST', JSON.stringify(posts), events)
    expect(readsBeforeEachResend(events).every((reads) => reads >= 1)).toBe(true)
  })

  it('an entry written by the previous version is sent exactly once after the upgrade', async () => {
    const first = setup()
    await first.outbox.resume()
    const [a, b] = [await replyTarget(0), await replyTarget(1)]
    // Version 1 on disk: one crashed mid-POST whose reply did reach the server, one never attempted.
    const made = await spec.harness.client().sendReply(a.id, 'Made before the upgrade')
    const v1 = (clientId: string, chatId: string, text: string, state: string, attempts: number) => ({
      clientId,
      chatId,
      text,
      state,
      createdAt: new Date().toISOString(),
      attempts,
      messageId: null,
      error: null,
      baselineMessageId: attempts > 0 ? a.lastMessageId : null,
      needsReconcile: false,
      nextAttemptAt: null,
      heldForAuth: false,
    })
    first.outbox.stop()
    reopenStore<OutboxStoreData>(first.dir).set(OUTBOX_KEY, [
      v1('old-sent', a.id, 'Made before the upgrade', 'sending', 1),
      v1('old-new', b.id, 'Queued before the upgrade', 'pending', 0),
    ])
    const restarted = setup({ dir: first.dir })
    await restarted.outbox.resume()
    await expect
      .poll(() => restarted.outbox.list().map((e) => e.state), { timeout: 10_000 })
      .toEqual(['accepted', 'accepted'])
    expect(entryOf(restarted.outbox, 'old-sent')?.messageId).toBe(made.messageId)
    expect(await onServer(a.id, 'Made before the upgrade')).toHaveLength(1)
    expect(await onServer(b.id, 'Queued before the upgrade')).toHaveLength(1)
    expect(await replyPosts()).toHaveLength(2) // the one before the "crash", and the never-attempted one
    const stored = reopenStore<OutboxStoreData>(first.dir).get(OUTBOX_KEY) as StoredOutboxEntry[]
    expect(stored.map((e) => e.version)).toEqual([2, 2])
  })
})

describe('when the thread cannot be read', () => {
  it('stops visibly at the end of the window, never resends on its own, and resends on the agent’s word', async () => {
    const { outbox } = setup()
    await outbox.resume()
    const target = await replyTarget()
    await spec.harness.faults({ method: 'POST', path: REPLY_PATH, mode: 'drop-before-commit', delayMs: 300, times: 1 })
    outbox.enqueue({ clientId: 'c-1', chatId: target.id, text: 'Cannot confirm' })
    // Once the POST is out (the baseline read before it went fine), the thread stops answering.
    await expect.poll(() => entryOf(outbox, 'c-1')?.state).toBe('sending')
    await spec.harness.faults({ method: 'GET', path: MESSAGES_PATH(target.id), status: 503 })
    await expect.poll(() => entryOf(outbox, 'c-1')?.state, { timeout: 10_000 }).toBe('unconfirmed')
    expect(entryOf(outbox, 'c-1')?.error?.message).toBe(UNCONFIRMED_MESSAGE)
    await outbox.whenIdle()
    expect(await replyPosts()).toHaveLength(1)
    await spec.harness.clearFaults()
    outbox.retry('c-1') // Resend
    await expect.poll(() => entryOf(outbox, 'c-1')?.state, { timeout: 10_000 }).toBe('accepted')
    expect(await onServer(target.id, 'Cannot confirm')).toHaveLength(1)
  })

  it('two attempts held at the server: both copies are claimed, so a later identical reply still gets its own', async () => {
    const { outbox, dir } = setup()
    await outbox.resume()
    const target = await replyTarget()
    const text = 'Held twice'
    // The first POST is held past its whole window, and the thread cannot be read meanwhile.
    await spec.harness.faults({ method: 'POST', path: REPLY_PATH, delayMs: TEST_WINDOW_MS + 1_500, times: 1 })
    outbox.enqueue({ clientId: 'c-1', chatId: target.id, text })
    await expect.poll(() => entryOf(outbox, 'c-1')?.state).toBe('sending')
    await spec.harness.faults({ method: 'GET', path: MESSAGES_PATH(target.id), status: 503 })
    await expect.poll(() => entryOf(outbox, 'c-1')?.state, { timeout: 10_000 }).toBe('unconfirmed')
    await spec.harness.clearFaults()
    // The agent resends; that POST is held too (past the client's timeout, within its window): both commit.
    await spec.harness.faults({ method: 'POST', path: REPLY_PATH, delayMs: TEST_TIMEOUT_MS + 400, times: 1 })
    outbox.retry('c-1')
    outbox.enqueue({ clientId: 'c-2', chatId: target.id, text }) // the same words, a new reply
    await expect.poll(() => outbox.list().map((e) => e.state), { timeout: 15_000 }).toEqual(['accepted', 'accepted'])
    const copies = (await onServer(target.id, text)).map((m) => m.id)
    expect(copies).toHaveLength(3) // one duplicate the server made; the later reply is not lost
    const first = outbox.list()[0]!
    const second = outbox.list()[1]!
    expect(first.messageId).toBe(copies[0])
    expect(second.messageId).toBe(copies[2])
    // The duplicate is noticed and owned by the first entry, so no other entry can take it for its own.
    const stored = reopenStore<OutboxStoreData>(dir).get(OUTBOX_KEY) as StoredOutboxEntry[]
    expect(stored[0]!.duplicateMessageIds).toEqual([copies[1]])
    expect(await replyPosts()).toHaveLength(3)
  })
})
