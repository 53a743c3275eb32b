import { describe, expect, it } from 'vitest'
import { createCrashLoopPolicy, CRASH_HISTORY } from './crash-loop'

describe('render-process-gone: reload a few times, then stop', () => {
  it('reloads after a crash, and gives up at the third within a minute', () => {
    const policy = createCrashLoopPolicy(3, 60_000)
    expect(policy.onCrash(0)).toBe('reload')
    expect(policy.onCrash(10_000)).toBe('reload')
    expect(policy.onCrash(20_000)).toBe('recover')
    expect(policy.onCrash(21_000)).toBe('recover')
  })

  it('crashes far apart never add up', () => {
    const policy = createCrashLoopPolicy(3, 60_000)
    for (let minute = 0; minute < 10; minute++) expect(policy.onCrash(minute * 61_000)).toBe('reload')
  })

  it('reset starts counting afresh', () => {
    const policy = createCrashLoopPolicy(2, 60_000)
    policy.onCrash(0)
    expect(policy.onCrash(1)).toBe('recover')
    policy.reset()
    expect(policy.onCrash(2)).toBe('reload')
  })

  it('keeps the latest crashes with their reasons for the diagnostics, across a reset', () => {
    const policy = createCrashLoopPolicy()
    policy.onCrash(1, 'crashed', 11)
    policy.reset()
    policy.onCrash(2, 'oom', null)
    expect(policy.history()).toEqual([
      { at: 1, reason: 'crashed', exitCode: 11 },
      { at: 2, reason: 'oom', exitCode: null },
    ])
    for (let i = 0; i < 20; i++) policy.onCrash(100 + i, 'killed')
    expect(policy.history()).toHaveLength(CRASH_HISTORY)
    expect(policy.history().at(-1)?.at).toBe(119)
  })
})
