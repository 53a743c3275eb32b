import { describe, expect, it } from 'vitest'
import { createCrashLoopPolicy, recoveryPageUrl } from './crash-loop'

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

  it('the recovery page runs no script and says what happened', () => {
    const html = decodeURIComponent(recoveryPageUrl('crashed<script>').replace(/^data:text\/html;charset=utf-8,/, ''))
    expect(html).toContain('Inbox Desk’s window crashed')
    expect(html).toContain("default-src 'none'")
    expect(html).not.toContain('<script')
    expect(html).toContain('(crashedscript)')
  })
})
