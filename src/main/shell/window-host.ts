/**
 * The window and the tray, kept in `ShellSurfaces` while they exist: one window at a time (made again
 * when it was closed and the user asks for it), hidden to the tray on close when the user wants that
 * and a tray exists, never hidden once the app is quitting.
 */
import type { MainCoreInternals } from '../app'
import type { Logger } from '../ports/logger'
import type { ShellSurfaces } from './adapters'
import { installContextMenu } from './spellcheck'
import { createTrayPresenter } from './tray'
import type { UiLocation } from './ui-session'
import { createMainWindow } from './window'

type WindowCore = Pick<
  MainCoreInternals,
  | 'getWindowBounds'
  | 'saveWindowBounds'
  | 'invoke'
  | 'shouldCloseToTray'
  | 'setWindowFocused'
  | 'setDoNotDisturb'
  | 'isDoNotDisturb'
  | 'i18n'
>

export interface WindowHost {
  /** Opens the tray (where the desktop has one), then the window. */
  openTrayAndWindow(quit: () => void): void
  /** Brings the window forward: made again if it was closed, restored if minimized. */
  show(): void
  /** Shows the window, then runs `then` once its UI can listen (a click right after launch). */
  showThen(then: () => void): void
  /** From `before-quit` on, closing the window closes it (no hiding to the tray). */
  markQuitting(): void
}

export function createWindowHost(deps: {
  core: WindowCore
  ui: UiLocation
  surfaces: ShellSurfaces
  log: Logger
}): WindowHost {
  const { core, ui, surfaces, log } = deps
  let quitting = false

  const openWindow = () => {
    const created = createMainWindow({
      uiEntryUrl: ui.entryUrl,
      uiBaseUrl: ui.baseUrl,
      savedBounds: core.getWindowBounds(),
      saveBounds: (bounds) => core.saveWindowBounds(bounds),
      openExternal: (url) => {
        void core.invoke('openExternal', { url }).then((result) => {
          if (!result.ok) log.warn(`Did not open a link: ${result.error.message}`)
        })
      },
      shouldHideOnClose: () => !quitting && surfaces.tray !== null && core.shouldCloseToTray(),
      setFocused: (focused) => core.setWindowFocused(focused),
      i18n: core.i18n,
      log,
    })
    installContextMenu(created.webContents, core.i18n.t)
    created.on('closed', () => {
      if (surfaces.window === created) surfaces.window = null
    })
    return created
  }

  const show = () => {
    let win = surfaces.window
    if (!win || win.isDestroyed()) win = surfaces.window = openWindow()
    if (win.isMinimized()) win.restore()
    win.show()
    win.focus()
  }

  return {
    openTrayAndWindow(quit) {
      try {
        surfaces.tray = createTrayPresenter({
          getWindow: () => surfaces.window,
          openWindow: show,
          setDoNotDisturb: (enabled) => core.setDoNotDisturb(enabled),
          isDoNotDisturb: () => core.isDoNotDisturb(),
          quit,
          i18n: core.i18n,
        })
      } catch (error) {
        // Some Linux desktops have no tray: the app still works, closing just quits.
        log.warn('No system tray is available; closing the window will quit.', error)
      }
      surfaces.window = openWindow()
    },
    show,
    showThen(then) {
      show()
      const win = surfaces.window
      if (win && win.webContents.isLoading()) win.webContents.once('did-finish-load', then)
      else then()
    },
    markQuitting() {
      quitting = true
    },
  }
}
