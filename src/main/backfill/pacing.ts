/**
 * When the backfill may send its next request: never while offline or
 * asleep, never before a 429's Retry-After or the backoff after a failure,
 * and never sooner than `pauseMs` after its previous request started (the
 * throttle: with `pauseMs` 250 at most four requests a second leave, whatever
 * the concurrency). Every wait ends at once when the backfill stops.
 */
import { backoffDelayMs, retryAfterOf, type BackoffPolicy } from '../ports/backoff'
import type { Scheduler, TimerHandle } from '../ports/scheduler'

export interface PacingOptions {
  scheduler: Scheduler
  pauseMs: number
  backoff: BackoffPolicy
  random: () => number
  /** Called when `paused()` may have changed. */
  onChange: () => void
}

export class Pacing {
  private online = true
  private awake = true
  private stopped = false
  /** No request before this instant (Retry-After, backoff). */
  private notBefore = 0
  /** The earliest start of the next request (the pause between requests). */
  private nextSlot = 0
  private failuresInARow = 0
  private readonly wakers = new Set<() => void>()
  /** Tells `onChange` when the hold ends. */
  private holdTimer: TimerHandle | null = null

  constructor(private readonly options: PacingOptions) {}

  /** Waits for the next request's turn; false when the backfill stopped meanwhile. */
  async turn(): Promise<boolean> {
    const { scheduler, pauseMs } = this.options
    for (;;) {
      if (this.stopped) return false
      if (!this.online || !this.awake) {
        await this.waitFor(null)
        continue
      }
      const now = scheduler.now()
      const at = Math.max(this.notBefore, this.nextSlot)
      if (at <= now) {
        this.nextSlot = now + pauseMs
        return true
      }
      await this.waitFor(at - now)
    }
  }

  /** A request failed in a way worth retrying: hold every request for its Retry-After, or back off. */
  failed(error: unknown): number {
    this.failuresInARow += 1
    const delay =
      retryAfterOf(error) !== null
        ? backoffDelayMs(1, error, this.options.backoff)
        : backoffDelayMs(this.failuresInARow, error, this.options.backoff, this.options.random)
    this.notBefore = Math.max(this.notBefore, this.options.scheduler.now() + delay)
    this.changed()
    // Its end is a state change too (paused → running).
    if (this.holdTimer !== null) this.options.scheduler.clearTimeout(this.holdTimer)
    this.holdTimer = this.options.scheduler.setTimeout(() => {
      this.holdTimer = null
      this.changed()
    }, this.notBefore - this.options.scheduler.now())
    return delay
  }

  succeeded(): void {
    this.failuresInARow = 0
  }

  setOnline(online: boolean): void {
    this.online = online
    this.changed()
  }

  setAwake(awake: boolean): void {
    this.awake = awake
    this.changed()
  }

  stop(): void {
    this.stopped = true
    if (this.holdTimer !== null) this.options.scheduler.clearTimeout(this.holdTimer)
    this.holdTimer = null
    this.changed()
  }

  /** Offline, asleep, or waiting out the server. */
  paused(): boolean {
    return !this.online || !this.awake || this.notBefore > this.options.scheduler.now()
  }

  private changed(): void {
    for (const wake of [...this.wakers]) wake()
    this.options.onChange()
  }

  /** Until `ms` have passed (null: until something changes), or something changes. */
  private waitFor(ms: number | null): Promise<void> {
    return new Promise<void>((resolve) => {
      let timer: TimerHandle | null = null
      const wake = () => {
        this.wakers.delete(wake)
        if (timer !== null) this.options.scheduler.clearTimeout(timer)
        resolve()
      }
      this.wakers.add(wake)
      if (ms !== null) timer = this.options.scheduler.setTimeout(wake, ms)
    })
  }
}
