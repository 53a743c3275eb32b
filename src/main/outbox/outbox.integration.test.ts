/**
 * The outbox against the real sandbox over HTTP, with the real client and a
 * real `conf` file: definite answers (2xx, 400, 404, 401, 429), the network
 * coming back, the cap, parallel conversations and the order within one.
 * Ambiguous ends are in outbox.ambiguous.integration.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { createInboxClient } from '../api/client'
import type { InboxApi } from '../ports/inbox-api'
import { reopenStore, tempStore } from '../testing/sandbox-harness'
import { createOutbox, OUTBOX_KEY, type OutboxStoreData, type StoredOutboxEntry } from './outbox'
import { outboxSpec, REPLY_PATH } from './testing/outbox-harness'

const spec = outboxSpec()
const { setup, replyTarget, onServer, replyPosts, entryOf } = spec

describe('reply outbox: definite answers', () => {
  it('writes the reply to disk before sending, then marks it accepted with its message id', async () => {
    const { outbox, recorder, accepted, dir } = setup()
    await outbox.resume()
    const target = await replyTarget()
    const entry = outbox.enqueue({ clientId: 'client-0001', chatId: target.id, text: 'Thanks, checking now.' })
    // On disk the moment enqueue returns, before any request could have been answered.
    const onDisk = reopenStore<OutboxStoreData>(dir).get(OUTBOX_KEY) as StoredOutboxEntry[]
    expect(onDisk.map((e) => [e.clientId, e.text, e.version])).toEqual([['client-0001', 'Thanks, checking now.', 2]])
    expect(entry.state).toBe('pending')

    await expect.poll(() => entryOf(outbox, 'client-0001')?.state).toBe('accepted')
    const messages = await onServer(target.id, 'Thanks, checking now.')
    expect(messages).toHaveLength(1)
    expect(entryOf(outbox, 'client-0001')?.messageId).toBe(messages[0]!.id)
    expect(accepted).toEqual([{ clientId: 'client-0001', chatId: target.id, messageId: messages[0]!.id }])
    const states = recorder.of('outboxChanged').map((list) => list.find((e) => e.clientId === 'client-0001')?.state)
    expect(states).toContain('sending')
    expect(states.at(-1)).toBe('accepted')
    // The attempt was on disk, with its start, while the POST was out.
    const attempts = (reopenStore<OutboxStoreData>(dir).get(OUTBOX_KEY) as StoredOutboxEntry[])[0]!.attempts
    expect(attempts.map((a) => a.outcome)).toEqual(['accepted'])
    // Enqueuing the same clientId again (the renderer retried its call) sends nothing new.
    outbox.enqueue({ clientId: 'client-0001', chatId: target.id, text: 'Thanks, checking now.' })
    await outbox.whenIdle()
    expect(await replyPosts()).toHaveLength(1)
  })

  it('a 429 waits for Retry-After, then sends once', async () => {
    const { outbox } = setup()
    await outbox.resume()
    const target = await replyTarget()
    await spec.harness.faults({ method: 'POST', path: REPLY_PATH, status: 429, retryAfter: 1, times: 1 })
    outbox.enqueue({ clientId: 'client-429-1', chatId: target.id, text: 'Patience' })
    await expect.poll(() => entryOf(outbox, 'client-429-1')?.state, { timeout: 5_000 }).toBe('accepted')
    const posts = await replyPosts()
    expect(posts.map((r) => r.status)).toEqual([429, 202])
    expect(Date.parse(posts[1]!.at) - Date.parse(posts[0]!.at)).toBeGreaterThanOrEqual(1_000)
  })

  it('a 404 fails for good and is kept with its reason until retried or discarded', async () => {
    const { outbox, dir } = setup()
    await outbox.resume()
    outbox.enqueue({ clientId: 'client-404-1', chatId: 'no-such-chat', text: 'Hello?' })
    await expect.poll(() => entryOf(outbox, 'client-404-1')?.state).toBe('failed')
    const failed = entryOf(outbox, 'client-404-1')!
    expect(failed.error?.kind).toBe('not_found')
    expect(failed.error?.message).toMatch(/no longer exists/)
    expect(await replyPosts()).toHaveLength(0) // refused before sending: the thread itself is gone

    // Still there after a restart, still failed (never silently resent).
    outbox.stop()
    const restarted = setup({ dir })
    await restarted.outbox.resume()
    expect(entryOf(restarted.outbox, 'client-404-1')?.state).toBe('failed')

    restarted.outbox.retry('client-404-1')
    await expect.poll(() => entryOf(restarted.outbox, 'client-404-1')?.state).toBe('failed')
    restarted.outbox.discard('client-404-1')
    expect(restarted.outbox.list()).toEqual([])
    expect(reopenStore<OutboxStoreData>(dir).get(OUTBOX_KEY)).toEqual([])
  })

  it('a 400 from the send itself fails the entry with the server’s reason', async () => {
    const { outbox } = setup()
    await outbox.resume()
    const target = await replyTarget()
    await spec.harness.faults({ method: 'POST', path: REPLY_PATH, status: 400, times: 1 })
    outbox.enqueue({ clientId: 'client-400-1', chatId: target.id, text: 'Bad' })
    await expect.poll(() => entryOf(outbox, 'client-400-1')?.state).toBe('failed')
    expect(entryOf(outbox, 'client-400-1')?.error?.kind).toBe('bad_request')
    expect(await onServer(target.id, 'Bad')).toHaveLength(0)
  })

  it('a refused key holds replies (not failed, not lost) until resumed with a new key', async () => {
    const { outbox } = setup()
    await outbox.resume()
    const target = await replyTarget()
    await spec.harness.faults({ method: 'POST', path: REPLY_PATH, status: 401 })
    outbox.enqueue({ clientId: 'client-401-1', chatId: target.id, text: 'Held' })
    await expect.poll(() => entryOf(outbox, 'client-401-1')?.error?.kind).toBe('unauthorized')
    expect(entryOf(outbox, 'client-401-1')?.state).toBe('pending')
    await outbox.whenIdle()
    expect(await replyPosts()).toHaveLength(1) // held: no retry loop against a refused key
    await spec.harness.clearFaults()
    await outbox.resume() // the core does this once a new key is set
    await expect.poll(() => entryOf(outbox, 'client-401-1')?.state).toBe('accepted')
    expect(await onServer(target.id, 'Held')).toHaveLength(1)
  })

  it('replies waiting on a lost network go as soon as it is back, not at the end of their backoff', async () => {
    const target = await replyTarget()
    // The same outbox sees no server at first (a closed port: provably not sent), then the sandbox.
    const unreachable = createInboxClient({ baseUrl: 'http://127.0.0.1:9', apiKey: 'k', fetch: globalThis.fetch })
    let current: InboxApi = unreachable
    const switchable = Object.fromEntries(
      (Object.keys(spec.harness.client()) as Array<keyof InboxApi>).map((name) => [
        name,
        (...args: unknown[]) => (current[name] as (...a: unknown[]) => unknown)(...args),
      ]),
    ) as unknown as InboxApi
    const { outbox } = setup({ api: switchable, backoff: { baseMs: 600_000, capMs: 600_000, minMs: 600_000 } })
    await outbox.resume()
    outbox.enqueue({ clientId: 'client-offline-1', chatId: target.id, text: 'Back online' })
    await expect.poll(() => entryOf(outbox, 'client-offline-1')?.error?.kind).toBe('network')
    expect(entryOf(outbox, 'client-offline-1')?.state).toBe('pending')
    current = spec.harness.client()
    outbox.networkBack()
    await expect.poll(() => entryOf(outbox, 'client-offline-1')?.state).toBe('accepted')
    expect(await onServer(target.id, 'Back online')).toHaveLength(1)
  })

  it('refuses to discard a reply while it is being sent', async () => {
    const { outbox } = setup()
    await outbox.resume()
    const target = await replyTarget()
    await spec.harness.faults({ method: 'POST', path: REPLY_PATH, delayMs: 300, times: 1 })
    outbox.enqueue({ clientId: 'client-busy-1', chatId: target.id, text: 'In flight' })
    await expect.poll(() => entryOf(outbox, 'client-busy-1')?.state).toBe('sending')
    expect(() => outbox.discard('client-busy-1')).toThrow(/being sent/)
    await expect.poll(() => entryOf(outbox, 'client-busy-1')?.state).toBe('accepted')
  })

  it('refuses a reply past the cap of unsent entries, with a message saying why, and loses none', async () => {
    const { outbox } = setup({ maxUnsent: 2 })
    await outbox.resume()
    await spec.harness.faults({ method: 'POST', path: REPLY_PATH, status: 401 }) // nothing gets out
    const target = await replyTarget()
    outbox.enqueue({ clientId: 'cap-1', chatId: target.id, text: 'One' })
    outbox.enqueue({ clientId: 'cap-2', chatId: target.id, text: 'Two' })
    expect(() => outbox.enqueue({ clientId: 'cap-3', chatId: target.id, text: 'Three' })).toThrow(
      /already holds 2 replies that are not sent yet/,
    )
    expect(outbox.list().map((e) => e.clientId)).toEqual(['cap-1', 'cap-2'])
  })
})

describe('reply outbox: conversations in parallel, order within one', () => {
  it('a held reply stalls only its own conversation; at most maxParallel go at once', async () => {
    const { outbox, recorder } = setup({ maxParallel: 2, api: spec.harness.client({ timeoutMs: 5_000 }) })
    await outbox.resume()
    const [slow, other, third] = [await replyTarget(0), await replyTarget(1), await replyTarget(2)]
    // The first reply's commit is held 1.5 s (within the client's timeout here).
    await spec.harness.faults({ method: 'POST', path: REPLY_PATH, delayMs: 1_500, times: 1 })
    outbox.enqueue({ clientId: 'slow-1', chatId: slow.id, text: 'Slow one' })
    await expect.poll(() => entryOf(outbox, 'slow-1')?.state).toBe('sending')
    outbox.enqueue({ clientId: 'slow-2', chatId: slow.id, text: 'After the slow one' })
    outbox.enqueue({ clientId: 'other-1', chatId: other.id, text: 'Not held back' })
    outbox.enqueue({ clientId: 'third-1', chatId: third.id, text: 'Waits for a free slot' })
    await expect.poll(() => entryOf(outbox, 'other-1')?.state).toBe('accepted')
    // The other conversation went while the slow one was still out; its own later reply waited.
    expect(entryOf(outbox, 'slow-1')?.state).toBe('sending')
    expect(entryOf(outbox, 'slow-2')?.state).toBe('pending')
    await expect.poll(() => outbox.list().map((e) => e.state), { timeout: 10_000 }).toEqual(Array(4).fill('accepted'))
    const inFlight = recorder.of('outboxChanged').map((list) => list.filter((e) => e.state === 'sending').length)
    expect(Math.max(...inFlight)).toBe(2)
    const [first] = await onServer(slow.id, 'Slow one')
    const [second] = await onServer(slow.id, 'After the slow one')
    expect(first!.id).toBeLessThan(second!.id)
  })

  it('keeps the order of one conversation’s replies through a 502', async () => {
    const { outbox } = setup()
    await outbox.resume()
    const target = await replyTarget()
    await spec.harness.faults({ method: 'POST', path: REPLY_PATH, status: 502, times: 1 })
    for (const n of [1, 2, 3]) outbox.enqueue({ clientId: `order-${n}`, chatId: target.id, text: `Part ${n}` })
    await expect.poll(() => outbox.list().map((e) => e.state), { timeout: 15_000 }).toEqual(Array(3).fill('accepted'))
    const ids = outbox.list().map((e) => e.messageId!)
    expect([...ids].sort((a, b) => a - b)).toEqual(ids)
    for (const n of [1, 2, 3]) expect(await onServer(target.id, `Part ${n}`)).toHaveLength(1)
  })
})

describe('outbox file', () => {
  it('keeps entries it cannot read aside instead of dropping them, and lists the rest', () => {
    const temp = tempStore<OutboxStoreData>()
    try {
      const good = { clientId: 'client-good', chatId: 'chat_1', text: 'Hello', state: 'failed', attempts: 1 }
      const stored = { ...good, createdAt: '2026-11-25T10:00:00.000Z', messageId: null, baselineMessageId: 10 }
      const broken = { clientId: 'client-broken', text: 42 }
      temp.store.set(OUTBOX_KEY, [{ ...stored, error: { kind: 'not_found', message: 'gone' } }, broken])
      // Never called: listing a stored failed entry needs no request.
      const api = createInboxClient({ baseUrl: 'http://127.0.0.1:9', apiKey: 'k', fetch: globalThis.fetch })
      const outbox = createOutbox({ api, store: temp.store, emit: () => undefined })
      expect(outbox.list().map((e) => [e.clientId, e.state])).toEqual([['client-good', 'failed']])
      expect(temp.store.get('outboxUnreadableEntries')).toEqual([broken])
      outbox.stop()
    } finally {
      temp.dispose()
    }
  })
})
