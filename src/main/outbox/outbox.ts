/**
 * The reply outbox: a reply is never lost, and never sent twice.
 *
 * Every reply is on disk before anything is sent, and every change is on disk
 * before the next step. The API has no idempotency key, so an attempt that
 * ended without a definite answer is followed by reads of the thread, never
 * by a blind resend: the rules are in rules.ts and docs/outbox.md. This file
 * is the queue: which entries may run now (order within a conversation, a
 * small bound across conversations), the timers, and the public operations.
 */
import type { OutboxEntry } from '../../shared/ipc/contract'
import type { InboxApi } from '../ports/inbox-api'
import type { KeyValueStore, ShellAdapters } from '../ports/shell-adapters'
import { BridgeFailure } from '../ports/errors'
import { silentLogger } from '../log'
import type { Logger } from '../ports/logger'
import { defaultBackoffPolicy, type BackoffPolicy } from '../ports/backoff'
import { systemScheduler, type Scheduler, type TimerHandle } from '../ports/scheduler'
import { newEntry, toPublic, type StoredOutboxEntry } from './entry'
import { defaultTiming, isSettled, nextStep, ownedIds, type OutboxTiming, type Step } from './rules'
import { createRunner } from './runner'
import { createJsonOutboxStorage, type OutboxStorage, type OutboxStoreData } from './storage'

export { OUTBOX_KEY, OUTBOX_REJECTED_KEY, type OutboxStoreData, type OutboxStorage } from './storage'
export type { StoredOutboxEntry } from './entry'

export interface AcceptedReply {
  clientId: string
  chatId: string
  messageId: number
}

export interface OutboxOptions {
  api: InboxApi
  /** Where entries live. Or `store`: a `conf` file, kept as today's JSON list. */
  storage?: OutboxStorage
  store?: KeyValueStore<OutboxStoreData>
  emit: ShellAdapters['emit']
  /** A reply reached the server (by a 2xx or found in the thread): tell the
   * sync engine to follow its status (`noteOwnAction({type:'reply',…})`). */
  onAccepted?(reply: AcceptedReply): void
  scheduler?: Scheduler
  backoff?: BackoffPolicy
  random?: () => number
  log?: Logger
  /** The newest message id the app already knows in a conversation: where
   * reading the end of the thread starts before the first attempt. */
  lastKnownMessageId?(chatId: string): number | null | undefined
  /** Accepted entries stay listed this long (the renderer matches its bubbles), then go. */
  keepAcceptedMs?: number
  /** The ambiguity window and the reads within it (rules.ts). The window must
   * be at least the API client's request timeout plus a slow-commit margin. */
  timing?: Partial<OutboxTiming>
  /** Conversations whose replies go out at the same time. */
  maxParallel?: number
  /** Entries not yet accepted (waiting, failed, unconfirmed) beyond which a new reply is refused. */
  maxUnsent?: number
}

export interface Outbox {
  /** Reads the persisted entries and carries on where they were (windows
   * continue from each attempt's start). Call once at start, and again after
   * a new key was set (entries held by a 401 go out then). */
  resume(): Promise<void>
  /** Persists the reply, then sends it. Resolves once it is on disk. Enqueuing
   * the same clientId twice returns the existing entry (the renderer may retry its call). */
  enqueue(reply: { clientId: string; chatId: string; text: string }): OutboxEntry
  list(): OutboxEntry[]
  /** A failed entry: try again now. An unconfirmed one: the agent checked the conversation and chose Resend. */
  retry(clientId: string): OutboxEntry
  /** Forget an entry the agent gave up on. Not allowed while it is being sent. */
  discard(clientId: string): void
  /** The network is back: replies waiting on it go (or are checked) now. A server's Retry-After still holds. */
  networkBack(): void
  /** Resolves when no step is in flight and nothing is due now. For tests and shutdown. */
  whenIdle(): Promise<void>
  stop(): void
}

const DEFAULT_KEEP_ACCEPTED_MS = 60 * 60_000
export const DEFAULT_MAX_PARALLEL = 3
export const DEFAULT_MAX_UNSENT = 200

export function createOutbox(options: OutboxOptions): Outbox {
  const { api, emit } = options
  const scheduler = options.scheduler ?? systemScheduler
  const log = options.log ?? silentLogger
  const timing: OutboxTiming = { ...defaultTiming, ...options.timing }
  const maxParallel = Math.max(1, options.maxParallel ?? DEFAULT_MAX_PARALLEL)
  const maxUnsent = options.maxUnsent ?? DEFAULT_MAX_UNSENT
  const keepAcceptedMs = options.keepAcceptedMs ?? DEFAULT_KEEP_ACCEPTED_MS
  const storage = options.storage ?? (options.store ? createJsonOutboxStorage(options.store, log) : null)
  if (!storage) throw new Error('createOutbox needs storage or store')

  let entries: StoredOutboxEntry[] = []
  let loaded = false
  let stopped = false
  let timer: TimerHandle | null = null
  const running = new Map<string, Promise<void>>() // by chatId
  let idleWaiters: Array<() => void> = []

  const runner = createRunner({
    api,
    log,
    timing,
    backoff: options.backoff ?? defaultBackoffPolicy,
    random: options.random ?? Math.random,
    now: () => scheduler.now(),
    commit: update,
    ownedByOthers: (entry) => new Set(entries.flatMap((e) => (e === entry ? [] : ownedIds(e)))),
    lastKnownMessageId: options.lastKnownMessageId,
    onAccepted(entry) {
      if (entry.messageId === null) return
      try {
        options.onAccepted?.({ clientId: entry.clientId, chatId: entry.chatId, messageId: entry.messageId })
      } catch (error) {
        log.error('onAccepted listener failed', error)
      }
    },
  })

  function load(): void {
    if (loaded) return
    loaded = true
    entries = storage!.load(scheduler.now())
  }

  const publicList = () => entries.map(toPublic)
  const emitList = () => emit('outboxChanged', publicList())

  function update(entry: StoredOutboxEntry, changes: Partial<StoredOutboxEntry>): void {
    Object.assign(entry, changes)
    if (!entries.includes(entry)) return // discarded meanwhile
    storage!.save(entry)
    emitList()
  }

  function find(clientId: string): StoredOutboxEntry {
    const entry = entries.find((e) => e.clientId === clientId)
    if (!entry) throw new BridgeFailure('not_found', 'This reply is no longer in the outbox.')
    return entry
  }

  function pruneAccepted(): void {
    const cutoff = scheduler.now() - keepAcceptedMs
    const old = entries.filter((e) => isSettled(e) && Date.parse(e.createdAt) < cutoff)
    if (old.length === 0) return
    entries = entries.filter((e) => !old.includes(e))
    for (const entry of old) storage!.delete(entry.clientId)
    emitList()
  }

  /** Per conversation, the oldest entry that is not settled: only it may run (order within a conversation). */
  function heads(): StoredOutboxEntry[] {
    const seen = new Set<string>()
    const result: StoredOutboxEntry[] = []
    for (const entry of entries) {
      if (isSettled(entry) || seen.has(entry.chatId)) continue
      seen.add(entry.chatId)
      result.push(entry)
    }
    return result
  }

  /** Starts every due step the bound allows; sets one timer for the soonest later one. */
  function kick(): void {
    if (stopped) return
    if (timer !== null) scheduler.clearTimeout(timer)
    timer = null
    const now = scheduler.now()
    let soonest: number | null = null
    for (const entry of heads()) {
      if (running.has(entry.chatId)) continue
      const step = nextStep(entry, timing)
      if (!step) continue
      if (step.at > now) soonest = soonest === null ? step.at : Math.min(soonest, step.at)
      else if (running.size < maxParallel) start(entry, step)
    }
    if (soonest !== null) timer = scheduler.setTimeout(kick, soonest - now)
    if (running.size === 0) releaseIdleWaiters()
  }

  function start(entry: StoredOutboxEntry, step: Step): void {
    const work = runner
      .run(entry, step)
      .catch((error: unknown) => log.error(`the outbox hit an unexpected error on reply ${entry.clientId}`, error))
      .finally(() => {
        running.delete(entry.chatId)
        kick()
      })
    running.set(entry.chatId, work)
  }

  function releaseIdleWaiters(): void {
    const waiters = idleWaiters
    idleWaiters = []
    for (const resolve of waiters) resolve()
  }

  const outbox: Outbox = {
    async resume() {
      load()
      stopped = false
      for (const entry of entries) {
        // Left mid-POST by a crash or quit: its attempt is on disk as unknown, its window runs from its start.
        const state = entry.state === 'sending' ? 'pending' : entry.state
        if (state !== entry.state || entry.heldForAuth) update(entry, { state, heldForAuth: false })
      }
      emitList()
      pruneAccepted()
      kick()
      await outbox.whenIdle()
    },
    enqueue({ clientId, chatId, text }) {
      load()
      const existing = entries.find((e) => e.clientId === clientId)
      if (existing) return toPublic(existing)
      if (entries.filter((e) => e.state !== 'accepted').length >= maxUnsent) {
        throw new BridgeFailure(
          'invalid_argument',
          `The outbox already holds ${maxUnsent} replies that are not sent yet. Wait until they go out (check the connection), or discard some, before sending more.`,
        )
      }
      const entry = newEntry({ clientId, chatId, text }, scheduler.now())
      entries.push(entry)
      storage.save(entry) // on disk before anything is sent
      emitList()
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
      if (entry.state === 'failed') update(entry, { state: 'pending', error: null, nextAttemptAt: null })
      if (entry.state === 'unconfirmed') {
        log.info(`reply ${clientId}: the agent chose Resend after it could not be confirmed`)
        update(entry, { state: 'pending', error: null, nextAttemptAt: null, resendApproved: true })
      }
      if (entry.state === 'pending') update(entry, { heldForAuth: false, nextAttemptAt: null })
      kick()
      return toPublic(entry)
    },
    discard(clientId) {
      load()
      const entry = find(clientId)
      if (entry.state === 'sending' || (running.has(entry.chatId) && heads().includes(entry))) {
        throw new BridgeFailure('invalid_argument', 'This reply is being sent right now; wait for the outcome.')
      }
      entries = entries.filter((e) => e !== entry)
      storage.delete(clientId)
      emitList()
      kick() // a later reply of the same conversation may go now
    },
    networkBack() {
      load()
      for (const entry of entries) {
        const waitingOnNetwork = entry.error?.kind === 'network' || entry.error?.kind === 'timeout'
        if (!waitingOnNetwork || entry.heldForAuth) continue
        // A send waiting on its backoff goes now; a read goes now (a read never sends).
        if (entry.state === 'pending' && entry.nextAttemptAt !== null) update(entry, { nextAttemptAt: null })
        if (entry.nextCheckAt !== null) update(entry, { nextCheckAt: null })
      }
      kick()
    },
    whenIdle() {
      if (running.size === 0) return Promise.resolve()
      return new Promise((resolve) => idleWaiters.push(resolve))
    },
    stop() {
      stopped = true
      if (timer !== null) scheduler.clearTimeout(timer)
      timer = null
      releaseIdleWaiters()
    },
  }
  return outbox
}
