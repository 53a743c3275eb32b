/**
 * Removing the account: its key leaves the session store and the keychain, the demo stops, the
 * session ends. A key the keychain would not delete is said after the rest is done, with what to do.
 */
import { coded } from '../../shared/i18n/error-texts'
import { BridgeFailure } from '../ports/errors'
import { stopDemo, type AccountContext } from './account-state'

export async function removeAccount(ctx: AccountContext): Promise<null> {
  const { deps, state } = ctx
  const account = deps.settings.getAccount()
  let keychainFailure: unknown = null
  if (account) {
    await deps.sessionStore.delete(account.baseUrl)
    if (account.keyStorage === 'keychain') {
      try {
        await deps.keychain.delete(account.baseUrl)
      } catch (error) {
        keychainFailure = error
      }
    }
  }
  deps.settings.setAccount(null)
  await stopDemo(ctx)
  state.session = null
  state.problem = null
  await deps.onSession(null)
  deps.onChange()
  if (keychainFailure) {
    deps.log.error('The account was removed but its key could not be deleted from the keychain.', keychainFailure)
    throw new BridgeFailure(
      'keychain_unavailable',
      coded('account.removedKeyKept', {
        reason: keychainFailure instanceof Error ? keychainFailure.message : String(keychainFailure),
      }),
    )
  }
  deps.log.info('Account removed.')
  return null
}
