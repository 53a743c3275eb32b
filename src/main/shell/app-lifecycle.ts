/**
 * The app's life: one instance per profile, start once Electron is ready, show the window when the
 * user asks again (second launch, dock click), and on quit let the core finish its writes (outbox,
 * sync state) for a few seconds before the process ends.
 */
import { app } from 'electron'
import type { MainCoreInternals } from '../app'
import type { Logger } from '../ports/logger'
import type { ShellSurfaces } from './adapters'
import type { WindowHost } from './window-host'

const STOP_TIMEOUT_MS = 5_000

/** Runs `start` once Electron is ready, unless another Inbox Desk already runs with this profile. */
export function startSingleInstance(start: () => Promise<void>): void {
  if (!app.requestSingleInstanceLock()) {
    // Another Inbox Desk runs with this profile: it gets `second-instance` and shows itself.
    app.quit()
    return
  }
  void app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      // Nothing to show a window with: say why on stderr (and in a crash report) rather than hang.
      console.error('Inbox Desk could not start:', error)
      app.exit(1)
    })
}

/** The first lines of the log, and every failure nothing else caught. */
export function logStartAndStrayFailures(log: Logger): void {
  log.info(`Inbox Desk ${app.getVersion()} starting on ${process.platform} (Electron ${process.versions.electron}).`)
  process.on('uncaughtException', (error) => log.error('Uncaught exception in main.', error))
  process.on('unhandledRejection', (reason) => log.error('Unhandled rejection in main.', reason))
}

export function watchAppLifecycle(deps: {
  core: Pick<MainCoreInternals, 'stop'>
  host: WindowHost
  surfaces: ShellSurfaces
  log: Logger
}): void {
  const { core, host, surfaces, log } = deps
  app.on('second-instance', () => host.show())
  app.on('activate', () => host.show())
  app.on('before-quit', () => host.markQuitting())
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  let stopped = false
  app.on('will-quit', (event) => {
    if (stopped) return
    // Let the outbox and sync finish their writes before the process ends.
    event.preventDefault()
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, STOP_TIMEOUT_MS).unref())
    void Promise.race([core.stop(), timeout])
      .catch((error: unknown) => log.error('Stopping the services failed; quitting anyway.', error))
      .finally(() => {
        stopped = true
        surfaces.notifications?.closeAll()
        surfaces.tray?.destroy()
        app.quit()
      })
  })
}
