import { describe, expect, it } from 'vitest'
import { createManualScheduler } from '../ports/scheduler'
import { CHECK_INTERVAL_MS, createCheckSchedule, FIRST_CHECK_DELAY_MS } from './schedule'

/** A schedule over fake time whose checks succeed or fail as the test's list says (then succeed). */
function setup(outcomes: boolean[] = [], random = () => 0.5) {
  const scheduler = createManualScheduler(1_000_000)
  const checksAt: number[] = []
  let release: ((ok: boolean) => void) | null = null
  let holdNext = false
  const schedule = createCheckSchedule({
    scheduler,
    random,
    check() {
      checksAt.push(scheduler.now())
      if (holdNext) return new Promise<boolean>((resolve) => (release = resolve))
      return Promise.resolve(outcomes.length > 0 ? outcomes.shift()! : true)
    },
  })
  const flush = () => new Promise((resolve) => setImmediate(resolve))
  return {
    scheduler,
    schedule,
    checksAt,
    flush,
    holdNextCheck: () => (holdNext = true),
    finishHeldCheck: (ok: boolean) => release?.(ok),
  }
}

describe('the update check schedule', () => {
  it('checks shortly after start, then every 6 hours', async () => {
    const { scheduler, schedule, checksAt, flush } = setup()
    schedule.start()
    expect(scheduler.pendingDelays()).toEqual([FIRST_CHECK_DELAY_MS])
    scheduler.advance(FIRST_CHECK_DELAY_MS - 1)
    expect(checksAt).toHaveLength(0)
    scheduler.advance(1)
    await flush()
    expect(checksAt).toEqual([1_000_000 + FIRST_CHECK_DELAY_MS])
    expect(scheduler.pendingDelays()).toEqual([CHECK_INTERVAL_MS])
    scheduler.advance(CHECK_INTERVAL_MS)
    await flush()
    expect(checksAt).toHaveLength(2)
    expect(checksAt[1]! - checksAt[0]!).toBe(CHECK_INTERVAL_MS)
  })

  it('after a failure it backs off (growing, jittered, at least a minute), and resets after a success', async () => {
    const { scheduler, schedule, flush } = setup([false, false, false, true], () => 0.999)
    schedule.start()
    const delays: number[] = []
    for (let i = 0; i < 4; i++) {
      scheduler.advance(scheduler.pendingDelays()[0]!)
      await flush()
      delays.push(scheduler.pendingDelays()[0]!)
    }
    // random 0.999 of a 5, 10, 20 minute ceiling; then the regular 6 hours.
    expect(delays.slice(0, 3)).toEqual([299_700, 599_400, 1_198_800])
    expect(delays[3]).toBe(CHECK_INTERVAL_MS)
    expect(schedule.failures()).toBe(0)
  })

  it('a failing feed never makes the schedule later than 6 hours, nor sooner than a minute', async () => {
    const { scheduler, schedule, flush } = setup(Array(20).fill(false), () => 0)
    schedule.start()
    for (let i = 0; i < 20; i++) {
      scheduler.advance(scheduler.pendingDelays()[0]!)
      await flush()
      const [delay] = scheduler.pendingDelays()
      expect(delay).toBeGreaterThanOrEqual(60_000)
      expect(delay).toBeLessThanOrEqual(CHECK_INTERVAL_MS)
    }
    expect(schedule.failures()).toBe(20)
  })

  it('"Check now" checks at once and the next check is 6 hours after it', async () => {
    const { scheduler, schedule, checksAt, flush } = setup()
    schedule.start()
    scheduler.advance(5_000)
    expect(await schedule.runNow()).toBe(true)
    await flush()
    expect(checksAt).toEqual([1_005_000])
    expect(scheduler.pendingDelays()).toEqual([CHECK_INTERVAL_MS])
    expect(schedule.nextCheckAt()).toBe(1_005_000 + CHECK_INTERVAL_MS)
  })

  it('a second request while a check runs joins it instead of starting another', async () => {
    const { schedule, checksAt, holdNextCheck, finishHeldCheck } = setup()
    holdNextCheck()
    const first = schedule.runNow()
    const second = schedule.runNow()
    expect(schedule.nextCheckAt()).toBeNull()
    finishHeldCheck(true)
    expect(await first).toBe(true)
    expect(await second).toBe(true)
    expect(checksAt).toHaveLength(1)
  })

  it('stop() leaves no timer behind', async () => {
    const { scheduler, schedule } = setup()
    schedule.start()
    schedule.stop()
    expect(scheduler.pendingDelays()).toEqual([])
    expect(schedule.nextCheckAt()).toBeNull()
  })
})
