/**
 * The history backfill of one account (see ./README.md): after connecting,
 * the messages of the window's conversations (default the last 30 days) are
 * fetched in the background into the account's store, the most recent
 * conversations first, a few at a time, throttled, and reported as
 * `backfillStatus` progress. Stopped with the account.
 */
import type { BackfillStatus } from '../../shared/ipc/contract'
import { defaultBackoffPolicy, type BackoffPolicy } from '../ports/backoff'
import { ApiError, type InboxApi } from '../ports/inbox-api'
import type { Logger } from '../ports/logger'
import { systemScheduler, type Scheduler, type TimerHandle } from '../ports/scheduler'
import { StoreError, type AccountStore, type BackfillCandidate } from '../store'
import { Pacing } from './pacing'
import { beginRun, completeRun, type RunCursor } from './run-cursor'
import { backfillThread, type ThreadOutcome } from './thread-backfill'

export interface BackfillOptions {
  api: InboxApi
  store: AccountStore
  /** The window in days (the `historyDays` setting); 0 is off. */
  days: number
  emit(status: BackfillStatus): void
  log: Logger
  scheduler?: Scheduler
  /** Conversations fetched at the same time (default 2). */
  concurrency?: number
  /** The least time between two requests' starts (default 250 ms). */
  pauseMs?: number
  backoff?: BackoffPolicy
  random?: () => number
  /** Candidates read from the store at a time (default 200). */
  batchSize?: number
  /** Progress events at most this often while counting up (default 1 s); state changes go at once. */
  progressIntervalMs?: number
}

export interface Backfill {
  /** Starts (or resumes) the run for the window; returns at once. */
  start(): void
  /** Ends the run for good: no request leaves after this, no answer is written after this. */
  stop(): void
  setOnline(online: boolean): void
  setAwake(awake: boolean): void
  /** The window changed: the run starts again with it. */
  setDays(days: number): void
  status(): BackfillStatus
  /** Settles when the current run has finished or stopped. */
  settled(): Promise<void>
  /** Requests sent since this backfill was made (the benchmark's count). */
  requestsSent(): number
}

/** Worth retrying later with the same request; a 429 does not count as an attempt. */
const RETRYABLE = new Set<ApiError['kind']>(['rate_limited', 'unavailable', 'network', 'timeout'])
const MAX_ATTEMPTS_PER_CONVERSATION = 8

type Settings = Required<Omit<BackfillOptions, 'api' | 'store' | 'emit' | 'log' | 'days'>> &
  Pick<BackfillOptions, 'api' | 'store' | 'emit' | 'log'>

export function createBackfill(options: BackfillOptions): Backfill {
  const settings: Settings = {
    scheduler: systemScheduler,
    concurrency: 2,
    pauseMs: 250,
    backoff: defaultBackoffPolicy,
    random: Math.random,
    batchSize: 200,
    progressIntervalMs: 1_000,
    ...options,
  }
  let days = options.days
  let online = true
  let awake = true
  let requests = 0
  let current: BackfillRun | null = null
  /** Stopped for good (the account closed): nothing starts again. */
  let closed = false
  /** The latest run's end, kept after it was stopped (a late answer may still be on its way). */
  let finished: Promise<void> = Promise.resolve()
  let last: BackfillStatus = { state: days === 0 ? 'off' : 'idle', done: 0, total: 0, days }

  const report = (status: BackfillStatus) => {
    last = status
    settings.emit(status)
  }
  const begin = () => {
    current?.stop()
    current = null
    if (closed) return
    if (days === 0) return report({ state: 'off', done: 0, total: 0, days })
    const run = new BackfillRun(settings, days, { online, awake }, report, () => (requests += 1))
    current = run
    finished = run.finished
  }

  return {
    start: begin,
    stop() {
      closed = true
      current?.stop()
      current = null
      report({ state: 'idle', done: 0, total: 0, days })
    },
    setOnline(value) {
      online = value
      current?.pacing.setOnline(value)
    },
    setAwake(value) {
      awake = value
      current?.pacing.setAwake(value)
    },
    setDays(value) {
      if (value === days) return
      days = value
      begin()
    },
    status: () => last,
    settled: () => finished,
    requestsSent: () => requests,
  }
}

/** One pass over the window: the candidates in batches from the store, `concurrency` workers. */
class BackfillRun {
  readonly pacing: Pacing
  readonly finished: Promise<void>
  private stopped = false
  private cursor: RunCursor | null = null
  private done = 0
  private total = 0
  private state: BackfillStatus['state'] = 'running'
  private queue: BackfillCandidate[] = []
  private phase: { archived: boolean; after?: BackfillCandidate } | null = { archived: false }
  private progressTimer: TimerHandle | null = null

  constructor(
    private readonly settings: Settings,
    private readonly days: number,
    conditions: { online: boolean; awake: boolean },
    private readonly report: (status: BackfillStatus) => void,
    private readonly countRequest: () => void,
  ) {
    this.pacing = new Pacing({ ...settings, onChange: () => this.emit(false) })
    this.pacing.setOnline(conditions.online)
    this.pacing.setAwake(conditions.awake)
    this.finished = this.run().catch((error: unknown) => {
      // A store that cannot be read or written (full disk, closed under us): the run ends, said once.
      this.settings.log.error('the history backfill stopped', error)
      this.stop()
    })
  }

  stop(): void {
    if (this.stopped) return
    this.stopped = true
    this.pacing.stop()
    if (this.progressTimer !== null) this.settings.scheduler.clearTimeout(this.progressTimer)
    this.progressTimer = null
  }

  private async run(): Promise<void> {
    const { store, scheduler, log, concurrency } = this.settings
    // Yield first: the run starts after the account's own start-up work, never inside it.
    await Promise.resolve()
    if (this.stopped) return
    this.cursor = beginRun(store, this.days, scheduler.now(), log)
    const counts = store.backfill.counts(this.cursor.cutoffMs)
    this.total = counts.total
    this.done = counts.done
    this.emit(true)
    await Promise.all(Array.from({ length: concurrency }, () => this.worker()))
    if (this.stopped) return
    completeRun(store, this.cursor, scheduler.now())
    const final = store.backfill.counts(this.cursor.cutoffMs)
    this.total = final.total
    this.done = final.done
    this.state = 'done'
    log.info(`history backfill done: ${final.done} of ${final.total} conversations of ${this.days} days stored`)
    this.emit(true)
  }

  private async worker(): Promise<void> {
    for (let candidate = this.next(); candidate && !this.stopped; candidate = this.next()) {
      const outcome = await this.conversation(candidate)
      if (outcome === 'complete') this.done += 1
      if (outcome === 'gone') this.total -= 1
      this.emit(false)
    }
  }

  /** The next conversation to fetch: active ones by recency, then archived ones, read from the store in batches. */
  private next(): BackfillCandidate | null {
    while (this.queue.length === 0 && this.phase && this.cursor && !this.stopped) {
      const { archived, after } = this.phase
      const batch = this.settings.store.backfill.pending({
        cutoffMs: this.cursor.cutoffMs,
        archived,
        after,
        limit: this.settings.batchSize,
      })
      this.queue = batch
      const lastOfBatch = batch.at(-1)
      if (lastOfBatch) this.phase = { archived, after: lastOfBatch }
      else this.phase = archived ? null : { archived: true }
    }
    return this.queue.shift() ?? null
  }

  private async conversation(candidate: BackfillCandidate): Promise<ThreadOutcome | 'gone' | 'skipped'> {
    const { api, store, log } = this.settings
    const context = {
      api,
      store,
      cutoffMs: this.cursor!.cutoffMs,
      turn: () => this.pacing.turn(),
      stopped: () => this.stopped,
      sent: this.countRequest,
      succeeded: () => this.pacing.succeeded(),
    }
    for (let attempt = 1; ;) {
      try {
        return await backfillThread(context, candidate)
      } catch (error) {
        if (this.stopped) return 'stopped'
        if (error instanceof StoreError) throw error
        if (!(error instanceof ApiError)) throw error
        if (error.kind === 'not_found') return 'gone'
        if (error.kind === 'unauthorized') {
          // The sync reports the refused key and asks for a new one; a new key starts a new backfill.
          log.warn('the history backfill stopped: the API key was refused')
          this.stop()
          return 'stopped'
        }
        if (RETRYABLE.has(error.kind) && (error.kind === 'rate_limited' || attempt < MAX_ATTEMPTS_PER_CONVERSATION)) {
          if (error.kind !== 'rate_limited') attempt += 1
          const delay = this.pacing.failed(error)
          log.info(`history backfill: ${error.message} Next request in ${delay} ms.`)
          continue
        }
        log.warn(`history backfill: conversation ${candidate.id} left for the next run: ${error.message}`)
        return 'skipped'
      }
    }
  }

  /** Sends the status at once when its state changes (or `force`), else at most every progressIntervalMs. */
  private emit(force: boolean): void {
    if (this.stopped || !this.cursor) return
    const state = this.state === 'done' ? 'done' : this.pacing.paused() ? 'paused' : 'running'
    const changed = state !== this.lastState
    this.lastState = state
    if (force || changed) {
      if (this.progressTimer !== null) this.settings.scheduler.clearTimeout(this.progressTimer)
      this.progressTimer = null
      return this.report({ state, done: this.done, total: this.total, days: this.days })
    }
    if (this.progressTimer !== null) return
    this.progressTimer = this.settings.scheduler.setTimeout(() => {
      this.progressTimer = null
      this.emit(true)
    }, this.settings.progressIntervalMs)
  }

  private lastState: BackfillStatus['state'] | null = null
}
