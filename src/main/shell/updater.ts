/**
 * electron-updater behind the `Updater` port, and the install facts the update logic decides from
 * (src/main/update). Only the electron-updater calls live here: when to check, whether updates are on and
 * what to show are decided there and unit-tested. The e2e build swaps electron-updater for a stand-in
 * (tests/e2e/electron-shim/electron-updater.cjs, electron.vite.config.ts) so the specs can drive it.
 */
import { app } from 'electron'
import { autoUpdater, type AppUpdater, type ProgressInfo, type UpdateInfo } from 'electron-updater'
import { userInfo } from 'node:os'
import { dirname } from 'node:path'
import type { ShellUpdates, Updater, UpdaterEvent } from '../ports/updater'

function createElectronUpdater(): Updater {
  // electron-updater builds the platform's updater on first access: only once the logic says updates are on.
  let instance: AppUpdater | null = null
  const updater = () => (instance ??= autoUpdater)
  // electron-updater registers its install-on-quit handler only if autoInstallOnAppQuit is true at the moment a
  // download ends, and reads the flag again at quit. So it stays true until then, and the logic's value
  // (false while a reply is in flight) is applied right after the `update-downloaded` listeners have run.
  let installOnQuit = true
  let downloaded = false
  return {
    configure({ feedUrl, channel, log }) {
      const u = updater()
      u.logger = log
      u.autoDownload = true
      u.autoInstallOnAppQuit = true
      if (feedUrl) u.setFeedURL({ provider: 'generic', url: feedUrl })
      if (channel) u.channel = channel
    },
    setAutoInstallOnAppQuit(install) {
      installOnQuit = install
      if (downloaded) updater().autoInstallOnAppQuit = install
    },
    async checkForUpdates() {
      await updater().checkForUpdates()
    },
    // Silent, and start the new version: the agent pressed "Restart to update".
    quitAndInstall: () => updater().quitAndInstall(true, true),
    onEvent(listener: (event: UpdaterEvent) => void) {
      const u = updater()
      u.on('checking-for-update', () => listener({ type: 'checking' }))
      u.on('update-available', (info: UpdateInfo) => listener({ type: 'available', version: info.version }))
      u.on('update-not-available', () => listener({ type: 'not-available' }))
      u.on('download-progress', (progress: ProgressInfo) => listener({ type: 'progress', percent: progress.percent }))
      u.on('update-downloaded', (info: UpdateInfo) => {
        listener({ type: 'downloaded', version: info.version })
        setImmediate(() => {
          downloaded = true
          u.autoInstallOnAppQuit = installOnQuit
        })
      })
      u.on('error', (error: Error) => listener({ type: 'error', error }))
    },
  }
}

/** `testInstall`: the e2e build under INBOX_DESK_E2E_UPDATES=1 (./launch-overrides.ts); never in a packaged app. */
export function createShellUpdates(options: { testInstall: boolean }): ShellUpdates {
  return {
    updater: createElectronUpdater(),
    facts: {
      isPackaged: app.isPackaged,
      platform: process.platform,
      env: { PORTABLE_EXECUTABLE_DIR: process.env.PORTABLE_EXECUTABLE_DIR, APPIMAGE: process.env.APPIMAGE },
      execDir: dirname(process.execPath),
      testInstall: options.testInstall,
    },
    userName: safeUserName(),
  }
}

function safeUserName(): string | undefined {
  try {
    return userInfo().username
  } catch {
    return undefined // no passwd entry (a container): the per-user managed preferences are simply not read
  }
}
