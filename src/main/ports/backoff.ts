/**
 * When to try again after a failed request: exponential backoff with "full
 * jitter" (AWS Architecture Blog, "Exponential Backoff And Jitter"), except
 * that a server's `Retry-After` is a promise we keep exactly: never earlier.
 */
import { ApiError } from './inbox-api'

export interface BackoffPolicy {
  /** The ceiling of the first retry's random delay. */
  baseMs: number
  /** No retry waits longer than this (unless the server's Retry-After says so). */
  capMs: number
  /** A floor, so that full jitter's occasional 0 does not hammer a failing server. */
  minMs: number
}

export const defaultBackoffPolicy: BackoffPolicy = { baseMs: 1_000, capMs: 60_000, minMs: 250 }

/** Timers and the server's clock granularity can be a few ms apart; this keeps
 * a retry after a 429 strictly after the instant the server named. */
export const RETRY_AFTER_MARGIN_MS = 50

/**
 * The delay before retry number `attempt` (1 for the first retry).
 * `random` returns [0, 1) (Math.random in the app, fixed in tests).
 */
export function backoffDelayMs(
  attempt: number,
  error: unknown,
  policy: BackoffPolicy = defaultBackoffPolicy,
  random: () => number = Math.random,
): number {
  const retryAfterMs = retryAfterOf(error)
  if (retryAfterMs !== null) return retryAfterMs + RETRY_AFTER_MARGIN_MS
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1))
  return Math.max(policy.minMs, Math.floor(random() * ceiling))
}

/** The server's Retry-After in ms, when the error is a 429 that carried one. */
export function retryAfterOf(error: unknown): number | null {
  if (error instanceof ApiError && error.kind === 'rate_limited' && typeof error.details.retryAfterMs === 'number') {
    return Math.max(0, error.details.retryAfterMs)
  }
  return null
}
