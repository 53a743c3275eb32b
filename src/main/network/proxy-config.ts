/**
 * Settings → Network as Electron's ProxyConfig (session.setProxy): `system` follows the OS (its proxy, PAC,
 * WPAD), `direct` uses none, `manual` is one fixed proxy for every URL scheme with the agent's bypass list.
 * Chromium always sends loopback addresses direct (the demo sandbox stays reachable) unless told
 * `<-loopback>`. Pure: the shell hands the result to Electron (src/main/shell/proxy.ts).
 */
import { bypassEntries, proxyUrlProblem, type ProxySettings } from '../../shared/network/proxy'
import type { ProxyConfig } from '../ports/shell-adapters'

export function toElectronProxyConfig(settings: ProxySettings): ProxyConfig {
  if (settings.mode === 'direct') return { mode: 'direct' }
  // A manual proxy that is not usable (a file edited by hand) falls back to the OS's, never to a broken rule.
  if (settings.mode === 'system' || proxyUrlProblem(settings.url) !== null) return { mode: 'system' }
  const url = new URL(settings.url.trim())
  // Chromium's proxy rule: [<proxy-scheme>://]<host>[:<port>], the same for every URL scheme.
  const host = url.hostname
  const port = url.port === '' ? defaultPort(url.protocol) : url.port
  return {
    mode: 'fixed_servers',
    proxyRules: `${url.protocol}//${host}:${port}`,
    proxyBypassRules: bypassEntries(settings.bypass).join(','),
  }
}

function defaultPort(protocol: string): string {
  if (protocol === 'https:') return '443'
  if (protocol === 'socks5:') return '1080'
  return '80'
}

/** For the log: what the app now uses, without anything secret (a proxy URL has no credentials: refused). */
export function describeProxyConfig(config: ProxyConfig): string {
  if (config.mode === 'system') return 'the system proxy settings'
  if (config.mode === 'direct') return 'no proxy'
  return `the proxy ${config.proxyRules}${config.proxyBypassRules ? ` (bypassed for ${config.proxyBypassRules})` : ''}`
}
