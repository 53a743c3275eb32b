/**
 * Where the API key may travel over plain `http://`: only to this machine.
 * Anywhere else it would cross a network in clear text, so an `http://`
 * address is refused for any other host, on connect (account/base-url.ts) and
 * again on every call (the transport), for addresses saved by older versions.
 */
import { coded, type CodedText } from '../../shared/i18n/error-texts'

/** Loopback as a parsed URL's `hostname` spells it: localhost, 127.0.0.0/8, [::1], [::ffff:7f…]. */
export function isLoopbackHostname(hostname: string): boolean {
  const host = hostname.toLowerCase()
  if (host === 'localhost' || host.endsWith('.localhost')) return true
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return true
  if (host === '[::1]') return true
  // IPv4-mapped IPv6: the URL parser writes ::ffff:127.0.0.1 as [::ffff:7f00:1].
  return /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(host)
}

/** Why this address may not carry the key, or null when it may (https, or http to this machine). */
export function plainHttpProblem(url: URL): CodedText | null {
  if (url.protocol !== 'http:' || isLoopbackHostname(url.hostname)) return null
  return coded('address.plainHttp', { host: url.host })
}
