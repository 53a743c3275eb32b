/** The snooze service's pacing (tests use a short tick and backoff). */
import type { BackoffPolicy } from '../ports/backoff'

export interface SnoozeOptions {
  /** How often due snoozes are looked for (a short tick, never one long timer: the wall clock may jump). */
  tickMs: number
  /** Between failed wakes (a 429's Retry-After is kept exactly). */
  backoff: BackoffPolicy
}

export const defaultSnoozeOptions: SnoozeOptions = {
  tickMs: 5_000,
  backoff: { baseMs: 2_000, capMs: 5 * 60_000, minMs: 1_000 },
}
