/**
 * Connecting a real account: the key is checked by a real call before anything is saved, then kept in
 * the keychain (or memory for this session) and nowhere else. Each way it can fail gets a sentence the
 * connect form shows.
 */
import { coded } from '../../shared/i18n/error-texts'
import type { AccountSummary } from '../../shared/ipc/contract'
import { createInboxClient, DEFAULT_RETRY, networkReason } from '../api'
import { BridgeFailure } from '../ports/errors'
import { ApiError } from '../ports/inbox-api'
import { establish, forgetPrevious, keychainStatus, type AccountContext } from './account-state'
import { normaliseUserBaseUrl } from './base-url'
import { KeychainError } from './secrets'
import type { AccountSettings } from './settings'

export interface ConnectArgs {
  baseUrl: string
  apiKey: string
  keyStorage: 'keychain' | 'session'
}

const VERIFY_TIMEOUT_MS = 15_000

/** The verification call's failure, phrased for the connect form. */
function explainVerificationFailure(error: unknown, host: string): Error {
  if (!(error instanceof ApiError)) return error instanceof Error ? error : new Error(String(error))
  const extra = { detail: error.details.serverMessage ?? error.details.networkCode ?? error.details.operation }
  switch (error.kind) {
    case 'unauthorized':
      return new BridgeFailure('unauthorized', coded('connect.keyRefused', { host }), extra)
    case 'network':
      return new BridgeFailure(
        'network',
        coded('connect.unreachable', { host, reason: networkReason(error.details.networkCode, error) }),
        extra,
      )
    case 'timeout':
      return new BridgeFailure('timeout', coded('connect.timeout', { host }), extra)
    case 'not_found':
    case 'invalid_response':
    case 'bad_request':
      return new BridgeFailure('invalid_response', coded('connect.notInboxApi', { host }), { detail: error.message })
    default:
      return error
  }
}

/** A cheap real call (nothing changed since now) before anything is saved. */
async function verifyKey(ctx: AccountContext, baseUrl: string, apiKey: string): Promise<void> {
  const { deps } = ctx
  const probe = createInboxClient({
    baseUrl,
    apiKey,
    fetch: deps.fetch,
    timeoutMs: deps.verifyTimeoutMs ?? VERIFY_TIMEOUT_MS,
    retry: { ...DEFAULT_RETRY, attempts: 2 },
    log: deps.log.child('api'),
  })
  try {
    await probe.listConversations({ dateFrom: new Date().toISOString() })
  } catch (error) {
    throw explainVerificationFailure(error, new URL(baseUrl).host)
  }
}

/** Into the system keychain, or a sentence offering the session instead. */
async function saveInKeychain(ctx: AccountContext, baseUrl: string, apiKey: string): Promise<void> {
  // Probe again if it failed before: the agent may have unlocked or started the keyring since.
  if ((await keychainStatus(ctx)).available === false) ctx.state.keychainProbe = null
  const status = await keychainStatus(ctx)
  if (!status.available) {
    throw new BridgeFailure(
      'keychain_unavailable',
      coded('connect.keychainCannotKeep', { reason: status.reason ?? 'no keychain is available' }),
    )
  }
  try {
    await ctx.deps.keychain.set(baseUrl, apiKey)
  } catch (error) {
    const reason = error instanceof KeychainError ? error.reason : String(error)
    ctx.state.keychainProbe = Promise.resolve({
      available: false,
      reason: `The system keychain could not save the key: ${reason}.`,
    })
    throw new BridgeFailure('keychain_unavailable', coded('connect.keychainNotSaved', { reason }))
  }
}

export async function connectAccount(ctx: AccountContext, args: ConnectArgs): Promise<AccountSummary> {
  const { deps } = ctx
  const apiKey = args.apiKey.trim()
  deps.redactor.addSecret(apiKey)
  // An HTTP header takes visible ASCII only; anything else is a copy-paste accident.
  if (!/^[\x21-\x7e]+$/.test(apiKey)) {
    throw new BridgeFailure('invalid_argument', coded('connect.keyCharacters'))
  }
  const baseUrl = normaliseUserBaseUrl(args.baseUrl)
  await verifyKey(ctx, baseUrl, apiKey)
  if (args.keyStorage === 'keychain') await saveInKeychain(ctx, baseUrl, apiKey)
  else await deps.sessionStore.set(baseUrl, apiKey)

  const account: AccountSettings = { kind: 'remote', baseUrl, keyStorage: args.keyStorage }
  await forgetPrevious(ctx, deps.settings.getAccount(), account)
  deps.settings.setAccount(account)
  deps.log.info(
    `Connected to ${new URL(baseUrl).host}; the key is kept in the ${args.keyStorage === 'keychain' ? 'keychain' : 'session'}.`,
  )
  return establish(ctx, account, apiKey)
}
