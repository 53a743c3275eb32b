import type { AppState, LocalDataNotice } from '../../shared/ipc/contract'
import type { AccountService, Settings } from '../account'
import type { Logger } from '../ports/logger'
import type { ShellAdapters } from '../ports/shell-adapters'

/** Everything the window needs to draw its frame: account, keychain, settings, platform. */
export async function readAppState(
  adapters: ShellAdapters,
  settings: Settings,
  account: AccountService,
  localDataNotice: LocalDataNotice | null,
  lastOpenConversation: string | null,
): Promise<AppState> {
  return {
    account: account.summary(),
    keychain: await account.keychainStatus(),
    settings: settings.getRenderer(),
    accountProblem: account.problem(),
    localDataNotice,
    lastOpenConversation,
    platform: adapters.platform,
    version: adapters.appVersion,
    systemLocales: [...adapters.systemLocales],
    availableSpellCheckLanguages: [...(adapters.spellChecker?.available ?? [])],
  }
}

/** Pushes the app state to the window; a failure is logged, never thrown into the caller. */
export async function sendAppState(adapters: ShellAdapters, read: () => Promise<AppState>, log: Logger): Promise<void> {
  try {
    adapters.emit('appStateChanged', await read())
  } catch (error) {
    log.error('Could not send the app state to the window.', error)
  }
}
