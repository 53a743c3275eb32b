/**
 * The Electron shell, composed: it builds `ShellAdapters` from Electron (./adapters.ts), hands them to
 * `createMainCore`, and routes the UI session (./ui-session.ts), IPC (./ipc-routing.ts), the window and
 * tray (./window-host.ts), the app's lifecycle (./app-lifecycle.ts) and power and network
 * (./power-and-network.ts) to the core. Anything worth a unit test lives outside this folder
 * (../window, ../notify, ../app).
 */
import { app } from 'electron'
import { createMainCore } from '../app'
import { createShellAdapters, type ShellSurfaces } from './adapters'
import { logStartAndStrayFailures, startSingleInstance, watchAppLifecycle } from './app-lifecycle'
import { routeBridgeChannels } from './ipc-routing'
import { readLaunchOverrides } from './launch-overrides'
import { createNotificationPresenter } from './notifications'
import { watchPowerAndNetwork } from './power-and-network'
import { registerUiScheme, resolveUiLocation, secureUiSession } from './ui-session'
import { createShellUpdates } from './updater'
import { createWindowHost } from './window-host'

// End-to-end tests give each launch its own profile (and keychain entry name),
// so parallel tests never share state. Never in a packaged app (./launch-overrides.ts).
const overrides = readLaunchOverrides(process.env, {
  isPackaged: app.isPackaged,
  e2eBuild: __INBOX_DESK_E2E_BUILD__,
})
if (overrides.userDataDir) app.setPath('userData', overrides.userDataDir)

const ui = resolveUiLocation()
registerUiScheme()
startSingleInstance(start)

async function start(): Promise<void> {
  // Real Electron under the e2e harness: record what the OS would show (see e2e-hooks.ts).
  // The constant comes first so that the shipping build drops the import, and the hooks with it.
  if (__INBOX_DESK_E2E_BUILD__ && overrides.e2eHooks) (await import('./e2e-hooks')).installE2eHooks()
  const surfaces: ShellSurfaces = { window: null, tray: null, notifications: null }
  const core = createMainCore({
    ...createShellAdapters(surfaces, {
      userDataDir: app.getPath('userData'),
      keychainService: overrides.keychainService,
    }),
    updates: createShellUpdates({ testInstall: overrides.updatesAsInstalled }),
  })
  const log = core.log.child('shell')
  logStartAndStrayFailures(log)

  const host = createWindowHost({ core, ui, surfaces, log })
  surfaces.notifications = createNotificationPresenter({
    log,
    onClick: (chatId) => host.showThen(() => core.notificationClicked(chatId)),
  })
  secureUiSession(ui, log)
  routeBridgeChannels(core, ui.baseUrl, log)
  host.openTrayAndWindow(() => app.quit())
  watchAppLifecycle({ core, host, surfaces, log })
  watchPowerAndNetwork(core, log)

  try {
    await core.start()
  } catch (error) {
    log.error('Starting the services failed.', error)
  }
}
