/**
 * `createMainCore`: everything in main except Electron itself. The shell
 * builds `ShellAdapters` from Electron APIs, calls this, and routes IPC,
 * window, tray and power events to the returned `MainCore`. Tests build the
 * adapters from Node pieces and drive the same object.
 */
import type { AppState, RendererSettings, SettingsPatch } from '../../shared/ipc/contract'
import {
  type AccountService,
  createSettings,
  seededCannedReplies,
  SETTINGS_STORE_NAME,
  settingsDefaults,
} from '../account'
import { createDispatcher, createHandlers, type HandlerServices } from '../ipc'
import { consoleSink, createLogger, createRedactor } from '../log'
import type { InboxEngine } from '../ports/inbox-engine'
import type { Logger } from '../ports/logger'
import type { ShellAdapters, WindowBounds } from '../ports/shell-adapters'
import type { MainCore } from './main-core'
import { safeOpenExternal } from '../window'
import { createProxyApplier } from '../network'
import {
  createAccountRuntime,
  restoreSavedAccount,
  type AccountRuntimeOptions,
  type ViewState,
} from './account-runtime'
import { openStore, storeFileExists } from './open-store'
import { readAppState, sendAppState } from './app-state'
import { createLanguage } from './language'
import { createUpdates, startUpdates } from './updates'

export type CoreOptions = AccountRuntimeOptions

/** The extra a test (or the e2e harness, through `evaluate`) may look at. */
export interface MainCoreInternals extends MainCore {
  readonly account: AccountService
  readonly log: Logger
}

export function createMainCore(shellAdapters: ShellAdapters, options: CoreOptions = {}): MainCoreInternals {
  const redactor = createRedactor()
  const log = createLogger(shellAdapters.logSink ?? consoleSink, redactor, 'main')
  const { updates, adapters, settings, language } = openMainParts(shellAdapters, log)

  const view: ViewState = { focusedConversation: null, windowFocused: false }
  const { account, inbox, localData } = createAccountRuntime({
    adapters,
    options,
    log,
    redactor,
    settings,
    view,
    t: language.i18n.t,
    onAccountChange: () => void emitAppState(),
  })

  const getAppState = (): Promise<AppState> =>
    readAppState(adapters, settings, account, localData.notice(), inbox.lastOpenConversation())

  function emitAppState(): Promise<void> {
    return sendAppState(adapters, getAppState, log)
  }

  const applyProxy = createProxyApplier(adapters, () => settings.getRenderer().proxy, log.child('network'))

  function updateSettings(patch: SettingsPatch): RendererSettings {
    const before = settings.getRenderer().notifications.doNotDisturb
    const next = settings.updateRenderer(patch)
    if (next.notifications.doNotDisturb !== before) adapters.setDoNotDisturb(next.notifications.doNotDisturb)
    adapters.setThemeSource?.(next.theme)
    language.settingsChanged(next)
    inbox.settingsChanged(next)
    void applyProxy() // live: only when the route changed
    void emitAppState()
    return next
  }

  const dispatch = createDispatcher(
    createHandlers({
      account,
      inbox,
      updates,
      getAppState,
      updateSettings,
      dismissLocalDataNotice: () => localData.dismiss(),
      ...viewHandlers(view, inbox, adapters),
    }),
    { log: log.child('ipc'), redactor },
  )

  return {
    account,
    log,
    i18n: language.i18n,
    invoke: dispatch,
    async start() {
      adapters.setDoNotDisturb(settings.getRenderer().notifications.doNotDisturb)
      adapters.setThemeSource?.(settings.getRenderer().theme)
      // Before the account's first request: it must already take the agent's route.
      await applyProxy()
      await restoreSavedAccount(account, log)
      await startUpdates(updates, log)
    },
    async stop() {
      updates.stop()
      await inbox.stop()
      await account.stop()
    },
    setWindowFocused(focused) {
      view.windowFocused = focused
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

/** What main keeps across accounts: the updater, settings and the UI language (drafts are the account's). */
function openMainParts(shellAdapters: ShellAdapters, log: Logger) {
  const { updates, adapters } = createUpdates(shellAdapters, log)
  const firstRun = !storeFileExists(adapters, SETTINGS_STORE_NAME)
  const settings = createSettings(
    openStore(adapters, SETTINGS_STORE_NAME, settingsDefaults, log),
    log.child('settings'),
  )
  // Notifications, the tray, dialogs and the spell checker in the UI language; follow updateSettings.
  const language = createLanguage(adapters, settings.getRenderer(), log.child('language'))
  // The example canned replies speak the agent's language from the first start (later, they are the agent's).
  if (firstRun) settings.updateRenderer({ cannedReplies: seededCannedReplies(language.i18n.t) })
  return { updates, adapters, settings, language }
}

/** The bridge handlers that act on the window's view and on the OS rather than on a service. */
function viewHandlers(
  view: ViewState,
  inbox: InboxEngine,
  adapters: Pick<ShellAdapters, 'openExternal'>,
): Pick<HandlerServices, 'setFocusedConversation' | 'openExternal'> {
  return {
    setFocusedConversation(chatId) {
      view.focusedConversation = chatId
      inbox.setFocusedConversation(chatId)
    },
    openExternal: (url) => safeOpenExternal(url, (safe) => adapters.openExternal(safe)),
  }
}

export type { MainCore } from './main-core'
export type { ShellAdapters } from '../ports/shell-adapters'
