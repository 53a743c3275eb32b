/**
 * Removing the account: its key leaves the session store and the keychain, the demo stops, the
 * session ends. A key the keychain would not delete is said after the rest is done, with what to do.
 */
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
      `The account was removed, but its key could not be deleted from the system keychain (${keychainFailure instanceof Error ? keychainFailure.message : String(keychainFailure)}). Delete the “Inbox Desk” entry in your keychain app.`,
    )
  }
  deps.log.info('Account removed.')
  return null
}
