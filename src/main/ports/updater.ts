/**
 * The two seams of auto-update (src/main/update):
 * - `Updater`: the electron-updater calls, implemented by the shell (src/main/shell/updater.ts) and by fakes
 *   in tests. Nothing else about electron-updater leaks past it.
 * - `InstallProbe`: reading the registry, a managed plist and files, for the update policy and for how the app
 *   was installed. The Node implementation is src/main/update/system-probe.ts; tests give fakes (and real files).
 */

export type UpdaterEvent =
  | { type: 'checking' }
  | { type: 'available'; version: string }
  | { type: 'not-available' }
  | { type: 'progress'; percent: number }
  | { type: 'downloaded'; version: string }
  | { type: 'error'; error: unknown }

export interface UpdaterSetup {
  /** Where electron-updater's own log lines go. */
  log: { info(message: string): void; warn(message: string): void; error(message: string): void }
  /** Overrides the feed of app-update.yml (a generic provider's URL). */
  feedUrl?: string
  /** Overrides the channel of app-update.yml. */
  channel?: string
}

export interface Updater {
  /** Called once, before the first check, with what the policy overrides (and nothing when it overrides nothing). */
  configure(setup: UpdaterSetup): void
  /** electron-updater's `autoInstallOnAppQuit`: the update logic sets it, never the shell. */
  setAutoInstallOnAppQuit(install: boolean): void
  /** Asks the feed; downloads in the background when there is an update. Progress arrives as events.
   * Rejects when the check fails (an `error` event also comes). */
  checkForUpdates(): Promise<void>
  /** Quits and installs the downloaded update (electron-updater's quitAndInstall). */
  quitAndInstall(): void
  /** Every event, in order. */
  onEvent(listener: (event: UpdaterEvent) => void): void
}

/** The values of one registry key: REG_DWORD as numbers, REG_SZ as strings. */
export type RegistryValues = Record<string, string | number>

export interface InstallProbe {
  /** The values of a registry key (`HKLM\Software\...`), or null when the key does not exist. Windows only. */
  readRegistryKey(key: string): Promise<RegistryValues | null>
  /** A property list, as JSON values, or null when the file does not exist. macOS only. */
  readPlist(path: string): Promise<unknown>
  /** A file's text, or null when it does not exist. */
  readTextFile(path: string): Promise<string | null>
  fileExists(path: string): Promise<boolean>
}

/** What the shell knows about how this copy runs (src/main/update/install-kind.ts decides from it). */
export interface InstallFacts {
  isPackaged: boolean
  platform: NodeJS.Platform
  /** PORTABLE_EXECUTABLE_DIR (Windows portable) and APPIMAGE (Linux AppImage), from process.env. */
  env: { PORTABLE_EXECUTABLE_DIR?: string; APPIMAGE?: string }
  /** The folder of the running executable. */
  execDir: string
  /** The e2e build under INBOX_DESK_E2E_UPDATES=1 (../shell/launch-overrides.ts, never in a packaged app):
   * behave as an updatable install, so the end-to-end specs can drive the stand-in updater. Policy still applies. */
  testInstall?: boolean
}

/** What the shell gives the update service (ShellAdapters.updates). */
export interface ShellUpdates {
  updater: Updater
  facts: InstallFacts
  /** The login name, for macOS's per-user managed preferences. */
  userName?: string
  /** Default: the real system (src/main/update/system-probe.ts). */
  probe?: InstallProbe
}
