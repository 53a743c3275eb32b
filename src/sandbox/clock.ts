/**
 * The sandbox's notion of "now": real time plus an offset that
 * `POST /_sandbox/clock` moves forward. Everything that stamps or judges time
 * (message dates, updatedDate, the WhatsApp reply window) reads this clock, so
 * a test can jump 25 hours ahead without waiting.
 */
export class SandboxClock {
  private offsetMs = 0

  now(): number {
    return Date.now() + this.offsetMs
  }

  /** Moves the clock forward; it never goes back, so dates stay monotonic. */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advanceMs must be a finite number >= 0, got ${ms}`)
    this.offsetMs += ms
  }

  /** Back to real time (used by reset, which also replaces every date). */
  resetOffset(): void {
    this.offsetMs = 0
  }
}
