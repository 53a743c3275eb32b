/**
 * At start: reconnect the saved account with its saved key, or say what it needs (a key that is gone,
 * a keychain that cannot be read, a key the server now refuses) as the account's problem.
 */
import { coded } from '../../shared/i18n/error-texts'
import { codedBridgeError } from '../ports/errors'
import { ApiError } from '../ports/inbox-api'
import { establish, keychainStatus, setProblem, storeFor, type AccountContext } from './account-state'
import { restoreDemoAccount } from './demo-account'

export async function restoreAccount(ctx: AccountContext): Promise<void> {
  const { deps } = ctx
  await keychainStatus(ctx)
  const account = deps.settings.getAccount()
  if (!account) return
  const host = new URL(account.baseUrl).host
  if (account.kind === 'demo') return restoreDemoAccount(ctx, account)

  let apiKey: string | null
  try {
    apiKey = await storeFor(ctx, account).get(account.baseUrl)
  } catch (error) {
    deps.log.error(`The key for ${host} could not be read from the keychain.`, error)
    const reason = error instanceof Error ? error.message : String(error)
    setProblem(ctx, codedBridgeError('keychain_unavailable', coded('account.keyUnreadable', { host, reason })))
    return
  }
  if (apiKey === null) {
    const gone = account.keyStorage === 'session' ? 'account.keySessionOnly' : 'account.keyGone'
    setProblem(ctx, codedBridgeError('unauthorized', coded(gone, { host })))
    return
  }
  await establish(ctx, account, apiKey)
  void checkSavedKey(ctx, host)
}

/** At start, in the background: a refused key becomes the account's problem, shown once. */
async function checkSavedKey(ctx: AccountContext, host: string): Promise<void> {
  const current = ctx.state.session
  if (!current) return
  try {
    await current.client.listConversations({ dateFrom: new Date().toISOString() })
  } catch (error) {
    if (ctx.state.session !== current) return // the account changed meanwhile
    if (error instanceof ApiError && error.kind === 'unauthorized') {
      setProblem(ctx, codedBridgeError('unauthorized', coded('account.keyRefused', { host })))
    } else {
      // Offline at start is normal: the sync engine reports and retries.
      ctx.deps.log.info(`The saved key for ${host} could not be checked at start: ${(error as Error).message}`)
    }
  }
}
