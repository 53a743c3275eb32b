/**
 * The account and the inbox engine that serves it, built together: the
 * engine asks the account for the client, the account tells the engine about
 * sessions.
 */
import { coded } from '../../shared/i18n/error-texts'
import {
  createAccountService,
  type AccountService,
  type DemoSandbox,
  createKeychainStore,
  createSessionStore,
  type Settings,
  startDemoSandbox,
} from '../account'
import { codedBridgeError } from '../ports/errors'
import type { LocalDataNotice } from '../../shared/ipc/contract'
import type { InboxEngine } from '../ports/inbox-engine'
import type { Logger, Redactor } from '../ports/logger'
import type { ShellAdapters } from '../ports/shell-adapters'
import type { Translate } from '../i18n'
import type { InboxEngineDeps } from './inbox-engine-deps'
import { createLiveInboxEngine } from './live-inbox-engine'
import { openStore } from './open-store'
import { userDataDatabases } from './account-database'

export interface AccountRuntimeOptions {
  /** Replaces the sync engine + outbox (default: `createLiveInboxEngine`, ./live-inbox-engine.ts). */
  createInboxEngine?: (deps: InboxEngineDeps) => InboxEngine
  /** Replaces how the demo sandbox starts (default: the bundled sandbox, in process). */
  startDemoSandbox?: () => Promise<DemoSandbox>
  /** Timeout of the call that checks a key when connecting. */
  verifyTimeoutMs?: number
}

/** What the window shows right now, which the engine reads for notifications. */
export interface ViewState {
  focusedConversation: string | null
  windowFocused: boolean
}

export interface AccountRuntime {
  readonly account: AccountService
  readonly inbox: InboxEngine
  /** What to tell the agent about the local database (AppState.localDataNotice), until dismissed. */
  readonly localData: { notice(): LocalDataNotice | null; dismiss(): void }
}

export function createAccountRuntime(deps: {
  adapters: ShellAdapters
  options: AccountRuntimeOptions
  log: Logger
  redactor: Redactor
  settings: Settings
  view: ViewState
  t: Translate
  onAccountChange: () => void
}): AccountRuntime {
  const { adapters, options, log, redactor, settings, view } = deps
  // `account` is assigned just below, before anything can call these.
  // eslint-disable-next-line prefer-const
  let account: AccountService
  let notice: LocalDataNotice | null = null
  const inbox = (options.createInboxEngine ?? createLiveInboxEngine)({
    adapters,
    log: log.child('inbox'),
    openStore: (name, defaults) => openStore(adapters, name, defaults, log),
    databases: userDataDatabases(adapters.userDataDir),
    getClient: () => account.client(),
    getSettings: () => settings.getRenderer(),
    getFocusedConversation: () => view.focusedConversation,
    isWindowFocused: () => view.windowFocused,
    t: deps.t,
    reportAccountProblem: (problem) => account.reportProblem(problem),
    reportLocalData(next) {
      notice = next
      deps.onAccountChange()
    },
  })
  account = createAccountService({
    settings,
    keychain: adapters.keychain ?? createKeychainStore(),
    sessionStore: createSessionStore(),
    fetch: adapters.fetch,
    log: log.child('account'),
    redactor,
    startDemoSandbox: options.startDemoSandbox ?? (() => startDemoSandbox(log.child('demo'))),
    verifyTimeoutMs: options.verifyTimeoutMs,
    onChange: deps.onAccountChange,
    onSession: (session) => inbox.accountChanged(session),
  })
  const localData = {
    notice: () => notice,
    dismiss() {
      notice = null
      deps.onAccountChange()
    },
  }
  return { account, inbox, localData }
}

/** The app must open even when the saved account cannot be restored: say why, offer to fix it. */
export async function restoreSavedAccount(account: AccountService, log: Logger): Promise<void> {
  try {
    await account.restore()
  } catch (error) {
    log.error('The saved account could not be restored.', error)
    account.reportProblem(
      codedBridgeError('internal', coded('account.savedNotOpened'), {
        detail: error instanceof Error ? error.message : String(error),
      }),
    )
  }
}
