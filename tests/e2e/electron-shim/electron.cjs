'use strict'
// CommonJS on purpose: this runs as plain Node in the child process, before and beside the app's bundle.
/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * The "electron" module as the built main process sees it under plain Node
 * (see tests/README.md). It implements the part of Electron's main-process API
 * Inbox Desk uses, records what cannot be real here (notifications, tray,
 * badge, external URLs) and backs every BrowserWindow with a Playwright page
 * owned by the test runner, reached through ./rpc.cjs.
 *
 * Rule of thumb: behave like Electron where the app can observe it, and throw
 * a clear "the shim does not support ..." error rather than guess.
 */
const { EventEmitter } = require('node:events')
const fs = require('node:fs')
const path = require('node:path')
const { pathToFileURL, fileURLToPath } = require('node:url')
const rpc = require('./rpc.cjs')
const { toPageUrl, toElectronUrl } = require('./urls.cjs')

const config = JSON.parse(process.env.ELECTRON_SHIM_CONFIG || '{}')
if (!config.userDataDir) throw new Error('ELECTRON_SHIM_CONFIG.userDataDir is required')

/** Everything tests read back (see `records.get`). */
const records = {
  /** @type {{index: number, title: string, body: string, tag: string | null, silent: boolean, closed: boolean, clicked: boolean}[]} */
  notifications: [],
  badgeCount: 0,
  /** @type {string[]} */
  openedExternalUrls: [],
  /** @type {{url: string, action: string}[]} */
  windowOpenRequests: [],
  /** @type {{url: string, prevented: boolean, kind: string}[]} */
  navigationAttempts: [],
  /** @type {{description: string, png: Buffer | null}[]} */
  overlayIcons: [],
  /** session.clearCache / clearStorageData calls, in order: `cache`, or `storage:` and the storages asked for. */
  /** @type {string[]} */
  sessionCleared: [],
  /** Every session.setSpellCheckerLanguages call, in order, and every word added to the dictionary. */
  spellChecker: {
    languageCalls: /** @type {string[][]} */ ([]),
    addedWords: /** @type {string[]} */ ([]),
    /** webContents.replaceMisspelling calls: the suggestion picked. */
    replacements: /** @type {string[]} */ ([]),
  },
  /** Every session.setProxy config, in order. The shim's net.fetch does not use them (README). */
  /** @type {object[]} */
  proxyConfigs: [],
}

/**
 * What Chromium's Hunspell offers on Linux and Windows (Electron 45), so the app's choice can be checked as
 * Electron would: no Arabic dictionary among them. The page's own spell checking is Playwright's Chromium's.
 */
const AVAILABLE_SPELL_CHECKER_LANGUAGES = Object.freeze(
  ['af', 'bg', 'ca', 'cs', 'cy', 'da', 'de', 'de-DE', 'el', 'en-AU', 'en-CA', 'en-GB', 'en-US', 'es', 'es-419']
    .concat(['es-AR', 'es-ES', 'es-MX', 'es-US', 'et', 'fa', 'fo', 'fr', 'fr-FR', 'he', 'hi', 'hr', 'hu', 'hy'])
    .concat(['id', 'it', 'it-IT', 'ko', 'lt', 'lv', 'nb', 'nl', 'pl', 'pt', 'pt-BR', 'pt-PT', 'ro', 'ru', 'sh'])
    .concat(['sk', 'sl', 'sq', 'sr', 'sv', 'ta', 'tg', 'tr', 'uk', 'vi']),
)
/** @type {Notification[]} Same indexes as records.notifications. */
const notificationInstances = []

function makeEvent(extra = {}) {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true
    },
    ...extra,
  }
  return event
}

function unsupported(what) {
  return new Error(`The electron shim does not support ${what}. Extend tests/e2e/electron-shim/electron.cjs.`)
}

// ---- nativeImage -------------------------------------------------------------

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

function pngSize(buffer) {
  if (buffer.length < 24 || !buffer.subarray(0, 8).equals(PNG_SIGNATURE)) return null
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) }
}

class NativeImage {
  constructor(png, size) {
    /** @type {Buffer | null} */
    this._png = png
    this._size = size ?? { width: 0, height: 0 }
    this._template = false
  }
  toPNG() {
    return this._png ? Buffer.from(this._png) : Buffer.alloc(0)
  }
  toDataURL() {
    return `data:image/png;base64,${this.toPNG().toString('base64')}`
  }
  toBitmap() {
    throw unsupported('NativeImage.toBitmap')
  }
  getSize() {
    return { ...this._size }
  }
  isEmpty() {
    return this._png === null || this._size.width === 0
  }
  resize() {
    throw unsupported('NativeImage.resize')
  }
  setTemplateImage(value) {
    this._template = Boolean(value)
  }
  isTemplateImage() {
    return this._template
  }
  getScaleFactors() {
    return [1]
  }
}

const nativeImage = {
  createEmpty: () => new NativeImage(null),
  createFromBuffer(buffer, options) {
    const size = pngSize(buffer)
    if (size) return new NativeImage(Buffer.from(buffer), size)
    if (options && options.width && options.height) throw unsupported('nativeImage.createFromBuffer of raw bitmaps')
    throw unsupported('nativeImage.createFromBuffer of anything but PNG')
  },
  createFromPath(filePath) {
    let buffer
    try {
      buffer = fs.readFileSync(filePath)
    } catch {
      // Electron returns an empty image for a missing file.
      return new NativeImage(null)
    }
    const size = pngSize(buffer)
    return size ? new NativeImage(buffer, size) : new NativeImage(null)
  },
  createFromDataURL(dataUrl) {
    const match = /^data:image\/png;base64,(.*)$/.exec(dataUrl)
    if (!match) throw unsupported('nativeImage.createFromDataURL of anything but base64 PNG')
    return nativeImage.createFromBuffer(Buffer.from(match[1], 'base64'))
  },
  createFromBitmap() {
    throw unsupported('nativeImage.createFromBitmap')
  },
}

function toImage(image) {
  if (image instanceof NativeImage) return image
  if (typeof image === 'string') return nativeImage.createFromPath(image)
  if (image === null || image === undefined) return nativeImage.createEmpty()
  throw new TypeError('Expected a NativeImage or a path')
}

// ---- screen ------------------------------------------------------------------

const displays = (
  config.displays ?? [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: null, scaleFactor: 1 }]
).map((display, index) => ({
  id: display.id ?? index + 1,
  label: display.label ?? `Shim display ${index + 1}`,
  bounds: { ...display.bounds },
  workArea: { ...(display.workArea ?? display.bounds) },
  size: { width: display.bounds.width, height: display.bounds.height },
  workAreaSize: {
    width: (display.workArea ?? display.bounds).width,
    height: (display.workArea ?? display.bounds).height,
  },
  scaleFactor: display.scaleFactor ?? 1,
  rotation: 0,
  internal: false,
  monochrome: false,
  accelerometerSupport: 'unknown',
  touchSupport: 'unknown',
  colorDepth: 24,
  colorSpace: '',
  depthPerComponent: 8,
  displayFrequency: 60,
  detected: true,
  maximumCursorSize: { width: 0, height: 0 },
}))

function overlapArea(a, b) {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return width > 0 && height > 0 ? width * height : 0
}

const screen = Object.assign(new EventEmitter(), {
  getAllDisplays: () => displays.map((display) => structuredClone(display)),
  getPrimaryDisplay: () => structuredClone(displays[0]),
  getDisplayMatching(rect) {
    let best = displays[0]
    let bestArea = -1
    for (const display of displays) {
      const area = overlapArea(rect, display.bounds)
      if (area > bestArea) {
        best = display
        bestArea = area
      }
    }
    return structuredClone(best)
  },
  getDisplayNearestPoint(point) {
    const inside = displays.find(
      (d) =>
        point.x >= d.bounds.x &&
        point.x < d.bounds.x + d.bounds.width &&
        point.y >= d.bounds.y &&
        point.y < d.bounds.y + d.bounds.height,
    )
    return structuredClone(inside ?? displays[0])
  },
  getCursorScreenPoint: () => ({ x: 0, y: 0 }),
})

// ---- app ---------------------------------------------------------------------

const packageJson = JSON.parse(fs.readFileSync(path.join(config.appPath, 'package.json'), 'utf8'))
const paths = new Map([
  ['userData', config.userDataDir],
  ['sessionData', config.userDataDir],
  ['logs', path.join(config.userDataDir, 'logs')],
  ['appData', path.dirname(config.userDataDir)],
  ['temp', require('node:os').tmpdir()],
  ['home', require('node:os').homedir()],
  ['exe', process.execPath],
  ['module', process.execPath],
  ['crashDumps', path.join(config.userDataDir, 'Crashpad')],
  ['desktop', path.join(require('node:os').homedir(), 'Desktop')],
  ['documents', path.join(require('node:os').homedir(), 'Documents')],
  ['downloads', path.join(require('node:os').homedir(), 'Downloads')],
])

let readyResolve
const readyPromise = new Promise((resolve) => {
  readyResolve = resolve
})

class App extends EventEmitter {
  constructor() {
    super()
    this._ready = false
    this._name = packageJson.productName || packageJson.name
    this._quitting = false
    this._hasLock = false
    // A packaged app ignores the harness's variables (src/main/shell/launch-overrides.ts); a spec can check it.
    this.isPackaged = config.packaged === true
    this.commandLine = {
      _switches: new Map(),
      appendSwitch: (name, value) => this.commandLine._switches.set(name, value ?? ''),
      appendArgument: () => undefined,
      hasSwitch: (name) => this.commandLine._switches.has(name),
      getSwitchValue: (name) => this.commandLine._switches.get(name) ?? '',
      removeSwitch: (name) => this.commandLine._switches.delete(name),
    }
  }
  get name() {
    return this._name
  }
  set name(value) {
    this._name = value
  }
  getName() {
    return this._name
  }
  setName(value) {
    this._name = value
  }
  getVersion() {
    return packageJson.version
  }
  getAppPath() {
    return config.appPath
  }
  getPath(name) {
    const value = paths.get(name)
    if (value === undefined) throw new Error(`Failed to get '${name}' path`)
    return value
  }
  setPath(name, value) {
    if (this._ready && name === 'userData')
      console.warn('[electron-shim] setPath(userData) after ready has no effect on Electron')
    paths.set(name, value)
  }
  setAppLogsPath(value) {
    paths.set('logs', value ?? path.join(paths.get('userData'), 'logs'))
  }
  getLocale() {
    return config.systemLocales?.[0] ?? 'en-US'
  }
  getSystemLocale() {
    return config.systemLocales?.[0] ?? 'en-US'
  }
  getPreferredSystemLanguages() {
    return config.systemLocales ?? ['en-US']
  }
  isReady() {
    return this._ready
  }
  whenReady() {
    return readyPromise
  }
  requestSingleInstanceLock() {
    this._hasLock = true
    return true
  }
  hasSingleInstanceLock() {
    return this._hasLock
  }
  releaseSingleInstanceLock() {
    this._hasLock = false
  }
  setAppUserModelId() {}
  enableSandbox() {}
  disableHardwareAcceleration() {}
  setAboutPanelOptions() {}
  setLoginItemSettings() {}
  getLoginItemSettings() {
    return { openAtLogin: false }
  }
  focus() {
    const win = BrowserWindow.getAllWindows()[0]
    if (win) win.focus()
  }
  setBadgeCount(count) {
    records.badgeCount = count ?? 0
    return true
  }
  getBadgeCount() {
    return records.badgeCount
  }
  relaunch() {
    throw unsupported('app.relaunch (use the harness restart())')
  }
  /** Like Electron: before-quit, then close every window (any can cancel), then will-quit, quit, exit. */
  quit() {
    if (this._quitting) return
    const beforeQuit = makeEvent()
    this.emit('before-quit', beforeQuit)
    if (beforeQuit.defaultPrevented) return
    this._quitting = true
    for (const win of BrowserWindow.getAllWindows()) {
      win.close()
      if (!win.isDestroyed()) {
        // A window refused to close: Electron cancels the quit.
        this._quitting = false
        return
      }
    }
    this._finishQuit()
  }
  _finishQuit() {
    const willQuit = makeEvent()
    this.emit('will-quit', willQuit)
    if (willQuit.defaultPrevented) {
      this._quitting = false
      return
    }
    this.emit('quit', makeEvent(), 0)
    this.exit(0)
  }
  exit(code = 0) {
    for (const win of BrowserWindow.getAllWindows()) win._destroyQuietly()
    rpc.notify('app.exit', { code })
    // Let the notification leave before the process goes.
    setImmediate(() => process.exit(code))
  }
}
const app = new App()

// ---- ipcMain -----------------------------------------------------------------

class IpcMain extends EventEmitter {
  constructor() {
    super()
    /** @type {Map<string, Function>} */
    this._handlers = new Map()
  }
  handle(channel, handler) {
    if (this._handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this._handlers.set(channel, handler)
  }
  handleOnce(channel, handler) {
    this.handle(channel, (...args) => {
      this._handlers.delete(channel)
      return handler(...args)
    })
  }
  removeHandler(channel) {
    this._handlers.delete(channel)
  }
}
const ipcMain = new IpcMain()

// ---- protocol and session ------------------------------------------------------

/** Schemes main serves with protocol.handle: pages reach them through ./urls.cjs. */
const customSchemes = new Set()
/** @type {Map<string, (request: Request) => Response | Promise<Response>>} */
const protocolHandlers = new Map()
let privilegedSchemes = []

const protocol = {
  registerSchemesAsPrivileged(schemes) {
    if (app.isReady()) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready')
    privilegedSchemes = schemes.map((entry) => ({ scheme: entry.scheme, privileges: { ...(entry.privileges ?? {}) } }))
  },
  handle(scheme, handler) {
    if (protocolHandlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`)
    if (!privilegedSchemes.some((entry) => entry.scheme === scheme && entry.privileges.standard)) {
      throw unsupported(`protocol.handle('${scheme}') for a scheme not registered as privileged and standard`)
    }
    protocolHandlers.set(scheme, handler)
    customSchemes.add(scheme)
  },
  unhandle(scheme) {
    protocolHandlers.delete(scheme)
    customSchemes.delete(scheme)
  },
  isProtocolHandled(scheme) {
    return protocolHandlers.has(scheme)
  },
}

class Session extends EventEmitter {
  constructor() {
    super()
    this._permissionRequestHandler = null
    this._permissionCheckHandler = null
    this._headersReceived = null
    this.protocol = protocol
    this.webRequest = {
      onHeadersReceived: (filterOrListener, maybeListener) => {
        const listener = typeof filterOrListener === 'function' ? filterOrListener : maybeListener
        this._headersReceived = listener ?? null
      },
      onBeforeRequest() {
        throw unsupported('session.webRequest.onBeforeRequest')
      },
    }
  }
  setPermissionRequestHandler(handler) {
    this._permissionRequestHandler = handler
  }
  setPermissionCheckHandler(handler) {
    this._permissionCheckHandler = handler
  }
  setDevicePermissionHandler() {}
  setDisplayMediaRequestHandler() {}
  setSpellCheckerEnabled() {}
  /** Really cleared, in the runner's Chromium (Network.clearBrowserCache), and recorded. */
  async clearCache() {
    records.sessionCleared.push('cache')
    await rpc.call('session.clear', { cache: true })
  }
  /** Really cleared for every origin a window showed (Storage.clearDataForOrigin), and recorded. */
  async clearStorageData(options = {}) {
    const storages = options.storages ?? ['all']
    records.sessionCleared.push(`storage:${storages.join(',')}`)
    await rpc.call('session.clear', { storages })
  }
  get availableSpellCheckerLanguages() {
    return [...AVAILABLE_SPELL_CHECKER_LANGUAGES]
  }
  setSpellCheckerLanguages(languages) {
    // Electron throws on a language it has no dictionary for: so does the shim.
    for (const language of languages) {
      if (!AVAILABLE_SPELL_CHECKER_LANGUAGES.includes(language))
        throw new Error(`Invalid language code provided: "${language}" is not a valid language code`)
    }
    records.spellChecker.languageCalls.push([...languages])
    this._spellCheckerLanguages = [...languages]
  }
  getSpellCheckerLanguages() {
    return [...(this._spellCheckerLanguages ?? [])]
  }
  addWordToSpellCheckerDictionary(word) {
    records.spellChecker.addedWords.push(String(word))
    return true
  }
  getUserAgent() {
    return 'InboxDesk-ElectronShim'
  }
  setUserAgent() {}
  /** Recorded, and resolved like Electron's; the shim's net.fetch still goes direct (README). */
  async setProxy(config) {
    records.proxyConfigs.push(structuredClone(config))
  }
  async closeAllConnections() {}
}
const defaultSession = new Session()
const session = {
  get defaultSession() {
    return defaultSession
  },
  fromPartition(partition) {
    if (partition && partition !== 'persist:default') throw unsupported(`session.fromPartition('${partition}')`)
    return defaultSession
  },
}

// ---- BrowserWindow and webContents -----------------------------------------------

let nextWindowId = 1
let nextWebContentsId = 1
/** @type {Map<number, BrowserWindow>} */
const windows = new Map()

class WebContents extends EventEmitter {
  constructor(win, webPreferences) {
    super()
    this.id = nextWebContentsId++
    this._win = win
    this._webPreferences = webPreferences
    this._url = ''
    this._title = ''
    this._loading = false
    this._windowOpenHandler = null
    this.session = defaultSession
    const contents = this // eslint-disable-line @typescript-eslint/no-this-alias -- the getters below need the instance
    this.mainFrame = {
      get url() {
        return contents._url
      },
      get origin() {
        try {
          return new URL(contents._url).origin
        } catch {
          return 'null'
        }
      },
      routingId: 1,
      processId: 1,
      frameTreeNodeId: 1,
      get parent() {
        return null
      },
      get top() {
        return contents.mainFrame
      },
      send: (channel, ...args) => contents.send(channel, ...args),
    }
  }
  _assertAlive() {
    if (this._win._destroyed) throw new TypeError('Object has been destroyed')
  }
  isDestroyed() {
    return this._win._destroyed
  }
  /** Records the pick; the page's own text is Playwright's Chromium's, which has no spell checker to ask. */
  replaceMisspelling(word) {
    records.spellChecker.replacements.push(String(word))
  }
  getURL() {
    return this._url
  }
  getTitle() {
    return this._title
  }
  isLoading() {
    return this._loading
  }
  isCrashed() {
    return false
  }
  getOSProcessId() {
    return process.pid
  }
  getProcessId() {
    return 1
  }
  setWindowOpenHandler(handler) {
    this._windowOpenHandler = handler
  }
  /**
   * Electron kills the renderer; here the page is blanked (the app's page stops running, as in a dead renderer)
   * and `render-process-gone` follows with reason `killed`. A real page crash (Playwright's 'crash') cannot be
   * navigated again, so specs that crash the window repeatedly use this.
   */
  forcefullyCrashRenderer() {
    this._assertAlive()
    void rpc
      .call('window.kill', { id: this._win.id })
      .catch((error) => console.error('[electron-shim] forcefullyCrashRenderer:', error.message))
      .finally(() => {
        if (!this.isDestroyed()) this.emit('render-process-gone', makeEvent(), { reason: 'killed', exitCode: 9 })
      })
  }
  send(channel, ...args) {
    this._assertAlive()
    rpc.notify('window.send', { id: this._win.id, channel, args })
  }
  loadURL(url) {
    return this._win.loadURL(url)
  }
  loadFile(filePath, options) {
    return this._win.loadFile(filePath, options)
  }
  async executeJavaScript(code) {
    this._assertAlive()
    return rpc.call('window.executeJavaScript', { id: this._win.id, code })
  }
  reload() {
    this._assertAlive()
    void rpc
      .call('window.reload', { id: this._win.id })
      .catch((error) => console.error('[electron-shim] reload', error))
  }
  focus() {
    this._win.focus()
  }
  openDevTools() {}
  closeDevTools() {}
  isDevToolsOpened() {
    return false
  }
  setAudioMuted() {}
  setZoomFactor() {}
  getZoomFactor() {
    return 1
  }
  setVisualZoomLevelLimits() {
    return Promise.resolve()
  }
}

const UNSUPPORTED_PREFERENCES = [
  ['nodeIntegration', true],
  ['nodeIntegrationInSubFrames', true],
  ['contextIsolation', false],
  ['sandbox', false],
]

class BrowserWindow extends EventEmitter {
  static getAllWindows() {
    return [...windows.values()]
  }
  static getFocusedWindow() {
    return [...windows.values()].find((win) => win._focused && win._visible) ?? null
  }
  static fromWebContents(contents) {
    return [...windows.values()].find((win) => win.webContents === contents) ?? null
  }
  static fromId(id) {
    return windows.get(id) ?? null
  }

  constructor(options = {}) {
    super()
    if (!app.isReady()) throw new Error('Cannot create BrowserWindow before app is ready')
    const webPreferences = {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      ...(options.webPreferences ?? {}),
    }
    for (const [name, value] of UNSUPPORTED_PREFERENCES) {
      if (webPreferences[name] === value) {
        // The shim runs the preload in the page itself: it can emulate only an
        // isolated, sandboxed, Node-free renderer (the only kind we ship).
        throw unsupported(`webPreferences.${name} = ${value}`)
      }
    }
    this.id = nextWindowId++
    const primary = displays[0].workArea
    const width = options.width ?? 800
    const height = options.height ?? 600
    this._bounds = {
      x: options.x ?? Math.round(primary.x + (primary.width - width) / 2),
      y: options.y ?? Math.round(primary.y + (primary.height - height) / 2),
      width,
      height,
    }
    this._minSize = [options.minWidth ?? 0, options.minHeight ?? 0]
    this._visible = options.show !== false
    this._focused = this._visible
    this._minimized = false
    this._maximized = false
    this._destroyed = false
    this._title = options.title ?? app.getName()
    this._readyToShowSent = false
    this.webContents = new WebContents(this, webPreferences)
    windows.set(this.id, this)
    this._created = rpc.call('window.create', {
      id: this.id,
      bounds: { ...this._bounds },
      preload: webPreferences.preload ?? null,
    })
    this._created.catch((error) => console.error(`[electron-shim] window ${this.id} could not be created:`, error))
    app.emit('web-contents-created', makeEvent(), this.webContents)
    app.emit('browser-window-created', makeEvent(), this)
  }

  async loadURL(url) {
    this.webContents._assertAlive()
    await this._created
    this.webContents._url = url
    this.webContents._loading = true
    try {
      await rpc.call('window.loadURL', { id: this.id, url: toPageUrl(url, customSchemes) })
    } catch (error) {
      this.webContents._loading = false
      this.webContents.emit('did-fail-load', makeEvent(), -2, error.message, url, true)
      throw new Error(`ERR_FAILED (-2) loading '${url}': ${error.message}`, { cause: error })
    }
  }
  loadFile(filePath, options = {}) {
    const url = pathToFileURL(path.resolve(filePath))
    if (options.query) for (const [key, value] of Object.entries(options.query)) url.searchParams.set(key, value)
    if (options.hash) url.hash = options.hash
    return this.loadURL(url.href)
  }

  isDestroyed() {
    return this._destroyed
  }
  isVisible() {
    return this._visible && !this._minimized
  }
  isFocused() {
    return this._focused
  }
  isMinimized() {
    return this._minimized
  }
  isMaximized() {
    return this._maximized
  }
  isFullScreen() {
    return false
  }
  isNormal() {
    return !this._minimized && !this._maximized
  }

  show() {
    const wasVisible = this._visible
    this._visible = true
    this._minimized = false
    if (!wasVisible) this.emit('show')
    this._setFocused(true)
  }
  showInactive() {
    const wasVisible = this._visible
    this._visible = true
    if (!wasVisible) this.emit('show')
  }
  hide() {
    if (!this._visible) return
    this._setFocused(false)
    this._visible = false
    this.emit('hide')
  }
  focus() {
    if (!this._visible) this.show()
    else this._setFocused(true)
  }
  blur() {
    this._setFocused(false)
  }
  minimize() {
    if (this._minimized) return
    this._minimized = true
    this._setFocused(false)
    this.emit('minimize')
  }
  restore() {
    if (this._minimized) {
      this._minimized = false
      this.emit('restore')
    }
    this._visible = true
  }
  maximize() {
    if (this._maximized) return
    this._maximized = true
    this.emit('maximize')
  }
  unmaximize() {
    if (!this._maximized) return
    this._maximized = false
    this.emit('unmaximize')
  }
  moveTop() {}
  flashFrame() {}
  setSkipTaskbar() {}
  setMenuBarVisibility() {}
  setAutoHideMenuBar() {}
  removeMenu() {}
  setMenu() {}
  setIcon() {}
  setTitle(title) {
    this._title = title
  }
  getTitle() {
    return this._title
  }
  setOverlayIcon(image, description) {
    records.overlayIcons.push({ description, png: image ? toImage(image).toPNG() : null })
  }
  setProgressBar() {}

  getBounds() {
    return { ...this._bounds }
  }
  getNormalBounds() {
    return { ...this._bounds }
  }
  getContentBounds() {
    return { ...this._bounds }
  }
  getSize() {
    return [this._bounds.width, this._bounds.height]
  }
  getContentSize() {
    return this.getSize()
  }
  getPosition() {
    return [this._bounds.x, this._bounds.y]
  }
  setMinimumSize(width, height) {
    this._minSize = [width, height]
  }
  getMinimumSize() {
    return [...this._minSize]
  }
  setSize(width, height) {
    this.setBounds({ width, height })
  }
  setPosition(x, y) {
    this.setBounds({ x, y })
  }
  center() {
    const area = displays[0].workArea
    this.setBounds({
      x: Math.round(area.x + (area.width - this._bounds.width) / 2),
      y: Math.round(area.y + (area.height - this._bounds.height) / 2),
    })
  }
  setBounds(bounds) {
    const next = { ...this._bounds, ...bounds }
    next.width = Math.max(next.width, this._minSize[0])
    next.height = Math.max(next.height, this._minSize[1])
    const moved = next.x !== this._bounds.x || next.y !== this._bounds.y
    const resized = next.width !== this._bounds.width || next.height !== this._bounds.height
    this._bounds = next
    if (resized) {
      void this._created
        .then(() => rpc.call('window.setSize', { id: this.id, width: next.width, height: next.height }))
        .catch((error) => console.error('[electron-shim] resize', error))
      this.emit('resize')
    }
    if (moved) this.emit('move')
  }

  close() {
    if (this._destroyed) return
    const event = makeEvent()
    this.emit('close', event)
    if (event.defaultPrevented) return
    this.destroy()
  }
  destroy() {
    if (this._destroyed) return
    this._destroyQuietly()
    this.emit('closed')
    // During app.quit() Electron does not emit window-all-closed: quit() goes on to will-quit.
    if (windows.size === 0 && !app._quitting) {
      // Electron quits when the last window closes unless someone listens.
      if (app.listenerCount('window-all-closed') === 0) app.quit()
      else app.emit('window-all-closed', makeEvent())
    }
  }
  _destroyQuietly() {
    if (this._destroyed) return
    this._focused = false
    this._destroyed = true
    windows.delete(this.id)
    rpc.notify('window.destroy', { id: this.id })
  }
  _setFocused(focused) {
    if (this._focused === focused) return
    this._focused = focused
    this.emit(focused ? 'focus' : 'blur')
    app.emit(focused ? 'browser-window-focus' : 'browser-window-blur', makeEvent(), this)
  }
}

// ---- Notification, Tray, Menu -----------------------------------------------------

class Notification extends EventEmitter {
  static isSupported() {
    return true
  }
  constructor(options = {}) {
    super()
    this.title = options.title ?? ''
    this.body = options.body ?? ''
    this.silent = Boolean(options.silent)
    this.id = options.id ?? null
    this.groupId = options.groupId ?? null
    this._record = null
  }
  show() {
    if (this._record && !this._record.closed) this._record.closed = true
    const record = {
      index: records.notifications.length,
      title: this.title,
      body: this.body,
      tag: this.id,
      silent: this.silent,
      closed: false,
      clicked: false,
    }
    this._record = record
    records.notifications.push(record)
    notificationInstances.push(this)
    setImmediate(() => this.emit('show', makeEvent()))
  }
  close() {
    if (!this._record || this._record.closed) return
    this._record.closed = true
    setImmediate(() => this.emit('close', makeEvent()))
  }
}

class MenuItem {
  constructor(options = {}) {
    this.label = options.label ?? ''
    this.type = options.type ?? (options.submenu ? 'submenu' : 'normal')
    this.checked = Boolean(options.checked)
    this.enabled = options.enabled !== false
    this.visible = options.visible !== false
    this.id = options.id ?? null
    this.role = options.role ?? null
    this.accelerator = options.accelerator ?? null
    // Like Electron's MenuItem: `click(event, focusedWindow, focusedWebContents)` flips a
    // checkbox (or checks a radio) first, then calls the template's handler with the item.
    const handler = options.click ?? null
    this.click = (event = {}, focusedWindow, focusedWebContents) => {
      if (this.type === 'checkbox') this.checked = !this.checked
      if (this.type === 'radio') this.checked = true
      if (typeof handler === 'function') handler(this, focusedWindow, event, focusedWebContents)
      else if (this.role === 'quit') app.quit()
    }
    this.submenu = options.submenu
      ? options.submenu instanceof Menu
        ? options.submenu
        : Menu.buildFromTemplate(options.submenu)
      : null
  }
}

let applicationMenu = null

class Menu extends EventEmitter {
  static buildFromTemplate(template) {
    const menu = new Menu()
    for (const entry of template) menu.append(entry instanceof MenuItem ? entry : new MenuItem(entry))
    return menu
  }
  static setApplicationMenu(menu) {
    applicationMenu = menu
  }
  static getApplicationMenu() {
    return applicationMenu
  }
  constructor() {
    super()
    /** @type {MenuItem[]} */
    this.items = []
  }
  append(item) {
    this.items.push(item)
  }
  insert(position, item) {
    this.items.splice(position, 0, item)
  }
  getMenuItemById(id) {
    for (const item of this.items) {
      if (item.id === id) return item
      const nested = item.submenu?.getMenuItemById(id)
      if (nested) return nested
    }
    return null
  }
  /** A context menu shown: the last one stays reachable (Menu.lastPopup, shim only) for a spec to read and click. */
  popup() {
    Menu.lastPopup = this
  }
  closePopup() {}
}

function snapshotMenu(menu) {
  if (!menu) return []
  return menu.items.map((item) => ({
    label: item.label,
    type: item.type,
    checked: item.checked,
    enabled: item.enabled,
    visible: item.visible,
    role: item.role,
    submenu: item.submenu ? snapshotMenu(item.submenu) : undefined,
  }))
}

/** @type {Tray[]} */
const trays = []

class Tray extends EventEmitter {
  constructor(image) {
    super()
    this._image = toImage(image)
    this._tooltip = ''
    this._title = ''
    this._menu = null
    this._destroyed = false
    trays.push(this)
  }
  setImage(image) {
    this._image = toImage(image)
  }
  setPressedImage() {}
  setToolTip(tooltip) {
    this._tooltip = tooltip
  }
  setTitle(title) {
    this._title = title
  }
  getTitle() {
    return this._title
  }
  setContextMenu(menu) {
    this._menu = menu
  }
  popUpContextMenu() {}
  closeContextMenu() {}
  setIgnoreDoubleClickEvents() {}
  destroy() {
    this._destroyed = true
  }
  isDestroyed() {
    return this._destroyed
  }
  getBounds() {
    return { x: 0, y: 0, width: 22, height: 22 }
  }
}

// ---- shell, net, powerMonitor, misc ----------------------------------------------------

const shell = {
  async openExternal(url) {
    records.openedExternalUrls.push(String(url))
  },
  async openPath(filePath) {
    records.openedExternalUrls.push(pathToFileURL(filePath).href)
    return ''
  },
  showItemInFolder(filePath) {
    records.openedExternalUrls.push(pathToFileURL(filePath).href)
  },
  beep() {},
  trashItem() {
    throw unsupported('shell.trashItem')
  },
}

let online = true

const net = {
  /** Electron's net.fetch: http(s) through Node's fetch here, file: read from disk. */
  async fetch(input, init) {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    if (url.startsWith('file:')) {
      try {
        return new Response(await fs.promises.readFile(fileURLToPath(url)), { status: 200 })
      } catch (error) {
        throw new TypeError(`net::ERR_FILE_NOT_FOUND ${url}: ${error.message}`, { cause: error })
      }
    }
    const scheme = url.slice(0, url.indexOf(':'))
    if (protocolHandlers.has(scheme)) return protocolHandlers.get(scheme)(new Request(url, init))
    return globalThis.fetch(input, init)
  },
  isOnline: () => online,
  get online() {
    return online
  },
}

const powerMonitor = Object.assign(new EventEmitter(), {
  getSystemIdleState: () => 'active',
  getSystemIdleTime: () => 0,
  isOnBatteryPower: () => false,
  get onBatteryPower() {
    return false
  },
})

/**
 * themeSource as in Electron: 'light' or 'dark' sets every window's `prefers-color-scheme` (the runner emulates
 * it on the pages); 'system' gives the OS's back, which here is Chromium's own (light) unless a spec emulated one.
 */
let themeSource = 'system'
const THEME_SOURCES = ['system', 'light', 'dark']
const nativeTheme = Object.defineProperties(new EventEmitter(), {
  themeSource: {
    enumerable: true,
    get: () => themeSource,
    set(value) {
      if (!THEME_SOURCES.includes(value)) throw new TypeError(`nativeTheme.themeSource cannot be ${String(value)}`)
      if (value === themeSource) return
      themeSource = value
      rpc.notify('nativeTheme.themeSource', { source: value })
      nativeTheme.emit('updated')
    },
  },
  shouldUseDarkColors: { enumerable: true, get: () => themeSource === 'dark' },
  shouldUseHighContrastColors: { enumerable: true, value: false },
  shouldUseInvertedColorScheme: { enumerable: true, value: false },
})

const dialog = {
  showErrorBox(title, content) {
    console.error(`[electron-shim] dialog.showErrorBox: ${title}: ${content}`)
  },
  async showMessageBox() {
    throw unsupported('dialog.showMessageBox')
  },
}

const crashReporter = { start() {}, getLastCrashReport: () => null, getUploadedReports: () => [] }

/** The system clipboard, text only: kept in memory (specs read it with clipboard.readText() through evaluate). */
let clipboardText = ''
const clipboard = {
  writeText(text) {
    clipboardText = String(text)
  },
  readText() {
    return clipboardText
  },
  clear() {
    clipboardText = ''
  },
  availableFormats() {
    return clipboardText === '' ? [] : ['text/plain']
  },
}

// ---- What the runner calls -------------------------------------------------------

function windowOrThrow(id) {
  const win = windows.get(id)
  if (!win) throw new Error(`No window ${id} (closed?)`)
  return win
}

function firstWindowOrThrow() {
  const win = BrowserWindow.getAllWindows()[0]
  if (!win) throw new Error('The app has no window')
  return win
}

rpc.handle('ipc.invoke', async ({ id, frameUrl, channel, args }) => {
  const win = windowOrThrow(id)
  const handler = ipcMain._handlers.get(channel)
  if (!handler) throw new Error(`No handler registered for '${channel}'`)
  const senderFrame = { ...win.webContents.mainFrame, url: toElectronUrl(frameUrl) }
  const event = { sender: win.webContents, senderFrame, frameId: 1, processId: 1, type: 'frame' }
  return handler(event, ...args)
})

rpc.handle('ipc.send', ({ id, frameUrl, channel, args }) => {
  const win = windowOrThrow(id)
  const senderFrame = { ...win.webContents.mainFrame, url: toElectronUrl(frameUrl) }
  const event = {
    sender: win.webContents,
    senderFrame,
    frameId: 1,
    processId: 1,
    type: 'frame',
    reply: win.webContents.send.bind(win.webContents),
  }
  ipcMain.emit(channel, event, ...args)
})

rpc.handle('protocol.request', async ({ url, method, headers, body }) => {
  const electronUrl = toElectronUrl(url)
  const scheme = electronUrl.slice(0, electronUrl.indexOf(':'))
  const handler = protocolHandlers.get(scheme)
  if (!handler) return null
  const request = new Request(electronUrl, {
    method,
    headers,
    body: body && method !== 'GET' && method !== 'HEAD' ? body : undefined,
  })
  const response = await handler(request)
  if (!(response instanceof Response))
    throw new Error(`The ${scheme}: handler returned something other than a Response`)
  return {
    status: response.status,
    headers: [...response.headers.entries()],
    body: Buffer.from(await response.arrayBuffer()),
  }
})

rpc.handle('session.headersReceived', async ({ url, resourceType, statusCode, responseHeaders, windowId }) => {
  const listener = defaultSession._headersReceived
  if (!listener) return null
  return new Promise((resolve) => {
    listener(
      {
        id: 0,
        url,
        method: 'GET',
        resourceType,
        statusCode,
        responseHeaders,
        webContentsId: windows.get(windowId)?.webContents.id,
        timestamp: Date.now(),
      },
      (result = {}) =>
        resolve({ cancel: Boolean(result.cancel), responseHeaders: result.responseHeaders ?? responseHeaders }),
    )
  })
})

rpc.handle('webContents.willNavigate', ({ id, url, redirect }) => {
  const win = windows.get(id)
  if (!win) return true
  const electronUrl = toElectronUrl(url)
  const eventName = redirect ? 'will-redirect' : 'will-navigate'
  const event = makeEvent({ url: electronUrl, isMainFrame: true, frame: win.webContents.mainFrame })
  win.webContents.emit(eventName, event, electronUrl)
  records.navigationAttempts.push({ url: electronUrl, prevented: event.defaultPrevented, kind: eventName })
  return event.defaultPrevented
})

rpc.handle('webContents.windowOpen', async ({ id, url, frameName, features }) => {
  const win = windows.get(id)
  if (!win) return 'deny'
  const electronUrl = toElectronUrl(url)
  const handler = win.webContents._windowOpenHandler
  const decision = handler
    ? handler({
        url: electronUrl,
        frameName,
        features,
        disposition: 'foreground-tab',
        referrer: { url: win.webContents.getURL(), policy: 'strict-origin-when-cross-origin' },
      })
    : { action: 'allow' }
  const action = decision && decision.action === 'allow' ? 'allow' : 'deny'
  records.windowOpenRequests.push({ url: electronUrl, action })
  if (action === 'allow') {
    const child = new BrowserWindow(decision.overrideBrowserWindowOptions ?? {})
    win.webContents.emit('did-create-window', child, { url: electronUrl, frameName, options: {} })
    await child.loadURL(electronUrl)
  }
  return action
})

rpc.handle('webContents.navigated', ({ id, url, inPage }) => {
  const win = windows.get(id)
  if (!win) return
  win.webContents._url = toElectronUrl(url)
  win.webContents.emit(inPage ? 'did-navigate-in-page' : 'did-navigate', makeEvent(), win.webContents._url)
})

rpc.handle('webContents.loaded', ({ id, title }) => {
  const win = windows.get(id)
  if (!win) return
  win.webContents._loading = false
  win.webContents._title = title
  if (!win._readyToShowSent) {
    win._readyToShowSent = true
    win.emit('ready-to-show', makeEvent())
  }
  win.webContents.emit('dom-ready', makeEvent())
  win.webContents.emit('did-finish-load', makeEvent())
})

rpc.handle('webContents.gone', ({ id, reason }) => {
  const win = windows.get(id)
  if (!win) return
  win.webContents.emit('render-process-gone', makeEvent(), { reason, exitCode: 1 })
})

rpc.handle('app.evaluate', async ({ source, arg }) => {
  const vm = require('node:vm')
  const fn = vm.runInThisContext(`(${source})`, { filename: 'harness-evaluate.js' })
  if (typeof fn !== 'function') throw new Error('evaluate expects a function')
  return fn(module.exports, arg)
})

rpc.handle('app.quit', () => {
  app.quit()
  return app._quitting
})

rpc.handle('app.secondInstance', ({ argv, workingDirectory }) => {
  app.emit('second-instance', makeEvent(), argv, workingDirectory, {})
})

rpc.handle('app.activate', () => {
  app.emit(
    'activate',
    makeEvent(),
    BrowserWindow.getAllWindows().some((win) => win.isVisible()),
  )
})

rpc.handle('records.get', () => {
  const tray = [...trays].reverse().find((entry) => !entry._destroyed) ?? null
  return {
    notifications: records.notifications.map((record) => ({ ...record })),
    badgeCount: records.badgeCount,
    openedExternalUrls: [...records.openedExternalUrls],
    proxyConfigs: records.proxyConfigs.map((config) => structuredClone(config)),
    windowOpenRequests: records.windowOpenRequests.map((entry) => ({ ...entry })),
    navigationAttempts: records.navigationAttempts.map((entry) => ({ ...entry })),
    overlayIcons: records.overlayIcons.map((entry) => ({ ...entry })),
    sessionCleared: [...records.sessionCleared],
    spellChecker: {
      languageCalls: records.spellChecker.languageCalls.map((call) => [...call]),
      addedWords: [...records.spellChecker.addedWords],
      replacements: [...records.spellChecker.replacements],
    },
    tray: tray
      ? {
          tooltip: tray._tooltip,
          title: tray._title,
          image: { png: tray._image.toPNG(), ...tray._image.getSize() },
          menu: snapshotMenu(tray._menu),
        }
      : null,
    windows: BrowserWindow.getAllWindows().map((win) => ({
      id: win.id,
      url: win.webContents.getURL(),
      visible: win.isVisible(),
      focused: win.isFocused(),
      minimized: win.isMinimized(),
      maximized: win.isMaximized(),
      bounds: win.getBounds(),
    })),
  }
})

rpc.handle('notification.click', ({ index }) => {
  const record = records.notifications[index]
  if (!record) throw new Error(`No notification #${index} (${records.notifications.length} shown)`)
  if (record.closed)
    throw new Error(`Notification #${index} ("${record.title}") was closed or replaced; it can no longer be clicked`)
  record.clicked = true
  notificationInstances[index].emit('click', makeEvent())
})

rpc.handle('tray.clickMenuItem', ({ label }) => {
  const tray = [...trays].reverse().find((entry) => !entry._destroyed)
  if (!tray) throw new Error('There is no tray')
  if (!tray._menu) throw new Error('The tray has no context menu')
  const item = tray._menu.items.find((entry) => entry.label === label)
  if (!item)
    throw new Error(`No tray menu item "${label}" (items: ${tray._menu.items.map((entry) => entry.label).join(', ')})`)
  if (!item.enabled) throw new Error(`The tray menu item "${label}" is disabled`)
  const win = BrowserWindow.getFocusedWindow() ?? undefined
  item.click(
    { shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, triggeredByAccelerator: false },
    win,
    win?.webContents,
  )
})

rpc.handle('tray.click', () => {
  const tray = [...trays].reverse().find((entry) => !entry._destroyed)
  if (!tray) throw new Error('There is no tray')
  tray.emit('click', makeEvent(), tray.getBounds(), { x: 0, y: 0 })
})

rpc.handle('window.userAction', ({ action, focused, bounds }) => {
  const win = firstWindowOrThrow()
  switch (action) {
    case 'focus':
      if (focused) win.focus()
      else win.blur()
      return
    case 'hide':
      win.hide()
      return
    case 'minimize':
      win.minimize()
      return
    case 'close':
      win.close()
      return
    case 'setBounds':
      win.setBounds(bounds)
      return
    case 'maximize':
      win.maximize()
      return
    default:
      throw new Error(`Unknown window action ${action}`)
  }
})

rpc.handle('power.emit', ({ event }) => {
  powerMonitor.emit(event, makeEvent())
})

rpc.handle('net.setOnline', ({ value }) => {
  online = Boolean(value)
})

rpc.handle('permission.request', async ({ permission, url, id }) => {
  const win = windows.get(id)
  const handler = defaultSession._permissionRequestHandler
  const check = defaultSession._permissionCheckHandler
  const checked = check ? Boolean(check(win?.webContents ?? null, permission, url, { requestingUrl: url })) : true
  if (!handler) return { checked, granted: true }
  const granted = await new Promise((resolve) =>
    handler(win?.webContents ?? null, permission, resolve, { requestingUrl: url, isMainFrame: true }),
  )
  return { checked, granted: Boolean(granted) }
})

function markReady() {
  app.emit('will-finish-launching')
  app._ready = true
  app.emit('ready', makeEvent(), {})
  readyResolve({})
}

module.exports = {
  app,
  BrowserWindow,
  ipcMain,
  protocol,
  session,
  net,
  shell,
  Notification,
  Tray,
  Menu,
  MenuItem,
  nativeImage,
  NativeImage,
  screen,
  powerMonitor,
  nativeTheme,
  dialog,
  crashReporter,
  clipboard,
  webContents: {
    getAllWebContents: () => BrowserWindow.getAllWindows().map((win) => win.webContents),
    fromId: (id) => BrowserWindow.getAllWindows().find((win) => win.webContents.id === id)?.webContents,
    getFocusedWebContents: () => BrowserWindow.getFocusedWindow()?.webContents ?? null,
  },
  // contextBridge and ipcRenderer: undefined in main, as in Electron (libraries such as
  // electron-log test for them). The preload side lives in the runner's init script (host.ts).
}
// Not part of Electron: the bootstrap fires `ready` once main has loaded.
Object.defineProperty(module.exports, '__shimMarkReady', { value: markReady, enumerable: false })
// For the shim's own unit test (tests/unit/electron-shim): what records.get would answer, without the runner.
Object.defineProperty(module.exports, '__shimRecords', { value: () => records, enumerable: false })
