import { describe, expect, it } from 'vitest'
import { proxyBypassProblem, proxyProblemMessages, proxySettingsSchema, proxyUrlProblem } from './proxy'

describe('proxyUrlProblem', () => {
  it.each([
    ['http://proxy.example.com:8080'],
    ['https://proxy.example.com'],
    ['socks5://127.0.0.1:1080'],
    ['http://[::1]:3128'],
    ['HTTP://PROXY:3128'],
    ['  http://proxy:3128  '],
  ])('accepts %s', (url) => {
    expect(proxyUrlProblem(url)).toBeNull()
  })

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['proxy.example.com:8080', 'not_url'],
    ['ftp://proxy:21', 'scheme'],
    ['socks4://proxy:1080', 'scheme'],
    ['http://:8080', 'no_host'],
    ['socks5://', 'no_host'],
    ['http://user:secret@proxy:3128', 'credentials'],
    ['http://proxy:3128/path', 'path'],
    ['http://proxy:3128?x=1', 'path'],
    ['http://proxy:99999', 'port'],
    ['socks5://proxy:99999', 'port'],
    ['http://proxy:abc', 'port'],
    ['http://proxy:0', 'port'],
  ])('refuses %j: %s', (url, problem) => {
    expect(proxyUrlProblem(url)).toBe(problem)
  })
})

describe('proxyBypassProblem', () => {
  it('accepts host patterns, IPs, ranges, ports and <local>, separated by commas, semicolons or lines', () => {
    expect(proxyBypassProblem('')).toBeNull()
    expect(proxyBypassProblem('*.example.com, 10.0.0.0/8, <local>')).toBeNull()
    expect(proxyBypassProblem('intranet:8080;[::1]\nhost.corp')).toBeNull()
  })
  it('refuses anything else', () => {
    expect(proxyBypassProblem('foo bar')).toBe('bypass_entry')
    expect(proxyBypassProblem('http://intranet')).toBe('bypass_entry')
  })
})

describe('proxySettingsSchema (the bridge contract)', () => {
  it('checks the URL and bypass list only in manual mode, with the sentence for each problem', () => {
    expect(proxySettingsSchema.safeParse({ mode: 'system', url: 'garbage', bypass: '' }).success).toBe(true)
    const bad = proxySettingsSchema.safeParse({ mode: 'manual', url: 'http://u:p@proxy:1', bypass: 'a b' })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['url', proxyProblemMessages.credentials],
      ['bypass', proxyProblemMessages.bypass_entry],
    ])
    expect(proxySettingsSchema.safeParse({ mode: 'manual', url: 'socks5://p:1080', bypass: '' }).success).toBe(true)
  })
  it('refuses unknown modes, extra fields and oversized strings', () => {
    expect(proxySettingsSchema.safeParse({ mode: 'pac', url: '', bypass: '' }).success).toBe(false)
    expect(proxySettingsSchema.safeParse({ mode: 'direct', url: '', bypass: '', password: 'x' }).success).toBe(false)
    expect(proxySettingsSchema.safeParse({ mode: 'direct', url: 'x'.repeat(3000), bypass: '' }).success).toBe(false)
  })
})
