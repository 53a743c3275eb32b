/**
 * The reply outbox: a reply is never lost, and never sent twice.
 *
 * Every reply is on disk before anything is sent, and every change is on disk
 * before the next step. The API has no idempotency key, so an attempt that
 * ended without a definite answer is followed by reads of the thread, never
 * by a blind resend: the rules are in rules.ts and docs/outbox.md, the order
 * and the bound across conversations in queue.ts, the entries and the
 * operations on them in book.ts. This file is the public face: it builds the
 * book, its queue and the runner's dependencies from the options.
 */
import type { OutboxEntry } from '../../shared/ipc/contract'
import type { InboxApi } from '../ports/inbox-api'
import type { KeyValueStore, ShellAdapters } from '../ports/shell-adapters'
import { silentLogger } from '../log'
import type { Logger } from '../ports/logger'
import { defaultBackoffPolicy, type BackoffPolicy } from '../ports/backoff'
import { systemScheduler, type Scheduler } from '../ports/scheduler'
import { createBook, discardEntry, enqueueEntry, networkBack, resumeEntries, retryEntry, type Book } from './book'
import { toPublic } from './entry'
import { createStepQueue } from './queue'
import { DEFAULT_SAVE_RETRY_MS } from './unsaved'
import { defaultTiming, ownedIds, type OutboxTiming } from './rules'
import { runStep, type RunnerDeps } from './runner'
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
  /** How often an entry the disk refused is saved again (./unsaved.ts). */
  saveRetryMs?: number
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
  const scheduler = options.scheduler ?? systemScheduler
  const log = options.log ?? silentLogger
  const timing: OutboxTiming = { ...defaultTiming, ...options.timing }
  const maxUnsent = options.maxUnsent ?? DEFAULT_MAX_UNSENT
  const storage = options.storage ?? (options.store ? createJsonOutboxStorage(options.store, log) : null)
  if (!storage) throw new Error('createOutbox needs storage or store')
  let loaded = false
  const book = createBook({
    storage,
    log,
    scheduler,
    saveRetryMs: options.saveRetryMs ?? DEFAULT_SAVE_RETRY_MS,
    emit: (entries) => options.emit('outboxChanged', entries),
    queue: (entries, held) =>
      createStepQueue({
        entries,
        held,
        run: (entry, step) => runStep(runnerDeps, entry, step),
        timing,
        maxParallel: Math.max(1, options.maxParallel ?? DEFAULT_MAX_PARALLEL),
        scheduler,
        log,
      }),
  })
  const runnerDeps = runnerDepsFor(options, book, timing, scheduler)
  const load = () => {
    if (!loaded) book.entries = storage.load(scheduler.now())
    loaded = true
  }
  const outbox: Outbox = {
    async resume() {
      load()
      resumeEntries(book, scheduler.now() - (options.keepAcceptedMs ?? DEFAULT_KEEP_ACCEPTED_MS))
      await book.queue.whenIdle()
    },
    enqueue(reply) {
      load()
      return enqueueEntry(book, reply, scheduler.now(), maxUnsent)
    },
    list() {
      load()
      return book.entries.map((e) => toPublic(e, book.unsaved.reason(e.clientId)))
    },
    retry(clientId) {
      load()
      return retryEntry(book, clientId)
    },
    discard(clientId) {
      load()
      discardEntry(book, clientId)
    },
    networkBack() {
      load()
      networkBack(book)
    },
    whenIdle: () => book.queue.whenIdle(),
    stop: () => {
      book.queue.stop()
      book.unsaved.stop()
    },
  }
  return outbox
}

function runnerDepsFor(options: OutboxOptions, book: Book, timing: OutboxTiming, scheduler: Scheduler): RunnerDeps {
  return {
    api: options.api,
    log: book.log,
    timing,
    backoff: options.backoff ?? defaultBackoffPolicy,
    random: options.random ?? Math.random,
    now: () => scheduler.now(),
    commit: book.update,
    ownedByOthers: (entry) => new Set(book.entries.flatMap((e) => (e === entry ? [] : ownedIds(e)))),
    lastKnownMessageId: options.lastKnownMessageId,
    baselineFailures: new Map(),
    onAccepted(entry) {
      if (entry.messageId === null) return
      try {
        options.onAccepted?.({ clientId: entry.clientId, chatId: entry.chatId, messageId: entry.messageId })
      } catch (error) {
        book.log.error('onAccepted listener failed', error)
      }
    },
  }
}
