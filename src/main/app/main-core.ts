/**
 * What the composition root (./index.ts) gives the Electron shell: one object
 * the shell routes IPC, window, tray and power events to.
 */
import type { BridgeResult } from '../../shared/ipc/contract'
import type { WindowBounds } from '../ports/shell-adapters'
import type { MainI18n } from '../i18n'

export interface MainCore {
  /** Main's words in the UI language (the tray, native dialogs); `onChange` when the language setting changes. */
  readonly i18n: MainI18n
  /** Validates `rawArg` against the bridge contract and runs the handler.
   * Never throws: every failure is a `BridgeResult` error the UI can show. */
  invoke(channel: string, rawArg: unknown): Promise<BridgeResult<unknown>>
  /** Loads the saved account (if any) and starts syncing. */
  start(): Promise<void>
  /** Stops timers, the demo sandbox and in-flight work. */
  stop(): Promise<void>
  /** Window focus in/out: faster polling when focused, and notification quieting. */
  setWindowFocused(focused: boolean): void
  /** powerMonitor suspend/resume and online/offline. */
  setSystemAwake(awake: boolean): void
  setOnline(online: boolean): void
  /** A native notification was clicked: ask the renderer to open that conversation. */
  notificationClicked(chatId: string): void
  /** The tray menu's do-not-disturb item. */
  setDoNotDisturb(enabled: boolean): void
  isDoNotDisturb(): boolean
  /** Whether closing the window hides it to the tray (a setting). */
  shouldCloseToTray(): boolean
  /** The saved window bounds, and saving them. */
  getWindowBounds(): WindowBounds | null
  saveWindowBounds(bounds: WindowBounds): void
}
