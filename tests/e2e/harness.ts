/**
 * `launchApp()`: the built Inbox Desk (out/main, out/preload, out/renderer),
 * shaped like the result of Playwright's `_electron.launch()`, plus what a
 * test needs to see what cannot be real here (notifications, tray, badge,
 * external URLs). See tests/README.md.
 *
 * - Default: the shim (./electron-shim): main under plain Node in a child
 *   process, each BrowserWindow a page in headless Chromium.
 * - `INBOX_DESK_E2E_ELECTRON=1` (./electron-switch.ts; the CI's e2e job) with an Electron binary: the same
 *   built app on real Electron through `_electron.launch()`; the extras come from the app's test hooks
 *   (src/main/shell/e2e-hooks.ts, in the build:e2e build only, loaded only when INBOX_DESK_E2E=1).
 *   Written where no Electron binary can be downloaded: its first run is the CI's.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import type { ElectronApplication, Page } from '@playwright/test'
// Types only (erased at runtime): the real module would try to download Electron.
import type * as ElectronTypes from 'electron'
import type { NotificationRecord } from '../../src/main/shell/e2e-recorders'
import { realElectronRequested } from './electron-switch'
import { ShimHost, type ShimDisplay } from './electron-shim/host'

export type { ShimDisplay }

export const PROJECT_ROOT = resolve(__dirname, '../..')
/** The built app's root (package.json, out/, node_modules). Override with INBOX_DESK_APP_ROOT to test
 * a build made elsewhere (e.g. a clean checkout) while others rebuild this tree's out/. */
export const APP_ROOT = resolve(process.env.INBOX_DESK_APP_ROOT ?? PROJECT_ROOT)
export const BUILT_MAIN = join(APP_ROOT, 'out/main/index.js')
const builtMainOf = (appRoot: string) => join(appRoot, 'out/main/index.js')

/** The `electron` module as `evaluate` receives it (the shim's, or Electron's). Type-only: nothing here loads electron. */
export type ElectronModule = typeof ElectronTypes

// The app's e2e hooks (real Electron) and the shim record notifications in this one shape.
export type { NotificationRecord }

export interface TrayMenuItemRecord {
  label: string
  type: string
  checked: boolean
  enabled: boolean
  visible: boolean
  role: string | null
  submenu?: TrayMenuItemRecord[]
}

export interface TrayRecord {
  tooltip: string
  title: string
  /** The PNG the tray shows, and its size in pixels. */
  image: { png: Buffer; width: number; height: number }
  menu: TrayMenuItemRecord[]
}

export interface WindowRecord {
  id: number
  /** The URL as main sees it (app://inbox-desk/... for the UI). */
  url: string
  visible: boolean
  focused: boolean
  minimized: boolean
  maximized: boolean
  bounds: { x: number; y: number; width: number; height: number }
}

export interface ShellRecords {
  notifications: NotificationRecord[]
  badgeCount: number
  openedExternalUrls: string[]
  /** Every window.open / target=_blank the renderer tried, and the handler's answer. */
  windowOpenRequests: { url: string; action: string }[]
  /** Every renderer-initiated navigation and redirect, and whether main prevented it. */
  navigationAttempts: { url: string; prevented: boolean; kind: string }[]
  tray: TrayRecord | null
  windows: WindowRecord[]
  /** Shim only: session.clearCache (`cache`) and clearStorageData (`storage:` + the storages) calls, in order. */
  sessionCleared?: string[]
  /** Shim only: every session.setSpellCheckerLanguages call in order, and the words added to the dictionary. */
  spellChecker?: { languageCalls: string[][]; addedWords: string[]; replacements: string[] }
  /** Every session.defaultSession.setProxy config main set, in order. */
  proxyConfigs: (
    { mode: 'system' | 'direct' } | { mode: 'fixed_servers'; proxyRules: string; proxyBypassRules: string }
  )[]
}

export interface LaunchOptions {
  /** Reuse this profile (e.g. a previous launch's `userDataDir`). It is not deleted on close.
   * Default: a fresh temporary folder, deleted on close. */
  userDataDir?: string
  /** Extra environment for main (it wins over the harness's own INBOX_DESK_* variables). */
  env?: Record<string, string>
  /** Shim only: the monitors `screen` reports (default one 1920×1080). */
  displays?: ShimDisplay[]
  /** Shim only: `app.isPackaged` answers true, as in an installed app (default false). */
  packaged?: boolean
  /** Shim only: the OS's preferred languages (`app.getPreferredSystemLanguages()`, `getLocale()`: default en-US). */
  systemLocales?: string[]
  /** Print main's output and the page console live (also on with INBOX_DESK_E2E_VERBOSE=1). */
  verbose?: boolean
  /** Another built app (its package.json, out/ and node_modules): for the harness's own tests. Default APP_ROOT. */
  appRoot?: string
}

export interface InboxDeskApp {
  readonly kind: 'shim' | 'electron'
  /** The profile folder of this launch (electron-store files, logs, outbox...). */
  readonly userDataDir: string
  /** The first BrowserWindow's page, once it has loaded (like `_electron`'s `firstWindow`). */
  firstWindow(): Promise<Page>
  /** The pages of the open windows. */
  windows(): Page[]
  /** Runs `fn(electron, arg)` in the main process and returns its (cloneable) result. */
  evaluate<R, Arg = undefined>(fn: (electron: ElectronModule, arg: Arg) => R | Promise<R>, arg?: Arg): Promise<R>
  /** Quits the app like the tray's Quit (before-quit, will-quit...), then kills whatever remains. */
  close(): Promise<void>
  /** Closes and launches again on the same userDataDir; `firstWindow()` then gives the new window. */
  restart(options?: Pick<LaunchOptions, 'env' | 'displays'>): Promise<void>
  /** Everything recorded at once. */
  records(): Promise<ShellRecords>
  notifications(): Promise<NotificationRecord[]>
  /** Clicks a shown notification: by index (see NotificationRecord.index) or the last one matching. */
  clickNotification(which: number | ((notification: NotificationRecord) => boolean)): Promise<void>
  tray(): Promise<TrayRecord | null>
  /** Clicks a tray menu item by label (a checkbox toggles first, like Electron). */
  clickTrayMenuItem(label: string): Promise<void>
  badgeCount(): Promise<number>
  openedExternalUrls(): Promise<string[]>
  /** The first window's state as main sees it. */
  windowState(): Promise<WindowRecord>
  /** The user focuses the window (true) or switches to another app (false). */
  setWindowFocused(focused: boolean): Promise<void>
  /** The window is hidden (as when it went to the tray). */
  hideWindow(): Promise<void>
  /** The user clicks the window's close button (the app decides: hide to tray or quit). */
  closeWindow(): Promise<void>
  /** The user moves/resizes the window. */
  setWindowBounds(bounds: Partial<{ x: number; y: number; width: number; height: number }>): Promise<void>
  /** Someone launches Inbox Desk again while this one runs. */
  secondInstance(argv?: string[]): Promise<void>
  /** The machine sleeps ('suspend') or wakes ('resume'). */
  powerEvent(event: 'suspend' | 'resume' | 'lock-screen' | 'unlock-screen'): Promise<void>
  /** What `net.isOnline()` answers from now on (shim only). */
  setOnline(online: boolean): Promise<void>
  /** Shim only: the page asks for a permission (e.g. 'media', 'geolocation', 'notifications'); what main's
   * permission check and request handlers answer. */
  requestPermission(permission: string): Promise<{ checked: boolean; granted: boolean }>
  /** Main's stdout/stderr and the pages' console so far. */
  output(): string
}

/** One keychain service per profile: parallel tests never see each other's keys (or keychain probes),
 * and a restart on the same profile finds its key again. Still the real OS keychain. */
export function keychainServiceFor(userDataDir: string): string {
  return `Inbox Desk e2e ${basename(userDataDir)}`
}

const verboseFromEnv = process.env.INBOX_DESK_E2E_VERBOSE === '1'

/** Real Electron is used only when asked for and present (./electron-switch.ts). */
export function useRealElectron(): boolean {
  return realElectronRequested(process.env, APP_ROOT)
}

interface Backend {
  firstWindow(): Promise<Page>
  windows(): Page[]
  evaluate<R, Arg>(fn: (electron: ElectronModule, arg: Arg) => R | Promise<R>, arg: Arg): Promise<R>
  /** Test-only actions and records: the shim's RPC methods, or the app's e2e hooks. */
  control<T>(method: string, params?: Record<string, unknown>): Promise<T>
  close(): Promise<void>
  output(): string
}

class ShimBackend implements Backend {
  constructor(private readonly host: ShimHost) {}
  static async start(userDataDir: string, options: LaunchOptions): Promise<ShimBackend> {
    const host = await ShimHost.launch({
      mainEntry: builtMainOf(options.appRoot ?? APP_ROOT),
      appPath: options.appRoot ?? APP_ROOT,
      userDataDir,
      // The launch's own variables last: a spec may override the harness's (launch-overrides.spec.ts does).
      env: {
        ...process.env,
        INBOX_DESK_E2E: '1',
        INBOX_DESK_USER_DATA_DIR: userDataDir,
        INBOX_DESK_KEYCHAIN_SERVICE: keychainServiceFor(userDataDir),
        ...options.env,
      },
      displays: options.displays,
      packaged: options.packaged,
      systemLocales: options.systemLocales,
      verbose: options.verbose ?? verboseFromEnv,
    })
    return new ShimBackend(host)
  }
  firstWindow() {
    return this.host.firstWindow()
  }
  windows() {
    return this.host.pages()
  }
  evaluate<R, Arg>(fn: (electron: ElectronModule, arg: Arg) => R | Promise<R>, arg: Arg): Promise<R> {
    return this.host.call<R>('app.evaluate', { source: fn.toString(), arg })
  }
  control<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    return this.host.call<T>(method, params)
  }
  async close() {
    try {
      if (this.host.isRunning) {
        const quitting = await this.host.call<boolean>('app.quit').catch((error: Error) => {
          // Main already going down (or wedged): the kill below covers it.
          this.host.output.push(`[harness] app.quit: ${error.message}\n`)
          return false
        })
        if (quitting) await this.host.waitForExit(10_000)
      }
    } finally {
      await this.host.dispose()
    }
  }
  output() {
    return this.host.output.join('')
  }
}

/** Real Electron: the same built app, extras through src/main/shell/e2e-hooks.ts. */
class ElectronBackend implements Backend {
  private readonly lines: string[] = []
  constructor(private readonly app: ElectronApplication) {
    app.process().stdout?.on('data', (chunk: Buffer) => this.lines.push(chunk.toString()))
    app.process().stderr?.on('data', (chunk: Buffer) => this.lines.push(chunk.toString()))
  }
  static async start(userDataDir: string, options: LaunchOptions): Promise<ElectronBackend> {
    const { _electron } = await import('@playwright/test')
    const app = await _electron.launch({
      // Chromium refuses to run as root with its OS sandbox (containers, CI): off for that test run only.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), options.appRoot ?? APP_ROOT],
      cwd: options.appRoot ?? APP_ROOT,
      env: {
        ...(process.env as Record<string, string>),
        ...options.env,
        INBOX_DESK_E2E: '1',
        INBOX_DESK_E2E_HOOKS: '1',
        INBOX_DESK_USER_DATA_DIR: userDataDir,
        INBOX_DESK_KEYCHAIN_SERVICE: keychainServiceFor(userDataDir),
      },
    })
    return new ElectronBackend(app)
  }
  async firstWindow() {
    const page = await this.app.firstWindow()
    await page.waitForLoadState('load')
    return page
  }
  windows() {
    return this.app.windows()
  }
  evaluate<R, Arg>(fn: (electron: ElectronModule, arg: Arg) => R | Promise<R>, arg: Arg): Promise<R> {
    return this.app.evaluate(fn as never, arg) as Promise<R>
  }
  control<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    return this.app.evaluate(
      (_electron, [name, args]) => {
        const hooks = (globalThis as { __inboxDeskE2E?: { control(method: string, params: unknown): unknown } })
          .__inboxDeskE2E
        if (!hooks) throw new Error('The app was not started with INBOX_DESK_E2E=1: no test hooks')
        return hooks.control(name, args)
      },
      [method, params] as const,
    ) as Promise<T>
  }
  async close() {
    await this.app.close()
  }
  output() {
    return this.lines.join('')
  }
}

class App implements InboxDeskApp {
  constructor(
    readonly kind: 'shim' | 'electron',
    readonly userDataDir: string,
    private backend: Backend,
    private readonly options: LaunchOptions,
    private readonly ownsUserData: boolean,
  ) {}

  firstWindow() {
    return this.backend.firstWindow()
  }
  windows() {
    return this.backend.windows()
  }
  evaluate<R, Arg = undefined>(fn: (electron: ElectronModule, arg: Arg) => R | Promise<R>, arg?: Arg): Promise<R> {
    return this.backend.evaluate(fn, arg as Arg)
  }
  async close() {
    try {
      await this.backend.close()
    } finally {
      if (this.ownsUserData) rmSync(this.userDataDir, { recursive: true, force: true })
    }
  }
  async restart(options: Pick<LaunchOptions, 'env' | 'displays'> = {}) {
    await this.backend.close()
    const next = { ...this.options, ...options }
    this.backend = await startBackend(this.kind, this.userDataDir, next)
  }
  records() {
    return this.backend.control<ShellRecords>('records.get')
  }
  async notifications() {
    return (await this.records()).notifications
  }
  async clickNotification(which: number | ((notification: NotificationRecord) => boolean)) {
    let index: number
    if (typeof which === 'number') index = which
    else {
      const all = await this.notifications()
      const match = [...all].reverse().find(which)
      if (!match) throw new Error(`No notification matches (shown: ${JSON.stringify(all)})`)
      index = match.index
    }
    await this.backend.control('notification.click', { index })
  }
  async tray() {
    return (await this.records()).tray
  }
  async clickTrayMenuItem(label: string) {
    await this.backend.control('tray.clickMenuItem', { label })
  }
  async badgeCount() {
    return (await this.records()).badgeCount
  }
  async openedExternalUrls() {
    return (await this.records()).openedExternalUrls
  }
  async windowState() {
    const [first] = (await this.records()).windows
    if (!first) throw new Error('The app has no window')
    return first
  }
  async setWindowFocused(focused: boolean) {
    await this.backend.control('window.userAction', { action: 'focus', focused })
  }
  async hideWindow() {
    await this.backend.control('window.userAction', { action: 'hide' })
  }
  async closeWindow() {
    await this.backend.control('window.userAction', { action: 'close' })
  }
  async setWindowBounds(bounds: Partial<{ x: number; y: number; width: number; height: number }>) {
    await this.backend.control('window.userAction', { action: 'setBounds', bounds })
  }
  async secondInstance(argv: string[] = []) {
    await this.backend.control('app.secondInstance', { argv, workingDirectory: PROJECT_ROOT })
  }
  async powerEvent(event: 'suspend' | 'resume' | 'lock-screen' | 'unlock-screen') {
    await this.backend.control('power.emit', { event })
  }
  async setOnline(online: boolean) {
    await this.backend.control('net.setOnline', { value: online })
  }
  async requestPermission(permission: string) {
    const { windows } = await this.records()
    const first = windows[0]
    if (!first) throw new Error('The app has no window')
    return this.backend.control<{ checked: boolean; granted: boolean }>('permission.request', {
      permission,
      url: first.url,
      id: first.id,
    })
  }
  output() {
    return this.backend.output()
  }
}

async function startBackend(kind: 'shim' | 'electron', userDataDir: string, options: LaunchOptions): Promise<Backend> {
  const main = builtMainOf(options.appRoot ?? APP_ROOT)
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build:e2e\` first`)
  // Real Electron reads records through the e2e hooks, which only the test build contains.
  if (kind === 'electron' && !readdirSync(dirname(main)).some((file) => file.startsWith('e2e-hooks')))
    throw new Error(`${dirname(main)} is a shipping build without the e2e hooks: run \`npm run build:e2e\` first`)
  return kind === 'electron' ? ElectronBackend.start(userDataDir, options) : ShimBackend.start(userDataDir, options)
}

/** Launches the built app on a fresh (or the given) profile. Always `close()` it (the fixture does). */
export async function launchApp(options: LaunchOptions = {}): Promise<InboxDeskApp> {
  const ownsUserData = options.userDataDir === undefined
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'inbox-desk-e2e-'))
  const kind = useRealElectron() ? 'electron' : 'shim'
  try {
    const backend = await startBackend(kind, userDataDir, options)
    return new App(kind, userDataDir, backend, options, ownsUserData)
  } catch (error) {
    if (ownsUserData) rmSync(userDataDir, { recursive: true, force: true })
    throw error
  }
}
