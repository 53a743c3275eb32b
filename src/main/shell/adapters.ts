/**
 * The ShellAdapters the core runs on, built from Electron: net.fetch (system proxy and certificates),
 * electron-store in userData, electron-log, the keychain, and the window, tray and notifications the
 * shell shows. The core and those surfaces need each other, so the adapters read them late, through
 * `ShellSurfaces`: the shell fills it in once the core exists (before `core.start()`).
 */
import { app, nativeTheme, net, session, shell, type BrowserWindow } from 'electron'
import ElectronStore from 'electron-store'
import { ipcChannelName } from '../../shared/ipc/channels'
import { createKeychainStore } from '../account'
import type { KeyValueStore, ShellAdapters } from '../ports/shell-adapters'
import { createElectronLogSink } from './log'
import { applyProxyToSession } from './proxy'
import type { NotificationPresenter } from './notifications'
import { createSpellCheckerAdapter } from './spellcheck'
import type { TrayPresenter } from './tray'

/** What the shell shows, while it exists: no window after it is closed, no tray on a desktop without one. */
export interface ShellSurfaces {
  window: BrowserWindow | null
  tray: TrayPresenter | null
  notifications: NotificationPresenter | null
}

export function createShellAdapters(
  surfaces: ShellSurfaces,
  options: { userDataDir: string; keychainService?: string },
): ShellAdapters {
  const { userDataDir, keychainService } = options
  return {
    fetch: ((input, init) => net.fetch(input as string, init)) as typeof fetch,
    userDataDir,
    appVersion: app.getVersion(),
    platform: process.platform,
    systemLocales: [...app.getPreferredSystemLanguages(), app.getLocale()],
    spellChecker: createSpellCheckerAdapter(session.defaultSession),
    openExternal: (url) => shell.openExternal(url),
    emit(event, payload) {
      const win = surfaces.window
      if (win && !win.isDestroyed()) win.webContents.send(ipcChannelName(event), payload)
    },
    showNotification(request) {
      // The presenter exists before the core starts, and nothing notifies before that.
      if (!surfaces.notifications) throw new Error('A notification was asked for before the shell could show one.')
      surfaces.notifications.show(request)
    },
    setUnreadTotal: (total) => surfaces.tray?.setUnreadTotal(total),
    setDoNotDisturb: (enabled) => surfaces.tray?.setDoNotDisturb(enabled),
    createStore<T extends Record<string, unknown>>(name: string, defaults: T): KeyValueStore<T> {
      // electron-store types defaults as a deep readonly partial; our T is the full shape, which fits.
      const store = new ElectronStore<T>({
        name,
        defaults: defaults as never,
        cwd: userDataDir,
        clearInvalidConfig: true,
      })
      return store as unknown as KeyValueStore<T>
    },
    logSink: createElectronLogSink(userDataDir),
    keychain: keychainService ? createKeychainStore({ service: keychainService }) : undefined,
    applyProxy: applyProxyToSession,
    setThemeSource(theme) {
      nativeTheme.themeSource = theme
    },
  }
}
