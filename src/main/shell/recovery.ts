/**
 * A renderer that dies is reloaded; one that keeps dying gets the recovery page instead (../window/crash-loop.ts,
 * ../window/recovery-page.ts), whose three buttons land here as navigations: Reload, Clear cached data (the
 * session's HTTP cache and web storage only: the account, the key, the outbox and the drafts live in main's own
 * files and the keychain, which this never touches), Copy diagnostics (to the clipboard).
 */
import { app, clipboard, type BrowserWindow } from 'electron'
import { release } from 'node:os'
import type { MainI18n } from '../i18n'
import type { Logger } from '../ports/logger'
import {
  createCrashLoopPolicy,
  diagnosticsText,
  recoveryActionOf,
  recoveryPageUrl,
  type RecoveryAction,
  type RecoveryNotice,
} from '../window'

/** Web storage the renderer may hold (Electron's names); the HTTP cache is cleared apart. */
const RENDERER_STORAGES = [
  'cookies',
  'filesystem',
  'indexdb',
  'localstorage',
  'shadercache',
  'serviceworkers',
  'cachestorage',
] as const

export interface CrashRecovery {
  /** For will-navigate: true when `url` was a recovery page button, now handled (the navigation must be stopped). */
  handleNavigation(url: string): boolean
}

export function handleRendererCrashes(
  win: BrowserWindow,
  options: { uiEntryUrl: string; i18n: Pick<MainI18n, 't' | 'locale'>; log: Logger },
): CrashRecovery {
  const { log, i18n } = options
  const crashes = createCrashLoopPolicy()
  let showingRecovery = false
  const showRecovery = (notice?: RecoveryNotice) => {
    showingRecovery = true
    const url = recoveryPageUrl({ locale: i18n.locale(), t: i18n.t, crashes: crashes.history(), notice })
    void win.loadURL(url).catch((error: unknown) => log.error('Could not show the recovery page.', error))
  }
  const reloadUi = () => {
    showingRecovery = false
    crashes.reset()
    void win.loadURL(options.uiEntryUrl).catch((error: unknown) => log.error('Could not reload the UI.', error))
  }

  win.webContents.on('render-process-gone', (_event, details) => {
    if (win.isDestroyed()) return
    if (crashes.onCrash(Date.now(), details.reason, details.exitCode) === 'reload') {
      log.error(`The window's renderer is gone (${details.reason}); reloading it.`)
      void win.loadURL(options.uiEntryUrl)
    } else {
      log.error(`The window's renderer is gone again (${details.reason}); it keeps crashing: the recovery page.`)
      showRecovery()
    }
  })

  const actions: Record<RecoveryAction, () => Promise<void> | void> = {
    reload: () => {
      log.info('Recovery page: Reload.')
      reloadUi()
    },
    'clear-cache': async () => {
      log.info('Recovery page: Clear cached data.')
      try {
        await win.webContents.session.clearCache()
        await win.webContents.session.clearStorageData({ storages: [...RENDERER_STORAGES] })
      } catch (error) {
        log.error('Clearing the cached data failed.', error)
        showRecovery({ kind: 'clearFailed', error: error instanceof Error ? error.message : String(error) })
        return
      }
      reloadUi()
    },
    'copy-diagnostics': () => {
      log.info('Recovery page: Copy diagnostics.')
      clipboard.writeText(
        diagnosticsText({
          appVersion: app.getVersion(),
          platform: process.platform,
          arch: process.arch,
          osRelease: release(),
          versions: process.versions,
          locale: i18n.locale(),
          crashes: crashes.history(),
        }),
      )
      showRecovery({ kind: 'copied' })
    },
  }

  return {
    handleNavigation(url) {
      const action = recoveryActionOf(url)
      if (action === null) return false
      // Only the recovery page's own buttons: the UI (or anything else) asking for these is just a blocked navigation.
      if (!showingRecovery) return false
      void Promise.resolve(actions[action]()).catch((error: unknown) => log.error(`Recovery: ${action} failed.`, error))
      return true
    },
  }
}
