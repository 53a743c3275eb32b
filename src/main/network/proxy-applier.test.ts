import { describe, expect, it } from 'vitest'
import { silentLogger } from '../log'
import type { ProxySettings } from '../../shared/network/proxy'
import type { ProxyConfig } from '../ports/shell-adapters'
import { createProxyApplier } from './proxy-applier'

function setup(initial: ProxySettings, fail = false) {
  let settings = initial
  const calls: ProxyConfig[] = []
  const apply = createProxyApplier(
    {
      applyProxy: async (config) => {
        calls.push(config)
        if (fail) throw new Error('session gone')
      },
    },
    () => settings,
    silentLogger,
  )
  return { apply, calls, set: (next: ProxySettings) => (settings = next) }
}

describe('createProxyApplier', () => {
  it('sets the route at start, again only when it changes', async () => {
    const { apply, calls, set } = setup({ mode: 'system', url: '', bypass: '' })
    await apply()
    await apply() // another setting saved: same route, nothing closed
    set({ mode: 'manual', url: 'http://proxy:3128', bypass: '' })
    await apply()
    set({ mode: 'system', url: 'http://proxy:3128', bypass: '' })
    await apply()
    expect(calls).toEqual([
      { mode: 'system' },
      { mode: 'fixed_servers', proxyRules: 'http://proxy:3128', proxyBypassRules: '' },
      { mode: 'system' },
    ])
  })

  it('after a failure, the next call tries again', async () => {
    const { apply, calls } = setup({ mode: 'direct', url: '', bypass: '' }, true)
    await apply()
    await apply()
    expect(calls).toHaveLength(2)
  })

  it('does nothing without a shell (unit tests on Node fetch)', async () => {
    const apply = createProxyApplier({}, () => ({ mode: 'direct', url: '', bypass: '' }), silentLogger)
    await expect(apply()).resolves.toBeUndefined()
  })
})
