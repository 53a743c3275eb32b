/**
 * The reply outbox: a reply is never lost, and never sent twice.
 *
 * - Every reply is written to the persisted store BEFORE anything is sent, and
 *   every state change is written before the next step (in particular `sending`
 *   is on disk before the POST leaves).
 * - The API has no idempotency key. So when a POST may have been processed
 *   without our knowing (timeout, connection dropped after sending, a crash
 *   while `sending`), the thread is read before sending again: an outbound
 *   message with the same text and an id above the last id known before the
 *   first attempt is our reply. Message ids grow in creation order, which makes
 *   "created after the first attempt" exact without comparing clocks.
 * - Replies of one conversation go out in order; a failing one holds back the
 *   later ones of the same conversation only.
 */
import { z } from 'zod'
import type { Message } from '../../shared/api/schemas'
import type { BridgeError, OutboxEntry } from '../../shared/ipc/contract'
import { ApiError, type InboxApi } from '../api/inbox-api'
import type { KeyValueStore, ShellAdapters } from '../core/adapters'
import { BridgeFailure } from '../core/errors'
import { silentLogger, type Logger } from '../log'
import { backoffDelayMs, defaultBackoffPolicy, type BackoffPolicy } from '../sync/backoff'
import { systemScheduler, type Scheduler, type TimerHandle } from '../sync/scheduler'
import { toBridgeError } from '../api/client'

const bridgeErrorSchema = z.object({
  kind: z.string(),
  message: z.string(),
  retryAfterMs: z.number().optional(),
  detail: z.string().optional(),
})

const storedEntrySchema = z.object({
  clientId: z.string().min(1),
  chatId: z.string().min(1),
  text: z.string().min(1),
  state: z.enum(['pending', 'sending', 'accepted', 'failed']),
  createdAt: z.string(),
  attempts: z.number().int().min(0),
  messageId: z.number().int().nullable(),
  error: bridgeErrorSchema.nullable(),
  /** The newest message id of the thread read just before the first attempt
   * (0: empty thread). Any copy of this reply on the server has a higher id. */
  baselineMessageId: z.number().int().min(0).nullable(),
  /** A previous attempt may have been processed: read the thread before sending again. */
  needsReconcile: z.boolean(),
  /** No attempt before this instant (ms, local clock). */
  nextAttemptAt: z.number().nullable(),
  /** The account's key was refused: wait for `resume()` with a new key. */
  heldForAuth: z.boolean().default(false),
})
export type StoredOutboxEntry = z.infer<typeof storedEntrySchema>

export const OUTBOX_KEY = 'outboxEntries'
export const OUTBOX_REJECTED_KEY = 'outboxUnreadableEntries'
export interface OutboxStoreData extends Record<string, unknown> {
  outboxEntries: unknown
  outboxUnreadableEntries: unknown
}

export interface AcceptedReply {
  clientId: string
  chatId: string
  messageId: number
}

export interface OutboxOptions {
  api: InboxApi
  store: KeyValueStore<OutboxStoreData>
  emit: ShellAdapters['emit']
  /** A reply reached the server (by a 202 or found in the thread): tell the
   * sync engine to follow its status (`noteOwnAction({type:'reply',…})`). */
  onAccepted?(reply: AcceptedReply): void
  scheduler?: Scheduler
  backoff?: BackoffPolicy
  random?: () => number
  log?: Logger
  /** The newest message id the app already knows in a conversation (the sync
   * engine's `getConversation(chatId)?.lastMessage?.id`): where reading the
   * end of the thread starts before the first attempt. */
  lastKnownMessageId?(chatId: string): number | null | undefined
  /** Accepted entries stay listed this long (the renderer matches its bubbles), then go. */
  keepAcceptedMs?: number
  /** After an ambiguous failure, wait at least this long before reading the
   * thread: a slow server may still be finishing the request. Default 2 s. */
  ambiguousRetryDelayMs?: number
}

export interface Outbox {
  /** Reads the persisted entries and sends what is left, reconciling anything
   * that may already have reached the server. Call once at start, and again
   * after a new key was set (entries held by a 401 go out then). */
  resume(): Promise<void>
  /** Persists the reply, then sends it. Resolves once it is on disk. Enqueuing
   * the same clientId twice returns the existing entry (the renderer may retry its call). */
  enqueue(reply: { clientId: string; chatId: string; text: string }): OutboxEntry
  list(): OutboxEntry[]
  /** A failed (or waiting) entry: try again now. */
  retry(clientId: string): OutboxEntry
  /** Forget an entry the agent gave up on. Not allowed while it is being sent. */
  discard(clientId: string): void
  /** The network is back (or the machine woke up): replies waiting after a
   * network failure go now instead of at the end of their backoff. A server's
   * Retry-After still holds. */
  networkBack(): void
  /** Resolves when no send is in flight and nothing is due now (a retry may be
   * planned for later). For tests and shutdown. */
  whenIdle(): Promise<void>
  stop(): void
}

const DEFAULT_KEEP_ACCEPTED_MS = 60 * 60_000
const DEFAULT_AMBIGUOUS_RETRY_DELAY_MS = 2_000
const MAX_RECONCILE_PAGES = 20

export function createOutbox(options: OutboxOptions): Outbox {
  const { api, store, emit } = options
  const scheduler = options.scheduler ?? systemScheduler
  const backoffPolicy = options.backoff ?? defaultBackoffPolicy
  const random = options.random ?? Math.random
  const log = options.log ?? silentLogger
  const keepAcceptedMs = options.keepAcceptedMs ?? DEFAULT_KEEP_ACCEPTED_MS
  const ambiguousRetryDelayMs = options.ambiguousRetryDelayMs ?? DEFAULT_AMBIGUOUS_RETRY_DELAY_MS

  let entries: StoredOutboxEntry[] = []
  let loaded = false
  let stopped = false
  let timer: TimerHandle | null = null
  let working: Promise<void> | null = null
  let idleWaiters: Array<() => void> = []

  function load(): void {
    if (loaded) return
    loaded = true
    const raw = store.get(OUTBOX_KEY)
    if (raw === undefined || raw === null) return
    if (!Array.isArray(raw)) {
      quarantine([raw], 'the outbox is not a list')
      return
    }
    const unreadable: unknown[] = []
    for (const item of raw) {
      const parsed = storedEntrySchema.safeParse(item)
      if (parsed.success) entries.push(parsed.data)
      else unreadable.push(item)
    }
    if (unreadable.length > 0) quarantine(unreadable, `${unreadable.length} outbox entries are unreadable`)
  }

  /** Keeps what cannot be read beside the outbox instead of dropping a reply silently. */
  function quarantine(items: unknown[], why: string): void {
    const previous = store.get(OUTBOX_REJECTED_KEY)
    store.set(OUTBOX_REJECTED_KEY, [...(Array.isArray(previous) ? previous : []), ...items])
    log.error(`${why}; kept under "${OUTBOX_REJECTED_KEY}" in ${store.path}`)
  }

  function persistAndEmit(): void {
    store.set(OUTBOX_KEY, entries)
    emit('outboxChanged', publicList())
  }

  function publicList(): OutboxEntry[] {
    return entries.map(toPublic)
  }

  function find(clientId: string): StoredOutboxEntry {
    const entry = entries.find((e) => e.clientId === clientId)
    if (!entry) throw new BridgeFailure('not_found', 'This reply is no longer in the outbox.')
    return entry
  }

  function update(entry: StoredOutboxEntry, changes: Partial<StoredOutboxEntry>): void {
    Object.assign(entry, changes)
    persistAndEmit()
  }

  function pruneAccepted(): void {
    const cutoff = scheduler.now() - keepAcceptedMs
    const before = entries.length
    entries = entries.filter((e) => e.state !== 'accepted' || Date.parse(e.createdAt) >= cutoff)
    if (entries.length !== before) persistAndEmit()
  }

  /** The next entry allowed to go: the oldest unfinished one of its conversation, due now. */
  function nextDue(): { entry: StoredOutboxEntry | null; waitMs: number | null } {
    const now = scheduler.now()
    const blockedChats = new Set<string>()
    let soonest: number | null = null
    for (const entry of entries) {
      if (entry.state === 'accepted') continue
      if (blockedChats.has(entry.chatId)) continue
      blockedChats.add(entry.chatId)
      if (entry.state === 'failed' || entry.heldForAuth) continue
      const dueAt = entry.nextAttemptAt ?? now
      if (dueAt <= now) return { entry, waitMs: null }
      soonest = soonest === null ? dueAt : Math.min(soonest, dueAt)
    }
    return { entry: null, waitMs: soonest === null ? null : soonest - now }
  }

  function kick(): void {
    if (stopped || working) return
    if (timer !== null) scheduler.clearTimeout(timer)
    timer = null
    const run = (async () => {
      await Promise.resolve() // `working` is set before the loop can finish
      for (;;) {
        if (stopped) return
        const { entry, waitMs } = nextDue()
        if (!entry) {
          if (waitMs !== null) timer = scheduler.setTimeout(kick, waitMs)
          return
        }
        await attempt(entry)
      }
    })()
    working = run
    const done = () => {
      working = null
      const waiters = idleWaiters
      idleWaiters = []
      for (const resolve of waiters) resolve()
      // Something enqueued between the loop's last look and now.
      if (!stopped && timer === null && nextDue().entry) kick()
    }
    run.then(done, (error: unknown) => {
      log.error('the outbox stopped on an unexpected error; it resumes with the next reply or restart', error)
      done()
    })
  }

  async function attempt(entry: StoredOutboxEntry): Promise<void> {
    try {
      if (entry.baselineMessageId === null) {
        // Before the first POST: remember where the thread ends, so that a copy
        // of this reply can be recognised later by its id alone.
        update(entry, { baselineMessageId: await newestMessageId(entry.chatId) })
      }
      if (entry.needsReconcile) {
        const found = await findOnServer(entry)
        if (found) {
          log.info(`reply ${entry.clientId} was already accepted as message ${found.id}; not sending again`)
          markAccepted(entry, found.id)
          return
        }
        update(entry, { needsReconcile: false })
      }
      // On disk as `sending` (and counted) before the request leaves: a crash
      // from here on is reconciled at the next start.
      update(entry, { state: 'sending', attempts: entry.attempts + 1, error: null })
      const response = await api.sendReply(entry.chatId, entry.text)
      markAccepted(entry, response.messageId)
    } catch (error) {
      handleFailure(entry, error)
    }
  }

  function markAccepted(entry: StoredOutboxEntry, messageId: number): void {
    update(entry, {
      state: 'accepted',
      messageId,
      error: null,
      needsReconcile: false,
      nextAttemptAt: null,
      heldForAuth: false,
    })
    try {
      options.onAccepted?.({ clientId: entry.clientId, chatId: entry.chatId, messageId })
    } catch (error) {
      log.error('onAccepted listener failed', error)
    }
  }

  function handleFailure(entry: StoredOutboxEntry, error: unknown): void {
    const bridgeError = toBridgeError(error)
    const wasSending = entry.state === 'sending'
    if (error instanceof ApiError && (error.kind === 'bad_request' || error.kind === 'not_found')) {
      // Refused for good: nothing was processed. The agent retries or discards.
      log.warn(`reply ${entry.clientId} refused: ${error.message}`)
      update(entry, { state: 'failed', error: bridgeError, nextAttemptAt: null })
      return
    }
    if (error instanceof ApiError && error.kind === 'unauthorized') {
      update(entry, { state: 'pending', error: bridgeError, heldForAuth: true, nextAttemptAt: null })
      return
    }
    const ambiguous = wasSending && isAmbiguous(error)
    const failures = entry.attempts + (wasSending ? 0 : 1)
    let delayMs = backoffDelayMs(Math.max(1, failures), error, backoffPolicy, random)
    if (ambiguous) delayMs = Math.max(delayMs, ambiguousRetryDelayMs)
    log.warn(
      `reply ${entry.clientId}: ${ambiguous ? 'outcome unknown, will check the thread' : 'not sent'}; retry in ${delayMs} ms`,
      error,
    )
    update(entry, {
      state: 'pending',
      error: bridgeError,
      needsReconcile: entry.needsReconcile || ambiguous,
      nextAttemptAt: scheduler.now() + delayMs,
    })
  }

  /** The id of the newest message in the thread right now. Reads forward from
   * the sync engine's last known id (one short request when it is current; a
   * stale hint only costs a page more), or from the start without a hint. */
  async function newestMessageId(chatId: string): Promise<number> {
    let newest = Math.max(0, options.lastKnownMessageId?.(chatId) ?? 0)
    for (;;) {
      const page = await api.getMessages(chatId, { idFrom: newest + 1 })
      const last = page.data.at(-1)
      if (!last) return newest
      newest = last.id
      if (!page.hasMore) return newest
    }
  }

  /** An outbound message with our text, created after the first attempt, that
   * no other entry of this outbox already owns. */
  async function findOnServer(entry: StoredOutboxEntry): Promise<Message | null> {
    const claimed = new Set(entries.flatMap((e) => (e !== entry && e.messageId !== null ? [e.messageId] : [])))
    let idFrom = (entry.baselineMessageId ?? 0) + 1
    for (let page = 0; page < MAX_RECONCILE_PAGES; page += 1) {
      const result = await api.getMessages(entry.chatId, { idFrom })
      const match = result.data.find(
        (m) => m.direction === 'outbound' && m.content.text === entry.text && !claimed.has(m.id),
      )
      if (match) return match
      const last = result.data.at(-1)
      if (!result.hasMore || !last) return null
      idFrom = last.id + 1
    }
    // Hundreds of messages since the first attempt and none is ours: sending
    // again is the lesser evil than holding the reply forever.
    log.warn(`reply ${entry.clientId}: gave up looking after ${MAX_RECONCILE_PAGES} pages`)
    return null
  }

  const outbox: Outbox = {
    async resume() {
      load()
      stopped = false
      let changed = false
      for (const entry of entries) {
        if (entry.state !== 'sending' && entry.state !== 'pending') continue
        // Left mid-flight by a crash or quit (`sending`), or after an attempt:
        // treat the outcome as unknown and check the thread before sending.
        // A `pending` entry with no attempt was never POSTed (`sending` is
        // written first), so it needs no check.
        const reconcile = entry.needsReconcile || entry.state === 'sending' || entry.attempts > 0
        Object.assign(entry, { state: 'pending', needsReconcile: reconcile, heldForAuth: false, nextAttemptAt: null })
        changed = true
      }
      if (changed) persistAndEmit()
      else emit('outboxChanged', publicList())
      pruneAccepted()
      kick()
      await outbox.whenIdle()
    },
    enqueue({ clientId, chatId, text }) {
      load()
      const existing = entries.find((e) => e.clientId === clientId)
      if (existing) return toPublic(existing)
      const entry: StoredOutboxEntry = {
        clientId,
        chatId,
        text,
        state: 'pending',
        createdAt: new Date(scheduler.now()).toISOString(),
        attempts: 0,
        messageId: null,
        error: null,
        baselineMessageId: null,
        needsReconcile: false,
        nextAttemptAt: null,
        heldForAuth: false,
      }
      entries.push(entry)
      persistAndEmit() // on disk before anything is sent
      kick()
      return toPublic(entry)
    },
    list() {
      load()
      return publicList()
    },
    retry(clientId) {
      load()
      const entry = find(clientId)
      if (entry.state === 'accepted' || entry.state === 'sending') return toPublic(entry)
      update(entry, { state: 'pending', error: null, nextAttemptAt: null, heldForAuth: false })
      kick()
      return toPublic(entry)
    },
    discard(clientId) {
      load()
      const entry = find(clientId)
      if (entry.state === 'sending') {
        throw new BridgeFailure('invalid_argument', 'This reply is being sent right now; wait for the outcome.')
      }
      entries = entries.filter((e) => e !== entry)
      persistAndEmit()
      kick() // a later reply of the same conversation may go now
    },
    networkBack() {
      load()
      let changed = false
      for (const entry of entries) {
        const waitingOnNetwork = entry.error?.kind === 'network' || entry.error?.kind === 'timeout'
        if (entry.state === 'pending' && !entry.heldForAuth && waitingOnNetwork && entry.nextAttemptAt !== null) {
          entry.nextAttemptAt = null
          changed = true
        }
      }
      if (changed) persistAndEmit()
      kick()
    },
    whenIdle() {
      if (!working) return Promise.resolve()
      return new Promise((resolve) => idleWaiters.push(resolve))
    },
    stop() {
      stopped = true
      if (timer !== null) scheduler.clearTimeout(timer)
      timer = null
      const waiters = idleWaiters
      idleWaiters = []
      for (const resolve of waiters) resolve()
    },
  }
  return outbox
}

/** A failure after which the server may have processed the reply anyway. */
function isAmbiguous(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true // unknown failure: assume the worst, check the thread
  if (error.details.ambiguous !== undefined) return error.details.ambiguous
  // The server answered with a refusal: nothing was processed.
  if (error.kind === 'rate_limited' || error.kind === 'unavailable') return false
  return error.kind === 'timeout' || error.kind === 'invalid_response' || error.kind === 'network'
}

function toPublic(entry: StoredOutboxEntry): OutboxEntry {
  return {
    clientId: entry.clientId,
    chatId: entry.chatId,
    text: entry.text,
    state: entry.state,
    createdAt: entry.createdAt,
    attempts: entry.attempts,
    messageId: entry.messageId,
    baselineMessageId: entry.baselineMessageId,
    error: entry.error as BridgeError | null,
  }
}
