/**
 * The unread total everywhere the OS shows one (tray icon and tooltip, dock
 * or launcher badge, Windows overlay), and the tray menu. The pixels come
 * from ../notify/tray-icon.ts; the words from main's i18n, rebuilt when the UI language changes.
 */
import { app, Menu, nativeImage, Tray, type BrowserWindow } from 'electron'
import type { MainI18n } from '../i18n'
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
  i18n: MainI18n
}): TrayPresenter {
  const { t } = options.i18n
  let total = 0
  let doNotDisturb = options.isDoNotDisturb()
  const tray = new Tray(nativeImage.createFromBuffer(renderTrayIcon(0)))
  const render = (count: number) => {
    tray.setImage(nativeImage.createFromBuffer(renderTrayIcon(count)))
    tray.setToolTip(trayTooltip(count, t))
    if (process.platform === 'win32') {
      const overlay = renderOverlayIcon(count)
      options.getWindow()?.setOverlayIcon(overlay ? nativeImage.createFromBuffer(overlay) : null, trayTooltip(count, t))
    } else {
      // macOS dock; Linux launchers that support it (Unity count API). Returns false elsewhere: nothing to do.
      app.setBadgeCount(count)
    }
  }
  render(0)
  tray.on('click', () => options.openWindow())

  const buildMenu = () =>
    Menu.buildFromTemplate([
      { label: t('tray.open'), click: () => options.openWindow() },
      {
        label: t('notify.doNotDisturb'),
        type: 'checkbox',
        checked: doNotDisturb,
        click: (item) => {
          doNotDisturb = item.checked
          options.setDoNotDisturb(item.checked)
        },
      },
      { type: 'separator' },
      { label: t('tray.quit'), click: () => options.quit() },
    ])
  tray.setContextMenu(buildMenu())
  // A language switch: new words for the tooltip and the menu (Electron menus cannot be edited in place).
  const stopListening = options.i18n.onChange(() => {
    render(total)
    tray.setContextMenu(buildMenu())
  })

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
      stopListening()
      tray.destroy()
    },
  }
}
