/**
 * The proxy setting (Settings → Network) and its validation, shared by the bridge contract (which refuses a
 * bad value) and the renderer (which says what is wrong before sending it). Problems are codes: the renderer
 * shows the catalog's `network.problem.<code>`, the contract its English sentence.
 */
import { z } from 'zod'

export const proxyModes = ['system', 'direct', 'manual'] as const
export type ProxyMode = (typeof proxyModes)[number]

/** Proxy schemes Chromium's fixed_servers rules understand and Inbox Desk offers. */
export const PROXY_SCHEMES = ['http', 'https', 'socks5'] as const
export const PROXY_URL_MAX_LENGTH = 2048
export const PROXY_BYPASS_MAX_LENGTH = 4096

export type ProxyUrlProblem = 'empty' | 'not_url' | 'scheme' | 'no_host' | 'credentials' | 'path' | 'port'
export type ProxyBypassProblem = 'bypass_entry'

export const proxyProblemMessages: Record<ProxyUrlProblem | ProxyBypassProblem, string> = {
  empty: 'Enter the proxy address, for example http://proxy.example.com:8080.',
  not_url: 'This is not a proxy address. Write it as scheme://host:port, for example http://proxy.example.com:8080.',
  scheme: 'The proxy address must start with http://, https:// or socks5://.',
  no_host: 'The proxy address has no host name.',
  credentials:
    'Leave the user name and password out of the proxy address: Inbox Desk would have to store them in plain text.',
  path: 'A proxy address has no path, query or fragment: only scheme://host:port.',
  port: 'The proxy port must be a number from 1 to 65535.',
  bypass_entry:
    'Each bypass entry is a host name (*.example.com), an IP address or range (10.0.0.0/8), or <local>, separated by commas.',
}

/** What is wrong with a proxy URL, or null when Chromium can use it as a fixed proxy. */
export function proxyUrlProblem(input: string): ProxyUrlProblem | null {
  const text = input.trim()
  if (text === '') return 'empty'
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)?.[1]?.toLowerCase()
  if (scheme === undefined) return 'not_url'
  if (!(PROXY_SCHEMES as readonly string[]).includes(scheme)) return 'scheme'
  if (/^[^:]+:\/\/(:|\/|$)/.test(text)) return 'no_host'
  let url: URL
  try {
    url = new URL(text)
  } catch {
    // A bad port (":99999", ":abc") is the usual reason the URL parser refuses a scheme://host:port.
    return /^[^:]+:\/\/[^/@]*:[^/:\]]*\/?$/.test(text) ? 'port' : 'not_url'
  }
  if (url.hostname === '') return 'no_host'
  if (url.username !== '' || url.password !== '') return 'credentials'
  if ((url.pathname !== '' && url.pathname !== '/') || url.search !== '' || url.hash !== '') return 'path'
  if (url.port !== '' && (Number(url.port) < 1 || Number(url.port) > 65535)) return 'port'
  return null
}

/** Chromium's bypass rules: `<local>`, host patterns with `*`, IP literals, CIDR ranges, each with an optional port. */
const BYPASS_ENTRY = /^(<local>|<-loopback>|[\w*.-]+(:\d{1,5})?|\[[0-9a-f:.]+\](:\d{1,5})?|[0-9a-f:.]+\/\d{1,3})$/i

export function bypassEntries(input: string): string[] {
  return input
    .split(/[,;\n]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
}

export function proxyBypassProblem(input: string): ProxyBypassProblem | null {
  return bypassEntries(input).every((entry) => BYPASS_ENTRY.test(entry)) ? null : 'bypass_entry'
}

export const proxySettingsSchema = z
  .object({
    mode: z.enum(proxyModes),
    /** Used when `mode` is manual; kept when another mode is chosen, so switching back loses nothing. */
    url: z.string().max(PROXY_URL_MAX_LENGTH),
    /** Hosts that never go through the manual proxy, comma-separated. */
    bypass: z.string().max(PROXY_BYPASS_MAX_LENGTH),
  })
  .strict()
  .superRefine((value, context) => {
    if (value.mode !== 'manual') return
    const urlProblem = proxyUrlProblem(value.url)
    if (urlProblem) context.addIssue({ code: 'custom', path: ['url'], message: proxyProblemMessages[urlProblem] })
    const bypassProblem = proxyBypassProblem(value.bypass)
    if (bypassProblem) {
      context.addIssue({ code: 'custom', path: ['bypass'], message: proxyProblemMessages[bypassProblem] })
    }
  })
export type ProxySettings = z.infer<typeof proxySettingsSchema>

export const defaultProxySettings: ProxySettings = { mode: 'system', url: '', bypass: '' }
