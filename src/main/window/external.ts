import { coded } from '../../shared/i18n/error-texts'
import { targetConcerns } from '../../shared/domain/link-safety'
import { BridgeFailure } from '../ports/errors'

/** Links a message may carry that are safe to hand to the OS. Anything else
 * (file:, javascript:, custom app protocols, smb:) could run or open local
 * things on the agent's machine from a text a stranger sent. */
export const EXTERNAL_URL_SCHEMES = ['https:', 'http:', 'mailto:', 'tel:'] as const

/** The one way main opens a URL outside the app. */
export async function safeOpenExternal(rawUrl: string, open: (url: string) => Promise<void>): Promise<null> {
  let url: URL
  try {
    url = new URL(rawUrl.trim())
  } catch {
    // URL's own error ("Invalid URL") does not tell the agent what was wrong with the link.
    throw new BridgeFailure('invalid_argument', coded('link.invalid'))
  }
  if (!(EXTERNAL_URL_SCHEMES as readonly string[]).includes(url.protocol)) {
    throw new BridgeFailure('invalid_argument', coded('link.scheme', { scheme: url.protocol.replace(/:$/, '') }))
  }
  await open(url.protocol === 'mailto:' ? withoutMailtoExtras(url) : url.toString())
  return null
}

/** The mailto fields a mail client fills in for the agent to read before sending (RFC 6068). */
const MAILTO_FIELDS = new Set(['subject', 'body', 'cc', 'bcc', 'to'])

/**
 * A mailto: link with only the fields the agent sees in the new mail. Some
 * mail clients honour others, such as `attach=`/`attachment=` naming a local
 * file, which a link from a stranger could use to mail a file off the
 * agent's machine.
 */
export function withoutMailtoExtras(url: URL): string {
  const [address = '', query = ''] = url.href.slice('mailto:'.length).split('?', 2)
  const kept = query
    .split('&')
    .filter((pair) => pair !== '' && MAILTO_FIELDS.has(decodeURIComponent(pair.split('=')[0] ?? '').toLowerCase()))
  return `mailto:${address}${kept.length > 0 ? `?${kept.join('&')}` : ''}`
}

/**
 * A link the renderer tried to open as a new window (a middle click, `target=_blank`, window.open): it never asked
 * the agent, and main does not know the text it came with, so only a web link with nothing that needs the question
 * (src/shared/domain/link-safety.ts: a look-alike host, credentials, plain http) goes on to the safe opener. The
 * rest is refused: the link guard in the thread is the way to open those, after asking.
 */
export function opensFromNewWindow(rawUrl: string): boolean {
  let url: URL
  try {
    url = new URL(rawUrl)
  } catch {
    return false
  }
  return url.protocol === 'https:' && targetConcerns(url).length === 0
}
