/**
 * The unread total everywhere the OS shows one (tray icon and tooltip, dock
 * or launcher badge, Windows overlay), and the tray menu. The pixels come
 * from ../notify/tray-icon.ts.
 */
import { app, Menu, nativeImage, Tray, type BrowserWindow } from 'electron'
import { renderOverlayIcon, renderTrayIcon, trayTooltip } from '../notify'

export interface TrayPresenter {
  setUnreadTotal(total: number): void
  setDoNotDisturb(enabled: boolean): void
  destroy(): void
}

export function createTrayPresenter(options: {
  getWindow(): BrowserWindow | null
  openWindow(): void
  setDoNotDisturb(enabled: boolean): void
  isDoNotDisturb(): boolean
  quit(): void
}): TrayPresenter {
  let total = 0
  let doNotDisturb = options.isDoNotDisturb()
  const tray = new Tray(nativeImage.createFromBuffer(renderTrayIcon(0)))
  const render = (count: number) => {
    tray.setImage(nativeImage.createFromBuffer(renderTrayIcon(count)))
    tray.setToolTip(trayTooltip(count))
    if (process.platform === 'win32') {
      const overlay = renderOverlayIcon(count)
      options.getWindow()?.setOverlayIcon(overlay ? nativeImage.createFromBuffer(overlay) : null, trayTooltip(count))
    } else {
      // macOS dock; Linux launchers that support it (Unity count API). Returns false elsewhere: nothing to do.
      app.setBadgeCount(count)
    }
  }
  render(0)
  tray.on('click', () => options.openWindow())

  const buildMenu = () =>
    Menu.buildFromTemplate([
      { label: 'Open Inbox Desk', click: () => options.openWindow() },
      {
        label: 'Do not disturb',
        type: 'checkbox',
        checked: doNotDisturb,
        click: (item) => {
          doNotDisturb = item.checked
          options.setDoNotDisturb(item.checked)
        },
      },
      { type: 'separator' },
      { label: 'Quit', click: () => options.quit() },
    ])
  tray.setContextMenu(buildMenu())

  return {
    setUnreadTotal(next) {
      const count = Math.max(0, Math.floor(next))
      if (count === total) return
      total = count
      render(count)
    },
    setDoNotDisturb(enabled) {
      if (enabled === doNotDisturb) return
      doNotDisturb = enabled
      // Electron menus are immutable once set: rebuild with the new check state.
      tray.setContextMenu(buildMenu())
    },
    destroy() {
      tray.destroy()
    },
  }
}
