import { describe, expect, it } from 'vitest'
import { ApiError } from './inbox-api'
import { backoffDelayMs, RETRY_AFTER_MARGIN_MS, retryAfterOf } from './backoff'
import { createManualScheduler } from './scheduler'

const policy = { baseMs: 1_000, capMs: 8_000, minMs: 100 }
const unavailable = new ApiError('unavailable', 'down', { status: 503 })

describe('backoffDelayMs', () => {
  it('draws uniformly below a ceiling that doubles per attempt (full jitter)', () => {
    expect(backoffDelayMs(1, unavailable, policy, () => 0.5)).toBe(500)
    expect(backoffDelayMs(2, unavailable, policy, () => 0.5)).toBe(1_000)
    expect(backoffDelayMs(3, unavailable, policy, () => 0.5)).toBe(2_000)
    expect(backoffDelayMs(3, unavailable, policy, () => 0.999)).toBe(3_996)
  })

  it('never exceeds the cap, and never goes below the floor', () => {
    expect(backoffDelayMs(30, unavailable, policy, () => 0.9999)).toBeLessThanOrEqual(8_000)
    expect(backoffDelayMs(1, unavailable, policy, () => 0)).toBe(100)
  })

  it('keeps a Retry-After exactly (plus a small margin), whatever the attempt or the dice', () => {
    const limited = new ApiError('rate_limited', 'slow down', { status: 429, retryAfterMs: 3_000 })
    for (const attempt of [1, 5, 20]) {
      for (const roll of [0, 0.5, 0.99]) {
        expect(backoffDelayMs(attempt, limited, policy, () => roll)).toBe(3_000 + RETRY_AFTER_MARGIN_MS)
      }
    }
    expect(retryAfterOf(limited)).toBe(3_000)
    expect(retryAfterOf(unavailable)).toBeNull()
    expect(retryAfterOf(new Error('x'))).toBeNull()
  })
})

describe('createManualScheduler', () => {
  it('runs timers in due order only when time is advanced past them', () => {
    const scheduler = createManualScheduler(1_000)
    const fired: string[] = []
    scheduler.setTimeout(() => fired.push('b'), 200)
    scheduler.setTimeout(() => fired.push('a'), 100)
    const cancelled = scheduler.setTimeout(() => fired.push('never'), 150)
    scheduler.clearTimeout(cancelled)
    scheduler.advance(99)
    expect(fired).toEqual([])
    scheduler.advance(101)
    expect(fired).toEqual(['a', 'b'])
    expect(scheduler.now()).toBe(1_200)
    expect(scheduler.pendingDelays()).toEqual([])
  })
})
