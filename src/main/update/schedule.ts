/**
 * When to ask the feed: shortly after start (the window first, the network settled), then every 6 hours;
 * after a failed check sooner, with exponential backoff and full jitter (../ports/backoff.ts), never later
 * than the regular 6 hours. "Check now" runs one at once and the schedule continues from it. One check at a
 * time: a second request while one runs joins it.
 */
import { backoffDelayMs, type BackoffPolicy } from '../ports/backoff'
import type { Scheduler, TimerHandle } from '../ports/scheduler'

export const FIRST_CHECK_DELAY_MS = 15_000
export const CHECK_INTERVAL_MS = 6 * 60 * 60_000
/** A failed check is retried after up to 5 min, then 10, 20, ... up to the regular interval; at least 1 min. */
export const CHECK_BACKOFF: BackoffPolicy = { baseMs: 5 * 60_000, capMs: CHECK_INTERVAL_MS, minMs: 60_000 }

export interface CheckSchedule {
  start(): void
  /** Runs a check now (or joins the one running); resolves with whether it succeeded. */
  runNow(): Promise<boolean>
  /** When the next check is due (ms since the epoch), or null when stopped or a check is running. */
  nextCheckAt(): number | null
  /** Consecutive failed checks. */
  failures(): number
  stop(): void
}

export function createCheckSchedule(options: {
  scheduler: Scheduler
  /** One check; resolves true when it succeeded (an update or none), false when it failed. Never rejects. */
  check: () => Promise<boolean>
  /** The next due time changed (for the status the window shows). */
  onPlanned?: (atMs: number | null) => void
  random?: () => number
}): CheckSchedule {
  const { scheduler } = options
  let timer: TimerHandle | null = null
  let dueAt: number | null = null
  let running: Promise<boolean> | null = null
  let failures = 0
  let stopped = true

  function plan(delayMs: number): void {
    if (timer !== null) scheduler.clearTimeout(timer)
    timer = scheduler.setTimeout(() => {
      timer = null
      dueAt = null
      void runNow()
    }, delayMs)
    dueAt = scheduler.now() + delayMs
    options.onPlanned?.(dueAt)
  }

  function runNow(): Promise<boolean> {
    if (running) return running
    if (timer !== null) scheduler.clearTimeout(timer)
    timer = null
    dueAt = null
    options.onPlanned?.(null)
    running = options.check().then((ok) => {
      running = null
      failures = ok ? 0 : failures + 1
      if (!stopped) {
        plan(ok ? CHECK_INTERVAL_MS : backoffDelayMs(failures, null, CHECK_BACKOFF, options.random ?? Math.random))
      }
      return ok
    })
    return running
  }

  return {
    start() {
      stopped = false
      plan(FIRST_CHECK_DELAY_MS)
    },
    runNow,
    nextCheckAt: () => dueAt,
    failures: () => failures,
    stop() {
      stopped = true
      if (timer !== null) scheduler.clearTimeout(timer)
      timer = null
      dueAt = null
    },
  }
}
