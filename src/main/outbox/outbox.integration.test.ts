/**
 * The outbox against the real sandbox over HTTP, with the real client and a
 * real `conf` store: a reply is never lost and never sent twice. The thread
 * and the sandbox's request log are the witnesses.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { OutboxEntry } from '../../shared/ipc/contract'
import { createInboxClient } from '../api/client'
import type { InboxApi } from '../api/inbox-api'
import {
  eventRecorder,
  findConversation,
  reopenStore,
  startSandboxHarness,
  tempStore,
  type SandboxHarness,
} from '../sync/testing/sandbox-harness'
import {
  createOutbox,
  OUTBOX_KEY,
  type AcceptedReply,
  type Outbox,
  type OutboxStoreData,
  type StoredOutboxEntry,
} from './outbox'

let harness: SandboxHarness
beforeAll(async () => {
  harness = await startSandboxHarness()
})
afterAll(async () => {
  await harness.close()
})

let dispose: () => void = () => undefined
const outboxes: Outbox[] = []
beforeEach(async () => {
  await harness.reset('demo')
})
afterEach(() => {
  for (const outbox of outboxes.splice(0)) outbox.stop()
  dispose()
})

function setup(dir?: string, api: InboxApi = harness.client(), lastKnownMessageId?: (chatId: string) => number | null) {
  const temp = dir ? null : tempStore<OutboxStoreData>()
  if (temp) dispose = temp.dispose
  const storeDir = dir ?? temp!.dir
  const recorder = eventRecorder()
  const accepted: AcceptedReply[] = []
  const outbox = createOutbox({
    api,
    store: temp ? temp.store : reopenStore<OutboxStoreData>(storeDir),
    emit: recorder.emit,
    onAccepted: (reply) => accepted.push(reply),
    backoff: { baseMs: 50, capMs: 200, minMs: 20 },
    ambiguousRetryDelayMs: 100,
    lastKnownMessageId,
  })
  outboxes.push(outbox)
  return { outbox, recorder, accepted, dir: storeDir }
}

const entryOf = (outbox: Outbox, clientId: string): OutboxEntry | undefined =>
  outbox.list().find((e) => e.clientId === clientId)

async function replyTarget() {
  // Not WhatsApp: its 24-hour window is not what these tests are about.
  return findConversation(harness.client(), (c) => !c.archived && c.channel.type !== 'whatsapp')
}

async function outboundWithText(chatId: string, text: string) {
  const api = harness.client()
  const conversation = (await api.listConversations({ archived: 'any' })).find((c) => c.id === chatId)
  const page = await api.getMessages(chatId, { idTo: conversation!.lastMessage!.id })
  return page.data.filter((m) => m.direction === 'outbound' && m.content.text === text)
}

const replyPosts = async () =>
  (await harness.requestLog()).filter((r) => r.method === 'POST' && r.path === '/conversations/reply')

describe('reply outbox against the sandbox', () => {
  it('writes the reply to disk before sending, then marks it accepted with its message id', async () => {
    const { outbox, recorder, accepted, dir } = setup()
    await outbox.resume()
    const target = await replyTarget()
    const entry = outbox.enqueue({ clientId: 'client-0001', chatId: target.id, text: 'Thanks, checking now.' })
    // On disk the moment enqueue returns, before any request could have been answered.
    const onDisk = reopenStore<OutboxStoreData>(dir).get(OUTBOX_KEY) as StoredOutboxEntry[]
    expect(onDisk.map((e) => [e.clientId, e.text])).toEqual([['client-0001', 'Thanks, checking now.']])
    expect(entry.state).toBe('pending')

    await expect.poll(() => entryOf(outbox, 'client-0001')?.state).toBe('accepted')
    const messages = await outboundWithText(target.id, 'Thanks, checking now.')
    expect(messages).toHaveLength(1)
    expect(entryOf(outbox, 'client-0001')?.messageId).toBe(messages[0]!.id)
    expect(accepted).toEqual([{ clientId: 'client-0001', chatId: target.id, messageId: messages[0]!.id }])
    const states = recorder.of('outboxChanged').map((list) => list.find((e) => e.clientId === 'client-0001')?.state)
    expect(states).toContain('sending')
    expect(states.at(-1)).toBe('accepted')
    // Enqueuing the same clientId again (the renderer retried its call) sends nothing new.
    outbox.enqueue({ clientId: 'client-0001', chatId: target.id, text: 'Thanks, checking now.' })
    await outbox.whenIdle()
    expect(await replyPosts()).toHaveLength(1)
  })

  it('a reply whose connection drops after the server committed it makes exactly one message', async () => {
    const target = await replyTarget()
    // With the sync engine's hint of where the thread ends (here a stale one: reading forward copes).
    const { outbox } = setup(undefined, harness.client(), () => target.lastMessage!.id - 3)
    await outbox.resume()
    await harness.faults({ method: 'POST', path: '/conversations/reply', mode: 'drop-after-commit', times: 1 })
    outbox.enqueue({ clientId: 'client-drop-1', chatId: target.id, text: 'Your refund is approved.' })
    await expect.poll(() => entryOf(outbox, 'client-drop-1')?.state, { timeout: 10_000 }).toBe('accepted')
    const messages = await outboundWithText(target.id, 'Your refund is approved.')
    expect(messages).toHaveLength(1)
    expect(entryOf(outbox, 'client-drop-1')?.messageId).toBe(messages[0]!.id)
    const posts = await replyPosts()
    expect(posts).toHaveLength(1)
    expect(posts[0]?.dropped).toBe(true)
  })

  it('two identical replies in a row both go out, even when the first one’s answer was lost', async () => {
    const { outbox } = setup()
    await outbox.resume()
    const target = await replyTarget()
    await harness.faults({ method: 'POST', path: '/conversations/reply', mode: 'drop-after-commit', times: 1 })
    outbox.enqueue({ clientId: 'client-same-1', chatId: target.id, text: 'OK' })
    outbox.enqueue({ clientId: 'client-same-2', chatId: target.id, text: 'OK' })
    await expect.poll(() => outbox.list().map((e) => e.state), { timeout: 10_000 }).toEqual(['accepted', 'accepted'])
    const messages = await outboundWithText(target.id, 'OK')
    expect(messages).toHaveLength(2)
    expect(outbox.list().map((e) => e.messageId)).toEqual(messages.map((m) => m.id))
    expect(await replyPosts()).toHaveLength(2)
  })

  it('after a restart, a reply left "sending" is sent exactly once (it had not reached the server)', async () => {
    const first = setup()
    await first.outbox.resume()
    const target = await replyTarget()
    // What a crash mid-POST leaves on disk, with the request lost on the way.
    const crashed: StoredOutboxEntry = {
      clientId: 'client-crash-1',
      chatId: target.id,
      text: 'Sorry for the wait!',
      state: 'sending',
      createdAt: new Date().toISOString(),
      attempts: 1,
      messageId: null,
      error: null,
      baselineMessageId: target.lastMessage!.id,
      needsReconcile: false,
      nextAttemptAt: null,
      heldForAuth: false,
    }
    first.outbox.stop()
    reopenStore<OutboxStoreData>(first.dir).set(OUTBOX_KEY, [crashed])

    const restarted = setup(first.dir)
    await restarted.outbox.resume()
    await expect.poll(() => entryOf(restarted.outbox, 'client-crash-1')?.state).toBe('accepted')
    expect(await outboundWithText(target.id, 'Sorry for the wait!')).toHaveLength(1)
    expect(await replyPosts()).toHaveLength(1)
    // Checked the thread before sending.
    const log = await harness.requestLog()
    const read = log.findIndex((r) => r.path.endsWith('/messages') && r.query.startsWith('idFrom='))
    const post = log.findIndex((r) => r.path === '/conversations/reply')
    expect(read).toBeGreaterThanOrEqual(0)
    expect(read).toBeLessThan(post)
  })

  it('after a restart, a reply left "sending" that did reach the server is not sent again', async () => {
    const first = setup()
    await first.outbox.resume()
    const target = await replyTarget()
    // The POST went out and was processed; the app died before saving the answer.
    const sent = await harness.client().sendReply(target.id, 'Your order shipped today.')
    const crashed: StoredOutboxEntry = {
      clientId: 'client-crash-2',
      chatId: target.id,
      text: 'Your order shipped today.',
      state: 'sending',
      createdAt: new Date().toISOString(),
      attempts: 1,
      messageId: null,
      error: null,
      baselineMessageId: target.lastMessage!.id,
      needsReconcile: false,
      nextAttemptAt: null,
      heldForAuth: false,
    }
    first.outbox.stop()
    reopenStore<OutboxStoreData>(first.dir).set(OUTBOX_KEY, [crashed])

    const restarted = setup(first.dir)
    await restarted.outbox.resume()
    await expect.poll(() => entryOf(restarted.outbox, 'client-crash-2')?.state).toBe('accepted')
    expect(entryOf(restarted.outbox, 'client-crash-2')?.messageId).toBe(sent.messageId)
    expect(restarted.accepted).toEqual([{ clientId: 'client-crash-2', chatId: target.id, messageId: sent.messageId }])
    expect(await outboundWithText(target.id, 'Your order shipped today.')).toHaveLength(1)
    expect(await replyPosts()).toHaveLength(1) // the one made before the "crash"
  })

  it('a 502 is retried and then succeeds: one message', async () => {
    const { outbox } = setup()
    await outbox.resume()
    const target = await replyTarget()
    await harness.faults({ method: 'POST', path: '/conversations/reply', status: 502, times: 1 })
    outbox.enqueue({ clientId: 'client-502-1', chatId: target.id, text: 'Retry me' })
    await expect.poll(() => entryOf(outbox, 'client-502-1')?.state).toBe('accepted')
    expect((await replyPosts()).map((r) => r.status)).toEqual([502, 202])
    expect(await outboundWithText(target.id, 'Retry me')).toHaveLength(1)
    expect(entryOf(outbox, 'client-502-1')?.attempts).toBe(2)
  })

  it('a 429 waits for Retry-After, then sends once', async () => {
    const { outbox } = setup()
    await outbox.resume()
    const target = await replyTarget()
    await harness.faults({ method: 'POST', path: '/conversations/reply', status: 429, retryAfter: 1, times: 1 })
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
    const restarted = setup(dir)
    await restarted.outbox.resume()
    expect(entryOf(restarted.outbox, 'client-404-1')?.state).toBe('failed')

    restarted.outbox.retry('client-404-1')
    await expect.poll(() => entryOf(restarted.outbox, 'client-404-1')?.state).toBe('failed')
    restarted.outbox.discard('client-404-1')
    expect(restarted.outbox.list()).toEqual([])
    expect(reopenStore<OutboxStoreData>(dir).get(OUTBOX_KEY)).toEqual([])
  })

  it('a refused key holds replies (not failed, not lost) until resumed with a new key', async () => {
    const { outbox } = setup()
    await outbox.resume()
    const target = await replyTarget()
    await harness.faults({ method: 'POST', path: '/conversations/reply', status: 401 })
    outbox.enqueue({ clientId: 'client-401-1', chatId: target.id, text: 'Held' })
    await expect.poll(() => entryOf(outbox, 'client-401-1')?.error?.kind).toBe('unauthorized')
    expect(entryOf(outbox, 'client-401-1')?.state).toBe('pending')
    await outbox.whenIdle()
    expect(await replyPosts()).toHaveLength(1) // held: no retry loop against a refused key
    await harness.clearFaults()
    await outbox.resume() // the core does this once a new key is set
    await expect.poll(() => entryOf(outbox, 'client-401-1')?.state).toBe('accepted')
    expect(await outboundWithText(target.id, 'Held')).toHaveLength(1)
  })

  it('replies waiting on a lost network go as soon as it is back, not at the end of their backoff', async () => {
    const target = await replyTarget()
    // The same outbox sees no server at first (a closed port), then the sandbox.
    const unreachable = createInboxClient({ baseUrl: 'http://127.0.0.1:9', apiKey: 'k', fetch: globalThis.fetch })
    let current: InboxApi = unreachable
    const switchable = Object.fromEntries(
      (Object.keys(harness.client()) as Array<keyof InboxApi>).map((name) => [
        name,
        (...args: unknown[]) => (current[name] as (...a: unknown[]) => unknown)(...args),
      ]),
    ) as unknown as InboxApi
    const temp = tempStore<OutboxStoreData>()
    dispose = temp.dispose
    const outbox = createOutbox({
      api: switchable,
      store: temp.store,
      emit: () => undefined,
      backoff: { baseMs: 10 * 60_000, capMs: 10 * 60_000, minMs: 10 * 60_000 },
    })
    outboxes.push(outbox)
    await outbox.resume()
    outbox.enqueue({ clientId: 'client-offline-1', chatId: target.id, text: 'Back online' })
    await expect.poll(() => entryOf(outbox, 'client-offline-1')?.error?.kind).toBe('network')
    expect(entryOf(outbox, 'client-offline-1')?.state).toBe('pending')
    current = harness.client()
    outbox.networkBack()
    await expect.poll(() => entryOf(outbox, 'client-offline-1')?.state).toBe('accepted')
    expect(await outboundWithText(target.id, 'Back online')).toHaveLength(1)
  })

  it('refuses to discard a reply while it is being sent', async () => {
    const { outbox } = setup()
    await outbox.resume()
    const target = await replyTarget()
    await harness.faults({ method: 'POST', path: '/conversations/reply', delayMs: 500, times: 1 })
    outbox.enqueue({ clientId: 'client-busy-1', chatId: target.id, text: 'In flight' })
    await expect.poll(() => entryOf(outbox, 'client-busy-1')?.state).toBe('sending')
    expect(() => outbox.discard('client-busy-1')).toThrow(/being sent/)
    await expect.poll(() => entryOf(outbox, 'client-busy-1')?.state).toBe('accepted')
  })

  it('a 400 from the send itself fails the entry with the server’s reason', async () => {
    const { outbox } = setup()
    await outbox.resume()
    const target = await replyTarget()
    await harness.faults({ method: 'POST', path: '/conversations/reply', status: 400, times: 1 })
    outbox.enqueue({ clientId: 'client-400-1', chatId: target.id, text: 'Bad' })
    await expect.poll(() => entryOf(outbox, 'client-400-1')?.state).toBe('failed')
    expect(entryOf(outbox, 'client-400-1')?.error?.kind).toBe('bad_request')
    expect(await outboundWithText(target.id, 'Bad')).toHaveLength(0)
  })
})
