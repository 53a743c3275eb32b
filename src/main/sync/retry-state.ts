/**
 * The poll loop's memory of failures: how many ticks failed in a row (the
 * backoff grows with it), whether a retry is planned (regular ticks and
 * `syncNow` then wait for it: "sync now" must not become a way around the
 * backoff), and a server's Retry-After, a floor for every later request that
 * nothing resets.
 */
import { backoffDelayMs, retryAfterOf, type BackoffPolicy } from '../ports/backoff'

export interface PlannedRetry {
  /** How many ticks have failed in a row, this one included. */
  attempt: number
  delayMs: number
  dueAt: number
}

export class RetryState {
  private consecutiveErrors = 0
  private planned = false
  private floorAt = 0

  constructor(
    private readonly policy: BackoffPolicy,
    private readonly random: () => number,
  ) {}

  /** A retry after a failure is planned. */
  get inBackoff(): boolean {
    return this.planned
  }

  /** No request before this instant (a server's Retry-After). */
  get notBefore(): number {
    return this.floorAt
  }

  /** A success, a start, or back from sleep or offline: the backoff starts again from its base. The floor stays. */
  reset(): void {
    this.consecutiveErrors = 0
    this.planned = false
  }

  /** A failed tick: when to try again. A Retry-After also becomes the floor. */
  failed(error: unknown, now: number): PlannedRetry {
    this.consecutiveErrors += 1
    this.planned = true
    const delayMs = backoffDelayMs(this.consecutiveErrors, error, this.policy, this.random)
    const dueAt = now + delayMs
    if (retryAfterOf(error) !== null) this.floorAt = Math.max(this.floorAt, dueAt)
    return { attempt: this.consecutiveErrors, delayMs, dueAt }
  }
}
