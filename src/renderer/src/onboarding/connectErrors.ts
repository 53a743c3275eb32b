import type { BridgeErrorKind } from '../../../shared/ipc/contract'
import { i18n } from '../i18n/i18n'

/** What to tell the agent when connecting fails, one message per kind. */
export function connectErrorMessage(
  kind: BridgeErrorKind,
  serverMessage: string,
  baseUrl: string,
  retryAfterMs?: number,
): { title: string; body: string } {
  const address = baseUrl.trim() || 'that address'
  switch (kind) {
    case 'unauthorized':
      return {
        title: 'Key refused',
        body: 'The server refused this API key. Check that you copied the whole key and that it belongs to this API address.',
      }
    case 'network':
      return {
        title: 'Could not reach the server',
        body: `Nothing answered at ${address}. Check the address (including http:// or https:// and the port) and your network connection.`,
      }
    case 'timeout':
      return {
        title: 'The server did not answer',
        body: `${address} did not answer in time. It may be down or overloaded: try again in a moment.`,
      }
    case 'invalid_response':
    case 'not_found':
      return {
        title: 'Not an Inbox API',
        body: `${address} answered, but not like an Inbox API. Check the address: it should be the API's base URL.`,
      }
    case 'invalid_argument':
      return { title: 'Check the form', body: serverMessage }
    case 'rate_limited':
      return {
        title: 'Too many attempts',
        body: `The server asks us to slow down. Try again in ${Math.max(1, Math.ceil((retryAfterMs ?? 1000) / 1000))} s.`,
      }
    // The message already names the cause, in the UI language (bridge/client.ts errorMessage).
    case 'proxy':
      return { title: i18n.t('errors.proxyTitle'), body: serverMessage }
    case 'certificate':
      return { title: i18n.t('errors.certificateTitle'), body: serverMessage }
    case 'unavailable':
      return {
        title: 'The server is unavailable',
        body: 'The server answered that it is temporarily unavailable. Try again in a moment.',
      }
    default:
      return { title: 'Could not connect', body: serverMessage }
  }
}
