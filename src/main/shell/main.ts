/**
 * The Electron shell: lifecycle and adapters only. It builds `ShellAdapters`
 * from Electron's APIs, hands them to `createMainCore`, and routes window,
 * tray, power and IPC events to the core. Anything worth a unit test lives
 * outside this folder (../window, ../notify, ../core).
 */
import { app, ipcMain, net, powerMonitor, protocol, session, shell, type BrowserWindow } from 'electron'
import ElectronStore from 'electron-store'
import { join } from 'node:path'
import { invokeChannels, ipcChannelName } from '../../shared/ipc/channels'
import type { BridgeResult } from '../../shared/ipc/contract'
import { createKeychainStore } from '../account'
import type { KeyValueStore, ShellAdapters } from '../ports/shell-adapters'
import { createMainCore, type MainCoreInternals } from '../app'
import {
  CONTENT_SECURITY_POLICY,
  createUiRequestHandler,
  isOwnUiUrl,
  UI_BASE_URL,
  UI_ENTRY_URL,
  UI_SCHEME,
} from '../window'
import { readLaunchOverrides } from './launch-overrides'
import { createElectronLogSink } from './log'
import { createNotificationPresenter } from './notifications'
import { createTrayPresenter, type TrayPresenter } from './tray'
import { createMainWindow } from './window'

// End-to-end tests give each launch its own profile (and keychain entry name),
// so parallel tests never share state. Never in a packaged app (./launch-overrides.ts).
const overrides = readLaunchOverrides(process.env, {
  isPackaged: app.isPackaged,
  e2eBuild: __INBOX_DESK_E2E_BUILD__,
})
if (overrides.userDataDir) app.setPath('userData', overrides.userDataDir)

/** `electron-vite dev` serves the renderer over HTTP; the built app uses app://. */
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const uiBaseUrl = devServerUrl ? new URL('/', devServerUrl).href : UI_BASE_URL
const uiEntryUrl = devServerUrl ?? UI_ENTRY_URL
const ONLINE_CHECK_MS = 5_000
const STOP_TIMEOUT_MS = 5_000

// Before `ready`: our scheme behaves like https (an origin, fetch, secure context).
protocol.registerSchemesAsPrivileged([
  { scheme: UI_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
])

if (!app.requestSingleInstanceLock()) {
  // Another Inbox Desk runs with this profile: it gets `second-instance` and shows itself.
  app.quit()
} else {
  void app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      // Nothing to show a window with: say why on stderr (and in a crash report) rather than hang.
      console.error('Inbox Desk could not start:', error)
      app.exit(1)
    })
}

async function start(): Promise<void> {
  // Real Electron under the e2e harness: record what the OS would show (see e2e-hooks.ts).
  // The constant comes first so that the shipping build drops the import, and the hooks with it.
  if (__INBOX_DESK_E2E_BUILD__ && overrides.e2eHooks) (await import('./e2e-hooks')).installE2eHooks()
  const userDataDir = app.getPath('userData')
  let win: BrowserWindow | null = null
  let tray: TrayPresenter | null = null
  let quitting = false

  const showWindow = () => {
    if (!win || win.isDestroyed()) win = openWindow()
    if (win.isMinimized()) win.restore()
    win.show()
    win.focus()
  }

  const adapters: ShellAdapters = {
    fetch: ((input, init) => net.fetch(input as string, init)) as typeof fetch,
    userDataDir,
    appVersion: app.getVersion(),
    platform: process.platform,
    systemLocales: [...app.getPreferredSystemLanguages(), app.getLocale()],
    openExternal: (url) => shell.openExternal(url),
    emit(event, payload) {
      if (win && !win.isDestroyed()) win.webContents.send(ipcChannelName(event), payload)
    },
    showNotification: (request) => notifications.show(request),
    setUnreadTotal: (total) => tray?.setUnreadTotal(total),
    setDoNotDisturb: (enabled) => tray?.setDoNotDisturb(enabled),
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
    keychain: overrides.keychainService ? createKeychainStore({ service: overrides.keychainService }) : undefined,
  }
  const core: MainCoreInternals = createMainCore(adapters)
  const log = core.log.child('shell')
  log.info(`Inbox Desk ${app.getVersion()} starting on ${process.platform} (Electron ${process.versions.electron}).`)
  process.on('uncaughtException', (error) => log.error('Uncaught exception in main.', error))
  process.on('unhandledRejection', (reason) => log.error('Unhandled rejection in main.', reason))

  const notifications = createNotificationPresenter({
    log,
    onClick(chatId) {
      showWindow()
      // The UI may still be loading (a click right after launch): tell it once it can listen.
      if (win && win.webContents.isLoading())
        win.webContents.once('did-finish-load', () => core.notificationClicked(chatId))
      else core.notificationClicked(chatId)
    },
  })

  // ---- Session: CSP, permissions, the UI protocol -----------------------------------------
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn(`Denied the renderer's request for the "${permission}" permission.`)
    callback(false)
  })
  ses.setPermissionCheckHandler(() => false)
  ses.webRequest.onHeadersReceived((details, callback) => {
    const isDocument = details.resourceType === 'mainFrame' || details.resourceType === 'subFrame'
    if (!isDocument || devServerUrl) {
      callback({})
      return
    }
    const responseHeaders = { ...details.responseHeaders }
    for (const name of Object.keys(responseHeaders)) {
      if (name.toLowerCase() === 'content-security-policy') delete responseHeaders[name]
    }
    responseHeaders['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY]
    callback({ responseHeaders })
  })
  protocol.handle(
    UI_SCHEME,
    createUiRequestHandler({
      rootDir: join(__dirname, '../renderer'),
      onRefused: (url, reason) => log.warn(`Refused a UI request (${reason}): ${url.slice(0, 200)}`),
    }),
  )

  // ---- IPC: every bridge channel, from our UI only --------------------------------------------
  for (const name of invokeChannels) {
    ipcMain.handle(
      ipcChannelName(name),
      (event, arg: unknown): Promise<BridgeResult<unknown>> | BridgeResult<unknown> => {
        const senderUrl = event.senderFrame?.url
        if (!isOwnUiUrl(senderUrl, uiBaseUrl)) {
          log.warn(`Refused "${name}" from a frame that is not the Inbox Desk UI.`)
          return {
            ok: false,
            error: {
              kind: 'internal',
              message: 'This request did not come from the Inbox Desk window, so it was refused.',
            },
          }
        }
        return core.invoke(name, arg)
      },
    )
  }

  // ---- Window and tray ------------------------------------------------------------------------
  const openWindow = () => {
    const created = createMainWindow({
      uiEntryUrl,
      uiBaseUrl,
      savedBounds: core.getWindowBounds(),
      saveBounds: (bounds) => core.saveWindowBounds(bounds),
      openExternal: (url) => {
        void core.invoke('openExternal', { url }).then((result) => {
          if (!result.ok) log.warn(`Did not open a link: ${result.error.message}`)
        })
      },
      shouldHideOnClose: () => !quitting && tray !== null && core.shouldCloseToTray(),
      setFocused: (focused) => core.setWindowFocused(focused),
      log,
    })
    created.on('closed', () => {
      if (win === created) win = null
    })
    return created
  }

  try {
    tray = createTrayPresenter({
      getWindow: () => win,
      openWindow: showWindow,
      setDoNotDisturb: (enabled) => core.setDoNotDisturb(enabled),
      isDoNotDisturb: () => core.isDoNotDisturb(),
      quit: () => app.quit(),
    })
  } catch (error) {
    // Some Linux desktops have no tray: the app still works, closing just quits.
    log.warn('No system tray is available; closing the window will quit.', error)
  }
  win = openWindow()

  app.on('second-instance', () => showWindow())
  app.on('activate', () => showWindow())
  app.on('before-quit', () => {
    quitting = true
  })
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
        notifications.closeAll()
        tray?.destroy()
        app.quit()
      })
  })

  // ---- Power and network ------------------------------------------------------------------------
  powerMonitor.on('suspend', () => core.setSystemAwake(false))
  powerMonitor.on('resume', () => core.setSystemAwake(true))
  // Electron has no online/offline event in main: ask Chromium's view every few seconds.
  let online = net.isOnline()
  core.setOnline(online)
  setInterval(() => {
    const now = net.isOnline()
    if (now === online) return
    online = now
    log.info(now ? 'The network is back.' : 'The network is gone.')
    core.setOnline(now)
  }, ONLINE_CHECK_MS).unref()

  try {
    await core.start()
  } catch (error) {
    log.error('Starting the services failed.', error)
  }
}
