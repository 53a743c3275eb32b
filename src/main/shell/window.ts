/**
 * The one BrowserWindow, locked down (Electron's security checklist): an
 * isolated, sandboxed renderer without Node, our preload only, no navigation
 * away from the UI, no new windows, and size/position kept between runs.
 */
import { BrowserWindow, screen } from 'electron'
import { join } from 'node:path'
import type { WindowBounds } from '../ports/shell-adapters'
import type { Logger } from '../ports/logger'
import type { MainI18n } from '../i18n'
import { initialWindowPlacement, MIN_WINDOW_SIZE, isOwnUiUrl, opensFromNewWindow } from '../window'
import { handleRendererCrashes } from './recovery'

export interface MainWindowOptions {
  /** Where the UI is loaded from (the app:// entry, or the dev server). */
  uiEntryUrl: string
  /** The prefix every trusted UI URL starts with. */
  uiBaseUrl: string
  savedBounds: WindowBounds | null
  saveBounds(bounds: WindowBounds): void
  /** http(s) links the renderer tried to open in a new window: for the safe opener. */
  openExternal(url: string): void
  /** Whether a close should hide to the tray instead. */
  shouldHideOnClose(): boolean
  setFocused(focused: boolean): void
  /** Main's words in the UI language of the moment, for what main shows itself (the crash recovery page). */
  i18n: Pick<MainI18n, 't' | 'locale'>
  log: Logger
}

const SAVE_BOUNDS_DELAY_MS = 500

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const { log } = options
  const placement = initialWindowPlacement(options.savedBounds, screen.getAllDisplays())
  const win = new BrowserWindow({
    ...placement.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: 'Inbox Desk',
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      spellcheck: true,
    },
  })
  if (placement.maximized) win.maximize()
  win.once('ready-to-show', () => win.show())

  // ---- Stay on our UI --------------------------------------------------------------
  const contents = win.webContents
  const recovery = handleRendererCrashes(win, { uiEntryUrl: options.uiEntryUrl, i18n: options.i18n, log })
  contents.on('will-navigate', (event, url) => {
    if (isOwnUiUrl(url, options.uiBaseUrl)) return
    if (recovery.handleNavigation(url)) {
      // A button of the recovery page (./recovery.ts): done in main, the page goes nowhere.
      event.preventDefault()
      return
    }
    event.preventDefault()
    log.warn(`Blocked the window navigating away to ${describeUrl(url)}.`)
  })
  contents.on('will-redirect', (event, url) => {
    if (isOwnUiUrl(url, options.uiBaseUrl)) return
    event.preventDefault()
    log.warn(`Blocked a redirect of the window to ${describeUrl(url)}.`)
  })
  contents.setWindowOpenHandler(({ url }) => {
    // Never a second Electron window. A plain https link is the user's intent to read
    // it: hand it to the browser through the one safe opener. One that needs the
    // agent's say first (../window/external.ts) is opened from the thread's question only.
    if (opensFromNewWindow(url)) options.openExternal(url)
    else log.warn(`Refused to open a window for ${describeUrl(url)}.`)
    return { action: 'deny' }
  })
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    log.warn('Refused to attach a <webview>.')
  })

  // ---- Focus and bounds ----------------------------------------------------------------
  win.on('focus', () => options.setFocused(true))
  win.on('blur', () => options.setFocused(false))

  let saveTimer: NodeJS.Timeout | null = null
  const saveBoundsNow = () => {
    if (saveTimer) clearTimeout(saveTimer)
    saveTimer = null
    if (win.isDestroyed() || win.isMinimized()) return
    const bounds = win.getNormalBounds()
    options.saveBounds({ ...bounds, maximized: win.isMaximized() })
  }
  const saveBoundsSoon = () => {
    if (saveTimer) clearTimeout(saveTimer)
    saveTimer = setTimeout(saveBoundsNow, SAVE_BOUNDS_DELAY_MS)
  }
  win.on('resize', saveBoundsSoon)
  win.on('move', saveBoundsSoon)
  win.on('maximize', saveBoundsSoon)
  win.on('unmaximize', saveBoundsSoon)

  win.on('close', (event) => {
    saveBoundsNow()
    if (options.shouldHideOnClose()) {
      event.preventDefault()
      win.hide()
    }
  })

  void win.loadURL(options.uiEntryUrl).catch((error: unknown) => {
    log.error(`Could not load the UI from ${options.uiEntryUrl}.`, error)
  })
  return win
}

/** A URL for a log line: the origin and path only (a query could carry anything). */
function describeUrl(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`
  } catch {
    return '(an invalid URL)'
  }
}
