import type { TFunction } from 'i18next'
import type { BridgeErrorKind } from '../../../shared/ipc/contract'
import { i18n } from '../i18n/i18n'

/** What to tell the agent when connecting fails, one message per kind, in the UI language (`t`). */
export function connectErrorMessage(
  t: TFunction,
  kind: BridgeErrorKind,
  serverMessage: string,
  baseUrl: string,
  retryAfterMs?: number,
): { title: string; body: string } {
  const address = baseUrl.trim() || t('connect.thatAddress')
  switch (kind) {
    case 'unauthorized':
      return { title: t('connect.unauthorizedTitle'), body: t('connect.unauthorizedBody') }
    case 'network':
      return { title: t('connect.networkTitle'), body: t('connect.networkBody', { address }) }
    case 'timeout':
      return { title: t('connect.timeoutTitle'), body: t('connect.timeoutBody', { address }) }
    case 'invalid_response':
    case 'not_found':
      return { title: t('connect.notInboxApiTitle'), body: t('connect.notInboxApiBody', { address }) }
    case 'invalid_argument':
      return { title: t('connect.checkFormTitle'), body: serverMessage }
    case 'rate_limited':
      return {
        title: t('connect.rateLimitedTitle'),
        body: t('connect.rateLimitedBody', { count: Math.max(1, Math.ceil((retryAfterMs ?? 1000) / 1000)) }),
      }
    // The message already names the cause, in the UI language (bridge/client.ts errorMessage).
    case 'proxy':
      return { title: i18n.t('errors.proxyTitle'), body: serverMessage }
    case 'certificate':
      return { title: i18n.t('errors.certificateTitle'), body: serverMessage }
    case 'unavailable':
      return { title: t('connect.unavailableTitle'), body: t('connect.unavailableBody') }
    default:
      return { title: t('connect.failedTitle'), body: serverMessage }
  }
}
