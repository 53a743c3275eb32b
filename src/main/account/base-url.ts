/**
 * The API address an agent types, made canonical and checked before any call: the connect form's
 * first line of defence, with a sentence for each way it can be wrong.
 */
import { coded } from '../../shared/i18n/error-texts'
import { plainHttpProblem } from '../api'
import { BridgeFailure } from '../ports/errors'

/**
 * What the agent typed → `https://host[:port][/prefix]`. A missing scheme means
 * https. Anything else than http(s), credentials in the URL, or no host gets a
 * sentence saying what to fix.
 */
export function normaliseUserBaseUrl(input: string): string {
  const trimmed = input.trim()
  const withScheme = /^[a-z][a-z\d+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`
  let url: URL
  try {
    url = new URL(withScheme)
  } catch {
    // URL's own error text ("Invalid URL") says nothing the agent can act on.
    throw new BridgeFailure('invalid_argument', coded('address.notWebAddress', { input: trimmed.slice(0, 200) }))
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new BridgeFailure('invalid_argument', coded('address.scheme', { scheme: url.protocol }))
  }
  const insecure = plainHttpProblem(url)
  if (insecure) throw new BridgeFailure('invalid_argument', insecure)
  if (url.username || url.password) {
    throw new BridgeFailure('invalid_argument', coded('address.credentials'))
  }
  if (!url.hostname) {
    throw new BridgeFailure('invalid_argument', coded('address.noHost'))
  }
  const path = url.pathname.replace(/\/+$/, '')
  return `${url.protocol}//${url.host}${path}`
}
