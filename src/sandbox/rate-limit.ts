/**
 * Per-key token bucket: at most `perSecond` requests a second (bursts up to
 * that many), measured in real time so the clock control does not refill it.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>()

  constructor(private readonly perSecond: number) {}

  /** Takes one token; returns 0 when allowed, else the seconds to wait (>= 1). */
  take(key: string, nowMs: number = Date.now()): number {
    const bucket = this.buckets.get(key) ?? { tokens: this.perSecond, at: nowMs }
    bucket.tokens = Math.min(this.perSecond, bucket.tokens + ((nowMs - bucket.at) / 1000) * this.perSecond)
    bucket.at = nowMs
    this.buckets.set(key, bucket)
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1
      return 0
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perSecond))
  }

  clear(): void {
    this.buckets.clear()
  }
}
