import { describe, expect, it } from 'vitest'
import { describeProxyConfig, toElectronProxyConfig } from './proxy-config'

describe("Settings → Network as Electron's ProxyConfig", () => {
  it('system and direct map to their Electron modes', () => {
    expect(toElectronProxyConfig({ mode: 'system', url: 'http://kept:1', bypass: '' })).toEqual({ mode: 'system' })
    expect(toElectronProxyConfig({ mode: 'direct', url: '', bypass: '' })).toEqual({ mode: 'direct' })
  })

  it('manual is fixed_servers with a proxy rule for every scheme and the bypass list', () => {
    expect(
      toElectronProxyConfig({ mode: 'manual', url: ' http://proxy.corp:3128 ', bypass: '*.corp, 10.0.0.0/8\n<local>' }),
    ).toEqual({
      mode: 'fixed_servers',
      proxyRules: 'http://proxy.corp:3128',
      proxyBypassRules: '*.corp,10.0.0.0/8,<local>',
    })
    expect(toElectronProxyConfig({ mode: 'manual', url: 'socks5://127.0.0.1:1080', bypass: '' })).toEqual({
      mode: 'fixed_servers',
      proxyRules: 'socks5://127.0.0.1:1080',
      proxyBypassRules: '',
    })
  })

  it('spells out the default port (Chromium would otherwise assume 80 for every scheme)', () => {
    expect(toElectronProxyConfig({ mode: 'manual', url: 'https://proxy.corp', bypass: '' })).toMatchObject({
      proxyRules: 'https://proxy.corp:443',
    })
    expect(toElectronProxyConfig({ mode: 'manual', url: 'socks5://proxy.corp', bypass: '' })).toMatchObject({
      proxyRules: 'socks5://proxy.corp:1080',
    })
    expect(toElectronProxyConfig({ mode: 'manual', url: 'http://proxy.corp/', bypass: '' })).toMatchObject({
      proxyRules: 'http://proxy.corp:80',
    })
  })

  it('an unusable manual proxy (a hand-edited file) falls back to the system settings', () => {
    expect(toElectronProxyConfig({ mode: 'manual', url: 'not a url', bypass: '' })).toEqual({ mode: 'system' })
  })

  it('describes the choice for the log', () => {
    expect(describeProxyConfig({ mode: 'direct' })).toBe('no proxy')
    expect(describeProxyConfig({ mode: 'fixed_servers', proxyRules: 'http://p:1', proxyBypassRules: '<local>' })).toBe(
      'the proxy http://p:1 (bypassed for <local>)',
    )
  })
})
