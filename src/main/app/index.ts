/**
 * `createMainCore`: everything in main except Electron itself. The shell
 * builds `ShellAdapters` from Electron APIs, calls this, and routes IPC,
 * window, tray and power events to the returned `MainCore`. Tests build the
 * adapters from Node pieces and drive the same object.
 */
import { existsSync, readFileSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import type { AppState, RendererSettings, SettingsPatch } from '../../shared/ipc/contract'
import {
  createAccountService,
  type AccountService,
  type DemoSandbox,
  createKeychainStore,
  createSessionStore,
  createSettings,
  SETTINGS_STORE_NAME,
  settingsDefaults,
  startDemoSandbox,
} from '../account'
import { createDispatcher, createHandlers } from '../ipc'
import { consoleSink, createLogger, createRedactor } from '../log'
import type { Logger } from '../ports/logger'
import type { KeyValueStore, ShellAdapters, WindowBounds } from '../ports/shell-adapters'
import type { MainCore } from './main-core'
import { createDraftStore, DRAFTS_STORE_NAME, draftsDefaults } from '../drafts'
import { safeOpenExternal } from '../window'
import { createLiveInboxEngine } from './live-inbox-engine'
import type { InboxEngine } from '../ports/inbox-engine'
import type { InboxEngineDeps } from './inbox-engine-deps'

export interface CoreOptions {
  /** Replaces the sync engine + outbox (default: `createLiveInboxEngine`, ./live-inbox-engine.ts). */
  createInboxEngine?: (deps: InboxEngineDeps) => InboxEngine
  /** Replaces how the demo sandbox starts (default: the bundled sandbox, in process). */
  startDemoSandbox?: () => Promise<DemoSandbox>
  /** Timeout of the call that checks a key when connecting. */
  verifyTimeoutMs?: number
}

/** The extra a test (or the e2e harness, through `evaluate`) may look at. */
export interface MainCoreInternals extends MainCore {
  readonly account: AccountService
  readonly log: Logger
}

/**
 * Opens a store, first moving aside a file that is not valid JSON so that a
 * corrupt file costs the defaults, not a crash, and stays there for support.
 */
function openStore<T extends Record<string, unknown>>(
  adapters: ShellAdapters,
  name: string,
  defaults: T,
  log: Logger,
): KeyValueStore<T> {
  const file = join(adapters.userDataDir, `${name}.json`)
  if (existsSync(file)) {
    try {
      JSON.parse(readFileSync(file, 'utf8'))
    } catch (error) {
      const aside = join(adapters.userDataDir, `${name}.corrupt-${Date.now()}.json`)
      renameSync(file, aside)
      log.warn(`${name}.json was not valid JSON; moved it to ${aside} and started from defaults.`, error)
    }
  }
  return adapters.createStore(name, defaults)
}

export function createMainCore(adapters: ShellAdapters, options: CoreOptions = {}): MainCoreInternals {
  const redactor = createRedactor()
  const log = createLogger(adapters.logSink ?? consoleSink, redactor, 'main')
  const settings = createSettings(
    openStore(adapters, SETTINGS_STORE_NAME, settingsDefaults, log),
    log.child('settings'),
  )
  const drafts = createDraftStore(openStore(adapters, DRAFTS_STORE_NAME, draftsDefaults, log), log.child('drafts'))

  let focusedConversation: string | null = null
  let windowFocused = false

  // The engine and the account service need each other (the engine asks for
  // the client, the account tells the engine about sessions): `account` is
  // assigned just below, before anything can call these.
  // eslint-disable-next-line prefer-const
  let account: AccountService
  const inbox = (options.createInboxEngine ?? createLiveInboxEngine)({
    adapters,
    log: log.child('inbox'),
    openStore: (name, defaults) => openStore(adapters, name, defaults, log),
    getClient: () => account.client(),
    getSettings: () => settings.getRenderer(),
    getFocusedConversation: () => focusedConversation,
    isWindowFocused: () => windowFocused,
    reportAccountProblem: (problem) => account.reportProblem(problem),
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
    onChange: () => void emitAppState(),
    onSession: (session) => inbox.accountChanged(session),
  })

  async function getAppState(): Promise<AppState> {
    return {
      account: account.summary(),
      keychain: await account.keychainStatus(),
      settings: settings.getRenderer(),
      accountProblem: account.problem(),
      platform: adapters.platform,
      version: adapters.appVersion,
      systemLocales: [...adapters.systemLocales],
    }
  }

  async function emitAppState(): Promise<void> {
    try {
      adapters.emit('appStateChanged', await getAppState())
    } catch (error) {
      log.error('Could not send the app state to the window.', error)
    }
  }

  function updateSettings(patch: SettingsPatch): RendererSettings {
    const before = settings.getRenderer().notifications.doNotDisturb
    const next = settings.updateRenderer(patch)
    if (next.notifications.doNotDisturb !== before) adapters.setDoNotDisturb(next.notifications.doNotDisturb)
    inbox.settingsChanged(next)
    void emitAppState()
    return next
  }

  const dispatch = createDispatcher(
    createHandlers({
      account,
      inbox,
      drafts,
      getAppState,
      updateSettings,
      setFocusedConversation(chatId) {
        focusedConversation = chatId
        inbox.setFocusedConversation(chatId)
      },
      openExternal: (url) => safeOpenExternal(url, (safe) => adapters.openExternal(safe)),
    }),
    { log: log.child('ipc'), redactor },
  )

  return {
    account,
    log,
    invoke: dispatch,
    async start() {
      adapters.setDoNotDisturb(settings.getRenderer().notifications.doNotDisturb)
      try {
        await account.restore()
      } catch (error) {
        // The app must open even when the saved account cannot be restored: say why, offer to fix it.
        log.error('The saved account could not be restored.', error)
        account.reportProblem({
          kind: 'internal',
          message: 'The saved account could not be opened. Connect it again in Settings.',
          detail: error instanceof Error ? error.message : String(error),
        })
      }
    },
    async stop() {
      await inbox.stop()
      await account.stop()
    },
    setWindowFocused(focused) {
      windowFocused = focused
      inbox.setWindowFocused(focused)
    },
    setSystemAwake: (awake) => inbox.setSystemAwake(awake),
    setOnline: (online) => inbox.setOnline(online),
    notificationClicked(chatId) {
      adapters.emit('openConversation', { chatId })
    },
    setDoNotDisturb(enabled) {
      updateSettings({ notifications: { doNotDisturb: enabled } })
    },
    isDoNotDisturb: () => settings.getRenderer().notifications.doNotDisturb,
    shouldCloseToTray: () => settings.getRenderer().closeToTray,
    getWindowBounds: () => settings.getWindowBounds(),
    saveWindowBounds: (bounds: WindowBounds) => settings.setWindowBounds(bounds),
  }
}

export type { MainCore } from './main-core'
export type { ShellAdapters } from '../ports/shell-adapters'
