/**
 * The seam between the Electron shell (src/main/shell) and everything else in
 * main. The shell builds these adapters from Electron APIs and hands them to
 * `createMainCore` (src/main/app); tests build them from plain Node pieces
 * (src/main/testing/node-adapters.ts). Nothing on this side of the seam
 * imports electron.
 */
import type { EventChannel } from '../../shared/ipc/channels'
import type { EventPayloads, ThemePreference } from '../../shared/ipc/contract'
import type { LogSink } from './logger'
import type { SecretStore } from './secret-store'
import type { ShellUpdates } from './updater'

/** A persisted key/value store: electron-store in the app, `conf` in tests
 * (electron-store is a subclass of conf). */
export interface KeyValueStore<T extends Record<string, unknown>> {
  get<K extends keyof T>(key: K): T[K]
  set<K extends keyof T>(key: K, value: T[K]): void
  delete<K extends keyof T>(key: K): void
  readonly path: string
}

export interface NativeNotificationRequest {
  /** One per conversation: a newer notification with the same tag replaces the older. */
  tag: string
  title: string
  body: string
  chatId: string
  /** Play no sound (the user turned sounds off, or they are throttled). */
  silent: boolean
}

/** The part of Electron's `ProxyConfig` (session.setProxy) Inbox Desk sets: src/main/network/proxy-config.ts. */
export type ProxyConfig =
  { mode: 'system' } | { mode: 'direct' } | { mode: 'fixed_servers'; proxyRules: string; proxyBypassRules: string }

export interface ShellAdapters {
  /** Electron's `net.fetch` in the app (system proxy and certificates); Node's fetch in tests. */
  fetch: typeof fetch
  /** Electron's userData folder: where settings, outbox and sync state live. */
  userDataDir: string
  appVersion: string
  platform: NodeJS.Platform
  /** The OS's preferred languages, most preferred first (Electron's getPreferredSystemLanguages, then getLocale). */
  systemLocales: readonly string[]
  /** Chromium's spell checker (session.availableSpellCheckerLanguages / setSpellCheckerLanguages). Absent in
   * tests that do not need it. */
  spellChecker?: SpellCheckerAdapter
  /** Opens a URL in the user's browser. Core calls it only after its scheme allowlist. */
  openExternal(url: string): Promise<void>
  /** Pushes an event to the renderer (webContents.send on our window, if any). */
  emit<E extends EventChannel>(event: E, payload: EventPayloads[E]): void
  /** Shows a native notification; the shell calls `core.notificationClicked(chatId)` on click. */
  showNotification(request: NativeNotificationRequest): void
  /** Dock/launcher badge, Windows overlay, tray image and tooltip. */
  setUnreadTotal(total: number): void
  /** Tray menu state. */
  setDoNotDisturb(enabled: boolean): void
  /**
   * Opens (creating if needed) the persisted store `<userDataDir>/<name>.json`
   * with these defaults. Core calls it for `settings` (see
   * account/settings.ts: `SETTINGS_STORE_NAME`, `settingsDefaults`) and
   * `drafts`. Before calling it, core moves a file that is not valid JSON
   * aside (`<name>.corrupt-<time>.json`) and logs it.
   * - app: `new ElectronStore<T>({ name, defaults, cwd: userDataDir, clearInvalidConfig: true })`
   * - tests: `new Conf<T>({ projectName: 'inbox-desk-test', cwd: userDataDir, configName: name, defaults, clearInvalidConfig: true })`
   */
  createStore<T extends Record<string, unknown>>(name: string, defaults: T): KeyValueStore<T>
  /** Where finished, already-redacted log lines go (electron-log in the app). Default: the console. */
  logSink?: LogSink
  /** The OS keychain. Default: `createKeychainStore()` (keytar, service "Inbox Desk").
   * Tests pass one with their own service name. */
  keychain?: SecretStore
  /** Auto-update: electron-updater behind the Updater port, and the install facts (src/main/shell/updater.ts).
   * Absent (tests): updates are off, as in development. */
  updates?: ShellUpdates
  /**
   * Routes main's requests (net.fetch) as Settings → Network says: Electron's session.setProxy, then the
   * open connections closed so the next request takes the new route. Absent in unit tests (Node's fetch).
   */
  applyProxy?(config: ProxyConfig): Promise<void>
  /**
   * The app's theme for what main's own pages and the OS draw (Electron's nativeTheme.themeSource): the
   * recovery page's `prefers-color-scheme`, native menus and dialogs follow Settings → Theme, not only the OS.
   */
  setThemeSource?(theme: ThemePreference): void
}

export interface WindowBounds {
  x: number
  y: number
  width: number
  height: number
  maximized: boolean
}

export interface SpellCheckerAdapter {
  /** The dictionaries Chromium offers; empty on macOS (the system's spell checker is used). */
  readonly available: readonly string[]
  setLanguages(languages: readonly string[]): void
}
