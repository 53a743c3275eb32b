/**
 * The runner side of the shim: forks the built main bundle on
 * ./bootstrap.cjs, owns Chromium, and backs each of main's BrowserWindows with
 * a Playwright page. Everything main-side (handlers, stores, the API key)
 * stays in the child process; pages reach it only through the bindings below.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page, type Route, type Request } from '@playwright/test'
import { DISPATCH_KEY, preloadInitScript } from './preload-script'

export const CHROMIUM_EXECUTABLE = process.env.INBOX_DESK_CHROMIUM ?? '/usr/bin/chromium'
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--allow-file-access-from-files',
]

/** Pages load custom-scheme URLs under this host form (see urls.cjs). */
const SHIM_HOST_PATTERN = /^(.+)\.([a-z][a-z0-9-]*)-scheme\.invalid$/

export interface ShimDisplay {
  id?: number
  bounds: { x: number; y: number; width: number; height: number }
  workArea?: { x: number; y: number; width: number; height: number }
  scaleFactor?: number
}

export interface ShimHostOptions {
  /** The built main bundle. */
  mainEntry: string
  /** The project root: package.json (name, version) and node_modules/electron. */
  appPath: string
  userDataDir: string
  env: Record<string, string | undefined>
  displays?: ShimDisplay[]
  /** What `app.isPackaged` answers (default false, as for any unpackaged run). */
  packaged?: boolean
  /** What `app.getPreferredSystemLanguages()` answers, the OS's languages (default en-US). */
  systemLocales?: string[]
  /** Print main's stdout/stderr and the pages' console as they come. */
  verbose: boolean
}

type RpcMessage =
  | { kind: 'call'; id: number; method: string; params: unknown }
  | { kind: 'notify'; method: string; params: unknown }
  | { kind: 'reply'; id: number; ok: true; value: unknown }
  | { kind: 'reply'; id: number; ok: false; error: { message: string; stack?: string } }

/** Electron's clearStorageData names → the DevTools protocol's storage types. */
const STORAGE_TYPES: Record<string, string> = {
  all: 'all',
  cookies: 'cookies',
  filesystem: 'file_systems',
  indexdb: 'indexeddb',
  localstorage: 'local_storage',
  shadercache: 'shader_cache',
  serviceworkers: 'service_workers',
  cachestorage: 'cache_storage',
}

interface HostWindow {
  id: number
  page: Page
  /** Navigations the shim itself started (loadURL): not renderer-initiated, so no will-navigate. */
  programmaticUrls: Set<string>
  /** webContents.send deliveries, in order. */
  sendQueue: Promise<void>
  /** Settles when the first loadURL finishes, whatever the outcome. */
  firstLoad: Promise<void>
  markLoaded(): void
}

const normalizeUrl = (url: string) => {
  try {
    return new URL(url).href
  } catch {
    return url
  }
}

export class ShimHost {
  readonly windows = new Map<number, HostWindow>()
  /** Origins the windows showed (http(s), custom schemes mapped): what clearStorageData clears. */
  private readonly origins = new Set<string>()
  /** What main set nativeTheme.themeSource to, when not "system" (see setThemeSource). */
  private themeOverride: 'light' | 'dark' | null = null
  /** What main printed, and the pages' console and errors: attached to failures, and searchable by tests. */
  readonly output: string[] = []
  private nextCallId = 1
  private readonly pending = new Map<
    number,
    { resolve(value: unknown): void; reject(error: Error): void; method: string }
  >()
  private readonly windowWaiters: ((win: HostWindow) => void)[] = []
  private readonly exitWaiters: ((reason: Error) => void)[] = []
  private exited: Error | null = null
  private fatal: string | null = null

  private constructor(
    private readonly options: ShimHostOptions,
    private readonly browser: Browser,
    private readonly context: BrowserContext,
    private readonly child: ChildProcess,
  ) {}

  static async launch(options: ShimHostOptions): Promise<ShimHost> {
    const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, headless: true, args: CHROMIUM_ARGS })
    let child: ChildProcess | null = null
    try {
      const context = await browser.newContext({ viewport: null, acceptDownloads: false, serviceWorkers: 'block' })
      child = fork(join(__dirname, 'bootstrap.cjs'), [], {
        cwd: options.appPath,
        env: {
          ...options.env,
          ELECTRON_SHIM_CONFIG: JSON.stringify({
            mainEntry: options.mainEntry,
            appPath: options.appPath,
            userDataDir: options.userDataDir,
            displays: options.displays,
            packaged: options.packaged ?? false,
            systemLocales: options.systemLocales,
          }),
        },
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
        serialization: 'advanced',
      })
      const host = new ShimHost(options, browser, context, child)
      await host.wire()
      return host
    } catch (error) {
      child?.kill('SIGKILL')
      await browser.close()
      throw error
    }
  }

  private log(line: string) {
    const text = line.endsWith('\n') ? line : line + '\n'
    this.output.push(text)
    if (this.options.verbose) process.stderr.write(text)
  }

  private async wire() {
    const child = this.child
    child.stdout?.setEncoding('utf8')
    child.stderr?.setEncoding('utf8')
    child.stdout?.on('data', (chunk: string) => this.log(`[main] ${chunk}`))
    child.stderr?.on('data', (chunk: string) => this.log(`[main:err] ${chunk}`))
    child.on('message', (message: RpcMessage) => void this.onMessage(message))
    child.on('exit', (code, signal) => {
      const reason = new Error(
        `The main process exited (${signal ?? `code ${code}`})` +
          (this.fatal ? `: ${this.fatal}` : '') +
          `\n--- main output (last lines) ---\n${this.output.slice(-40).join('')}`,
      )
      this.exited = reason
      for (const [id, waiter] of this.pending) {
        this.pending.delete(id)
        waiter.reject(reason)
      }
      for (const waiter of this.exitWaiters.splice(0)) waiter(reason)
    })
    this.context.on('page', (page) => {
      // A popup the init script could not catch (it has an opener; our windows' pages do not):
      // Electron would have asked setWindowOpenHandler, and the app denies all, so close it.
      void page
        .opener()
        .then((opener) => {
          if (!opener) return
          this.log(`[shim] closing an unexpected popup ${page.url()}`)
          return page.close()
        })
        .catch((error: Error) => this.log(`[shim] could not close a popup: ${error.message}`))
    })
    await this.context.route('**/*', (route, request) => this.onRoute(route, request))
  }

  get isRunning(): boolean {
    return this.exited === null
  }

  get pid(): number | undefined {
    return this.child.pid
  }

  /** Resolves with the first window's page once it has loaded (or the loading failed). */
  firstWindow(): Promise<Page> {
    const existing = [...this.windows.values()][0]
    if (existing) return existing.firstLoad.then(() => existing.page)
    if (this.exited) return Promise.reject(this.exited)
    return new Promise<HostWindow>((resolve, reject) => {
      this.windowWaiters.push(resolve)
      this.exitWaiters.push(reject)
    }).then((win) => win.firstLoad.then(() => win.page))
  }

  pages(): Page[] {
    return [...this.windows.values()].map((win) => win.page)
  }

  call<T>(method: string, params: unknown = {}): Promise<T> {
    if (this.exited) return Promise.reject(this.exited)
    return new Promise<T>((resolve, reject) => {
      const id = this.nextCallId++
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, method })
      this.child.send({ kind: 'call', id, method, params } satisfies RpcMessage, (error) => {
        if (!error) return
        this.pending.delete(id)
        reject(new Error(`Could not reach the main process (${method}): ${error.message}`))
      })
    })
  }

  /** Waits for the child to exit; false when it did not within the time. */
  waitForExit(timeoutMs: number): Promise<boolean> {
    if (this.exited) return Promise.resolve(true)
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs)
      this.exitWaiters.push(() => {
        clearTimeout(timer)
        resolve(true)
      })
    })
  }

  /** Kills whatever is left: main, then Chromium. Safe to call twice. */
  async dispose(): Promise<void> {
    if (!this.exited) {
      this.child.kill('SIGKILL')
      await this.waitForExit(5_000)
    }
    await this.browser.close().catch((error: Error) => this.log(`[shim] closing Chromium: ${error.message}`))
  }

  private reply(id: number, result: { ok: true; value: unknown } | { ok: false; message: string }) {
    if (this.exited || !this.child.connected) return
    const message: RpcMessage = result.ok
      ? { kind: 'reply', id, ok: true, value: result.value }
      : { kind: 'reply', id, ok: false, error: { message: result.message } }
    this.child.send(message)
  }

  private async onMessage(message: RpcMessage) {
    if (message.kind === 'reply') {
      const waiter = this.pending.get(message.id)
      if (!waiter) return
      this.pending.delete(message.id)
      if (message.ok) waiter.resolve(message.value)
      else waiter.reject(new Error(`${message.error.message}\n(in main, calling ${waiter.method})`))
      return
    }
    try {
      const value = await this.serve(message.method, message.params as Record<string, never>)
      if (message.kind === 'call') this.reply(message.id, { ok: true, value })
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error)
      if (message.kind === 'call') this.reply(message.id, { ok: false, message: text })
      else this.log(`[shim] ${message.method} failed: ${text}`)
    }
  }

  private window(id: number): HostWindow {
    const win = this.windows.get(id)
    if (!win) throw new Error(`No page for window ${id}`)
    return win
  }

  /** What main's shim asks of the runner. */
  private async serve(method: string, params: Record<string, unknown>): Promise<unknown> {
    switch (method) {
      case 'window.create':
        return this.createWindow(
          params.id as number,
          params.bounds as { width: number; height: number },
          params.preload as string | null,
        )
      case 'window.loadURL': {
        const win = this.window(params.id as number)
        const url = params.url as string
        win.programmaticUrls.add(normalizeUrl(url))
        try {
          const response = await win.page.goto(url, { waitUntil: 'load' })
          if (response && !response.ok()) throw new Error(`HTTP ${response.status()} for ${url}`)
        } finally {
          win.markLoaded()
        }
        return null
      }
      case 'window.send': {
        const win = this.windows.get(params.id as number)
        if (!win) return null
        const channel = params.channel as string
        const args = params.args as unknown[]
        win.sendQueue = win.sendQueue.then(() =>
          win.page
            .evaluate(
              ([key, eventChannel, eventArgsJson]) => {
                const dispatch = (window as unknown as Record<symbol, (c: string, a: unknown[]) => void>)[
                  Symbol.for(key)
                ]
                // No preload ran (a foreign page): Electron would deliver to no listener either.
                if (dispatch) dispatch(eventChannel, JSON.parse(eventArgsJson) as unknown[])
              },
              // JSON text, for the same reason as invoke answers (see exposeBinding below).
              [DISPATCH_KEY, channel, JSON.stringify(args)] as const,
            )
            .catch((error: Error) => this.log(`[shim] webContents.send(${channel}) not delivered: ${error.message}`)),
        )
        return null
      }
      case 'window.setSize': {
        const win = this.window(params.id as number)
        await win.page.setViewportSize({ width: params.width as number, height: params.height as number })
        return null
      }
      case 'window.executeJavaScript':
        return this.window(params.id as number).page.evaluate(params.code as string)
      case 'window.kill': {
        // forcefullyCrashRenderer: the app's page stops running, as in a dead renderer (main reloads it).
        const win = this.window(params.id as number)
        win.programmaticUrls.add(normalizeUrl('about:blank'))
        await win.page.goto('about:blank')
        return null
      }
      case 'session.clear':
        await this.clearSession(params.cache === true, (params.storages as string[] | undefined) ?? [])
        return null
      case 'window.reload':
        await this.window(params.id as number).page.reload()
        return null
      case 'window.destroy': {
        const win = this.windows.get(params.id as number)
        if (!win) return null
        this.windows.delete(win.id)
        await win.page.close().catch((error: Error) => this.log(`[shim] closing a page: ${error.message}`))
        return null
      }
      case 'nativeTheme.themeSource':
        return this.setThemeSource(params.source as 'system' | 'light' | 'dark')
      case 'app.exit':
        return null
      case 'app.fatal':
        this.fatal = `${params.kind as string}: ${params.message as string}`
        this.log(`[shim] ${this.fatal}`)
        return null
      default:
        throw new Error(`The runner has no method ${method}`)
    }
  }

  /**
   * nativeTheme.themeSource: 'light'/'dark' emulated on every page (and on pages made later); 'system' after one of
   * those clears the emulation (Chromium's default, light). 'system' with nothing emulated by main leaves a spec's
   * own `page.emulateMedia` (the "OS" scheme) alone.
   */
  private async setThemeSource(source: 'system' | 'light' | 'dark') {
    const before = this.themeOverride
    this.themeOverride = source === 'system' ? null : source
    if (before === this.themeOverride) return null
    for (const win of this.windows.values()) await win.page.emulateMedia({ colorScheme: this.themeOverride })
    return null
  }

  /** session.clearCache / clearStorageData for real, in this Chromium: the HTTP cache, and each origin's storage. */
  private async clearSession(cache: boolean, storages: string[]) {
    const page = [...this.windows.values()][0]?.page
    if (!page) return
    const cdp = await this.context.newCDPSession(page)
    try {
      if (cache) await cdp.send('Network.clearBrowserCache')
      const types = storages.map((name) => STORAGE_TYPES[name] ?? name).join(',')
      if (types === '') return
      for (const origin of this.origins) await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: types })
    } finally {
      await cdp.detach()
    }
  }

  private async createWindow(id: number, bounds: { width: number; height: number }, preload: string | null) {
    const page = await this.context.newPage()
    let markLoaded = () => {}
    const firstLoad = new Promise<void>((resolve) => {
      markLoaded = resolve
    })
    const win: HostWindow = {
      id,
      page,
      programmaticUrls: new Set(),
      sendQueue: Promise.resolve(),
      firstLoad,
      markLoaded,
    }
    this.windows.set(id, win)
    await page.setViewportSize({ width: bounds.width, height: bounds.height })
    if (this.themeOverride) await page.emulateMedia({ colorScheme: this.themeOverride })
    page.on('console', (message) => this.log(`[page ${id}:${message.type()}] ${message.text()}`))
    page.on('pageerror', (error) => this.log(`[page ${id}:pageerror] ${error.stack ?? error.message}`))
    page.on('crash', () => void this.notify('webContents.gone', { id, reason: 'crashed' }))
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame()) return
      if (/^https?:/.test(frame.url())) this.origins.add(new URL(frame.url()).origin)
      void this.notify('webContents.navigated', { id, url: frame.url(), inPage: false })
    })
    page.on('load', () => {
      void page
        .title()
        .catch(() => '')
        .then((title) => this.notify('webContents.loaded', { id, title }))
    })
    await page.exposeBinding('__electronShimInvoke', async (source, channel: string, args: unknown[]) => {
      try {
        const value = await this.call('ipc.invoke', { id, frameUrl: source.frame.url(), channel, args })
        // As JSON text: Playwright's own value serializer walks big answers (10,000 conversations) in
        // JavaScript on both sides, far slower than Electron's native structured clone; one string and
        // JSON.parse in the page comes much closer. Bridge values are JSON by contract (no Dates, Maps).
        return { ok: true, json: value === undefined ? undefined : JSON.stringify(value) }
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message.split('\n(in main')[0] : String(error) }
      }
    })
    await page.exposeBinding('__electronShimSend', async (source, channel: string, args: unknown[]) => {
      await this.call('ipc.send', { id, frameUrl: source.frame.url(), channel, args })
    })
    await page.exposeBinding(
      '__electronShimWindowOpen',
      async (_source, url: string, frameName: string, features: string) => {
        await this.call('webContents.windowOpen', { id, url, frameName, features })
      },
    )
    if (preload) {
      const source = await readFile(preload, 'utf8')
      await page.addInitScript({ content: preloadInitScript(source, process.platform) })
    }
    for (const waiter of this.windowWaiters.splice(0)) waiter(win)
    return null
  }

  private notify(method: string, params: unknown) {
    if (this.exited || !this.child.connected) return
    this.child.send({ kind: 'notify', method, params } satisfies RpcMessage)
  }

  private windowOfRequest(request: Request): { win: HostWindow | undefined; mainFrame: boolean } {
    let frame
    try {
      frame = request.frame()
    } catch {
      // Service worker requests have no frame (and service workers are blocked).
      return { win: undefined, mainFrame: false }
    }
    const page = frame.page()
    const win = [...this.windows.values()].find((entry) => entry.page === page)
    return { win, mainFrame: frame.parentFrame() === null }
  }

  private async onRoute(route: Route, request: Request) {
    try {
      const url = request.url()
      const { win, mainFrame } = this.windowOfRequest(request)
      if (win && mainFrame && request.isNavigationRequest()) {
        const redirect = request.redirectedFrom() !== null
        const programmatic = !redirect && win.programmaticUrls.delete(normalizeUrl(url))
        if (!programmatic) {
          const prevented = await this.call<boolean>('webContents.willNavigate', { id: win.id, url, redirect })
          if (prevented) {
            await route.abort('aborted')
            return
          }
        }
      }
      const host = new URL(url).hostname
      if (SHIM_HOST_PATTERN.test(host)) {
        const response = await this.call<{ status: number; headers: [string, string][]; body: Buffer } | null>(
          'protocol.request',
          {
            url,
            method: request.method(),
            headers: await request.allHeaders(),
            body: request.postDataBuffer(),
          },
        )
        if (!response) {
          await route.abort('failed')
          return
        }
        await route.fulfill({
          status: response.status,
          headers: Object.fromEntries(response.headers),
          body: response.body,
        })
        return
      }
      // http(s) responses to a window pass main's session.webRequest.onHeadersReceived, as in Electron.
      if (win && /^https?:$/.test(new URL(url).protocol)) {
        const response = await route.fetch()
        const responseHeaders: Record<string, string[]> = {}
        for (const { name, value } of response.headersArray()) (responseHeaders[name] ??= []).push(value)
        const hooked = await this.call<{ cancel: boolean; responseHeaders: Record<string, string[]> } | null>(
          'session.headersReceived',
          {
            url,
            resourceType: request.resourceType(),
            statusCode: response.status(),
            responseHeaders,
            windowId: win.id,
          },
        )
        if (hooked?.cancel) {
          await route.abort('blockedbyclient')
          return
        }
        const headers = hooked
          ? Object.fromEntries(
              Object.entries(hooked.responseHeaders).map(([name, values]) => [name, values.join(', ')]),
            )
          : undefined
        await route.fulfill({ response, headers })
        return
      }
      await route.continue()
    } catch (error) {
      this.log(`[shim] routing ${request.url()} failed: ${error instanceof Error ? error.message : String(error)}`)
      await route
        .abort('failed')
        .catch((abortError: Error) => this.log(`[shim] could not abort ${request.url()}: ${abortError.message}`))
    }
  }
}
