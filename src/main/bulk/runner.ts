/**
 * The batch runner: a queue of items sent by `concurrency` workers, and what a failure means for the batch.
 *
 * - A 429 holds the WHOLE batch: no worker starts a request before the server's Retry-After has passed (the
 *   transport also holds later calls with this key, and fails a long hold at once without sending, with the time
 *   left: that too is a 429 here). The item goes back to the front of the queue; it has not failed.
 * - A 502/503/504, a network error or a timeout has already been retried by the API client (its retry policy,
 *   ../api/transport.ts); here the item is tried once more later (at the back of the queue), and every worker
 *   first waits a backoff that grows with the failures in a row (../ports/backoff.ts, as the sync does). What still
 *   fails is listed, never dropped.
 * - Offline, nothing is sent: the batch waits for the network (an item that failed because the network went is
 *   put back, not failed).
 * - A 401 stops the batch: every item not sent is listed with that error.
 * - Cancel: no new request starts; those in flight finish (each change is idempotent) and count.
 */
import { backoffDelayMs, defaultBackoffPolicy, RETRY_AFTER_MARGIN_MS, type BackoffPolicy } from '../ports/backoff'
import { toBridgeError } from '../ports/errors'
import type { BulkState } from '../../shared/ipc/bulk'
import type { BridgeError } from '../../shared/ipc/contract'

export interface RunnerClock {
  now(): number
  sleep(ms: number): Promise<void>
}

export interface RunnerOptions {
  /** Requests in flight at once, at most. */
  concurrency: number
  /** Tries of one item at this level when the server or the network failed (each after the client's own retries). */
  attempts: number
  backoff: BackoffPolicy
  random(): number
  clock: RunnerClock
}

export const defaultRunnerOptions: RunnerOptions = {
  concurrency: 4,
  attempts: 2,
  backoff: defaultBackoffPolicy,
  random: Math.random,
  clock: { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))) },
}

export interface RunnerHooks<Item> {
  perform(item: Item): Promise<void>
  succeeded(item: Item): void
  failed(item: Item, error: BridgeError): void
  /** The state or the hold changed (not called for each item: `succeeded`/`failed` are). */
  changed(): void
}

const TRANSIENT = new Set<BridgeError['kind']>(['unavailable', 'network', 'timeout'])

/** How the last run ended. */
export type RunEnd = Extract<BulkState, 'done' | 'cancelled' | 'stopped'>

export class BatchRunner<Item> {
  private queue: { item: Item; attempt: number }[] = []
  private cancelled = false
  private stopped = false
  private online = true
  private floorAt = 0
  private failuresInRow = 0
  private wake: (() => void) | null = null
  private wakeSignal: Promise<void> = Promise.resolve()
  state: BulkState = 'running'

  constructor(
    private readonly hooks: RunnerHooks<Item>,
    private readonly options: RunnerOptions = defaultRunnerOptions,
  ) {
    this.resetWake()
  }

  /** When requests resume, while `waiting`. */
  get resumesAt(): number | null {
    return this.state === 'waiting' ? this.floorAt : null
  }

  /** Items neither finished nor in flight. */
  get queued(): number {
    return this.queue.length
  }

  /** Runs `items` to the end (or a cancel, or a 401). One run at a time; a Retry runs again with the failed ones. */
  async run(items: readonly Item[]): Promise<RunEnd> {
    this.queue = items.map((item) => ({ item, attempt: 1 }))
    this.cancelled = false
    this.stopped = false
    this.setState('running')
    const workers = Math.max(1, Math.min(this.options.concurrency, this.queue.length))
    await Promise.all(Array.from({ length: workers }, () => this.worker()))
    const end: RunEnd = this.stopped ? 'stopped' : this.cancelled ? 'cancelled' : 'done'
    this.setState(end)
    return end
  }

  cancel(): void {
    this.cancelled = true
    this.poke()
  }

  setOnline(online: boolean): void {
    this.online = online
    this.poke()
  }

  private async worker(): Promise<void> {
    for (;;) {
      // Nothing left to send: end now, not after the backoff the last failure set (a batch that listed its
      // last failures used to sit at "200 of 200" for up to a minute). Only the worker that runs an item puts
      // it back in the queue, and it goes on looping, so no item is left behind.
      if (this.queue.length === 0) return
      await this.gate()
      if (this.cancelled || this.stopped) return
      const next = this.queue.shift()
      if (!next) return
      try {
        await this.hooks.perform(next.item)
        this.failuresInRow = 0
        this.hooks.succeeded(next.item)
      } catch (error) {
        this.onError(next, toBridgeError(error))
      }
    }
  }

  /** Waits while offline or held (Retry-After, backoff); returns at once when cancelled. */
  private async gate(): Promise<void> {
    const { clock } = this.options
    for (;;) {
      if (this.cancelled || this.stopped) return
      if (!this.online) {
        this.setState('offline')
        await this.wakeSignal
        continue
      }
      const left = this.floorAt - clock.now()
      if (left > 0) {
        this.setState('waiting')
        await Promise.race([clock.sleep(left), this.wakeSignal])
        continue
      }
      this.setState('running')
      return
    }
  }

  private onError(entry: { item: Item; attempt: number }, error: BridgeError): void {
    const { clock, backoff, random } = this.options
    if (error.kind === 'rate_limited') {
      // The whole batch waits; this item has not failed.
      this.failuresInRow += 1
      const delay =
        error.retryAfterMs !== undefined
          ? Math.max(0, error.retryAfterMs) + RETRY_AFTER_MARGIN_MS
          : backoffDelayMs(this.failuresInRow, error, backoff, random)
      this.floorAt = Math.max(this.floorAt, clock.now() + delay)
      this.queue.unshift(entry)
      return
    }
    if (TRANSIENT.has(error.kind) && !this.online) {
      this.queue.unshift(entry)
      return
    }
    if (TRANSIENT.has(error.kind)) {
      this.floorAt = Math.max(this.floorAt, clock.now() + backoffDelayMs(++this.failuresInRow, error, backoff, random))
      if (entry.attempt < this.options.attempts) {
        this.queue.push({ item: entry.item, attempt: entry.attempt + 1 })
        return
      }
    }
    this.hooks.failed(entry.item, error)
    if (error.kind === 'unauthorized') {
      this.stopped = true
      for (const rest of this.queue.splice(0)) this.hooks.failed(rest.item, error)
      this.poke()
    }
  }

  private setState(state: BulkState): void {
    if (this.state === state) return
    this.state = state
    this.hooks.changed()
  }

  /** Wakes every waiting worker (cancel, back online). */
  private poke(): void {
    const wake = this.wake
    this.resetWake()
    wake?.()
  }

  private resetWake(): void {
    this.wakeSignal = new Promise<void>((resolve) => (this.wake = resolve))
  }
}
