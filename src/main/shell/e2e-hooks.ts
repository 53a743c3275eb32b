/**
 * Test-only hooks, compiled into the test build only (`npm run build:e2e`)
 * and loaded there only when INBOX_DESK_E2E=1 and INBOX_DESK_E2E_HOOKS=1 in an
 * unpackaged app (./launch-overrides.ts; Mattermost's src/main/e2e idea). On real Electron the harness (tests/e2e/harness.ts)
 * reaches them through `electronApp.evaluate` as `globalThis.__inboxDeskE2E`,
 * to see what the OS shows (notifications, tray, badge, external URLs) and to
 * act as the user would (click a notification or tray item, focus, hide).
 * The method names and records match the electron shim's, so the same specs
 * run on both.
 */
import { app, BrowserWindow, Notification, powerMonitor, shell, Tray, type Menu, type MenuItem } from 'electron'

interface NotificationRecord {
  index: number
  title: string
  body: string
  tag: string | null
  silent: boolean
  closed: boolean
  clicked: boolean
}

type Control = (params: Record<string, unknown>) => unknown

/** Installs the recorders. Call before the shell creates its tray or shows anything. */
export function installE2eHooks(): void {
  const notifications: NotificationRecord[] = []
  const instances: Notification[] = []
  const recordOf = new WeakMap<Notification, NotificationRecord>()
  const openedExternalUrls: string[] = []
  let badgeCount = 0
  // The tray the shell made (the last one touched): an object holder, so the patched methods can set it.
  const current: { tray: Tray | null } = { tray: null }
  const trayState = {
    tooltip: '',
    title: '',
    png: Buffer.alloc(0) as Buffer,
    width: 0,
    height: 0,
    menu: null as Menu | null,
  }

  const showNotification = Notification.prototype.show
  Notification.prototype.show = function (this: Notification) {
    const previous = recordOf.get(this)
    if (previous) previous.closed = true
    const record: NotificationRecord = {
      index: notifications.length,
      title: this.title,
      body: this.body,
      tag: (this as unknown as { id?: string }).id ?? null,
      silent: this.silent,
      closed: false,
      clicked: false,
    }
    notifications.push(record)
    instances.push(this)
    recordOf.set(this, record)
    return showNotification.call(this)
  }
  const closeNotification = Notification.prototype.close
  Notification.prototype.close = function (this: Notification) {
    const record = recordOf.get(this)
    if (record) record.closed = true
    return closeNotification.call(this)
  }
  const setBadgeCount = app.setBadgeCount.bind(app)
  app.setBadgeCount = (count?: number) => {
    badgeCount = count ?? 0
    return setBadgeCount(count)
  }
  // Recorded, not opened: a test run must not start the user's browser.
  shell.openExternal = async (url) => {
    openedExternalUrls.push(url)
  }
  const setImage = Tray.prototype.setImage
  Tray.prototype.setImage = function (this: Tray, image) {
    current.tray = this
    const native = typeof image === 'string' ? null : image
    trayState.png = native ? native.toPNG() : Buffer.alloc(0)
    Object.assign(trayState, native ? native.getSize() : { width: 0, height: 0 })
    return setImage.call(this, image)
  }
  const setToolTip = Tray.prototype.setToolTip
  Tray.prototype.setToolTip = function (this: Tray, tooltip) {
    current.tray = this
    trayState.tooltip = tooltip
    return setToolTip.call(this, tooltip)
  }
  const setContextMenu = Tray.prototype.setContextMenu
  Tray.prototype.setContextMenu = function (this: Tray, menu) {
    current.tray = this
    trayState.menu = menu
    return setContextMenu.call(this, menu)
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

  const controls: Record<string, Control> = {
    'records.get': () => ({
      notifications: notifications.map((record) => ({ ...record })),
      badgeCount,
      openedExternalUrls: [...openedExternalUrls],
      windowOpenRequests: [],
      navigationAttempts: [],
      tray:
        current.tray && !current.tray.isDestroyed()
          ? {
              tooltip: trayState.tooltip,
              title: trayState.title,
              image: { png: trayState.png, width: trayState.width, height: trayState.height },
              menu: snapshotMenu(trayState.menu),
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
    }),
    'notification.click': ({ index }) => {
      const record = notifications[index as number]
      const instance = instances[index as number]
      if (!record || !instance) throw new Error(`No notification #${String(index)}`)
      if (record.closed) throw new Error(`Notification #${String(index)} was closed or replaced`)
      record.clicked = true
      instance.emit('click', { preventDefault() {} })
    },
    'tray.clickMenuItem': ({ label }) => {
      const item = trayState.menu?.items.find((entry) => entry.label === label)
      if (!item) throw new Error(`No tray menu item "${String(label)}"`)
      // Electron's MenuItem.click flips a checkbox itself, then calls the handler.
      const win = BrowserWindow.getFocusedWindow() ?? undefined
      item.click(
        { shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, triggeredByAccelerator: false } as never,
        win,
        win?.webContents,
      )
    },
    'tray.click': () => current.tray?.emit('click'),
    'window.userAction': ({ action, focused, bounds }) => {
      const win = firstWindow()
      if (action === 'focus') return focused ? win.focus() : win.blur()
      if (action === 'hide') return win.hide()
      if (action === 'minimize') return win.minimize()
      if (action === 'close') return win.close()
      if (action === 'maximize') return win.maximize()
      if (action === 'setBounds') return win.setBounds(bounds as Electron.Rectangle)
      throw new Error(`Unknown window action ${String(action)}`)
    },
    'app.secondInstance': ({ argv, workingDirectory }) =>
      void app.emit('second-instance', { preventDefault() {} }, argv, workingDirectory, {}),
    'power.emit': ({ event }) => void powerMonitor.emit(event as string, { preventDefault() {} }),
    'net.setOnline': () => {
      throw new Error('setOnline is shim-only: real Electron reads the real network state')
    },
  }

  ;(globalThis as { __inboxDeskE2E?: unknown }).__inboxDeskE2E = {
    control(method: string, params: Record<string, unknown>) {
      const control = controls[method]
      if (!control) throw new Error(`No e2e control ${method}`)
      return control(params)
    },
  }
}
