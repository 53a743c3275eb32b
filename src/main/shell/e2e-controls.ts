/**
 * Test build only (imported by ./e2e-hooks.ts alone): what the e2e harness may ask for, by name, with
 * the same names and records as the electron shim's, so one spec runs on both. `records.get` reads
 * what ./e2e-recorders.ts saw; the others act as the user or the OS would.
 */
import { app, BrowserWindow, powerMonitor, type Menu, type MenuItem } from 'electron'
import type { BadgeAndLinks, NotificationRecords, TrayRecord } from './e2e-recorders'

export type Control = (params: Record<string, unknown>) => unknown

export interface Recorded {
  notifications: NotificationRecords
  badgeAndLinks: BadgeAndLinks
  tray: TrayRecord
  proxyConfigs: Electron.ProxyConfig[]
}

const snapshotMenu = (menu: Menu | null): unknown[] =>
  (menu?.items ?? []).map((item: MenuItem) => ({
    label: item.label,
    type: item.type,
    checked: item.checked,
    enabled: item.enabled,
    visible: item.visible,
    role: item.role ?? null,
  }))

const firstWindow = () => {
  const win = BrowserWindow.getAllWindows()[0]
  if (!win) throw new Error('The app has no window')
  return win
}

function snapshotTray(tray: TrayRecord): unknown {
  if (!tray.tray || tray.tray.isDestroyed()) return null
  return {
    tooltip: tray.tooltip,
    title: tray.title,
    image: { png: tray.png, width: tray.width, height: tray.height },
    menu: snapshotMenu(tray.menu),
  }
}

function snapshotWindows(): unknown[] {
  return BrowserWindow.getAllWindows().map((win) => ({
    id: win.id,
    url: win.webContents.getURL(),
    visible: win.isVisible(),
    focused: win.isFocused(),
    minimized: win.isMinimized(),
    maximized: win.isMaximized(),
    bounds: win.getBounds(),
  }))
}

function actOnWindow({ action, focused, bounds }: Record<string, unknown>): unknown {
  const win = firstWindow()
  if (action === 'focus') return focused ? win.focus() : win.blur()
  if (action === 'hide') return win.hide()
  if (action === 'minimize') return win.minimize()
  if (action === 'close') return win.close()
  if (action === 'maximize') return win.maximize()
  if (action === 'setBounds') return win.setBounds(bounds as Electron.Rectangle)
  throw new Error(`Unknown window action ${String(action)}`)
}

export function createControls({
  notifications,
  badgeAndLinks,
  tray,
  proxyConfigs,
}: Recorded): Record<string, Control> {
  return {
    'records.get': () => ({
      notifications: notifications.records.map((record) => ({ ...record })),
      badgeCount: badgeAndLinks.badgeCount,
      openedExternalUrls: [...badgeAndLinks.openedExternalUrls],
      proxyConfigs: proxyConfigs.map((config) => ({ ...config })),
      windowOpenRequests: [],
      navigationAttempts: [],
      tray: snapshotTray(tray),
      windows: snapshotWindows(),
    }),
    'notification.click': ({ index }) => {
      const record = notifications.records[index as number]
      const instance = notifications.instances[index as number]
      if (!record || !instance) throw new Error(`No notification #${String(index)}`)
      if (record.closed) throw new Error(`Notification #${String(index)} was closed or replaced`)
      record.clicked = true
      instance.emit('click', { preventDefault() {} })
    },
    'tray.clickMenuItem': ({ label }) => {
      const item = tray.menu?.items.find((entry) => entry.label === label)
      if (!item) throw new Error(`No tray menu item "${String(label)}"`)
      // Electron's MenuItem.click flips a checkbox itself, then calls the handler.
      const win = BrowserWindow.getFocusedWindow() ?? undefined
      item.click(
        { shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, triggeredByAccelerator: false } as never,
        win,
        win?.webContents,
      )
    },
    'tray.click': () => tray.tray?.emit('click'),
    'window.userAction': actOnWindow,
    'app.secondInstance': ({ argv, workingDirectory }) =>
      void app.emit('second-instance', { preventDefault() {} }, argv, workingDirectory, {}),
    'power.emit': ({ event }) => void powerMonitor.emit(event as string, { preventDefault() {} }),
    'net.setOnline': () => {
      throw new Error('setOnline is shim-only: real Electron reads the real network state')
    },
  }
}
