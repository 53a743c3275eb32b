/**
 * Test build only (imported by ./e2e-hooks.ts alone): the recorders that patch Electron's
 * Notification, badge, shell.openExternal, Tray and session.setProxy so the e2e harness can see what the OS was asked to
 * show. Each records and then calls Electron's own method, except openExternal, which only records.
 */
import { app, Notification, session, shell, Tray, type Menu } from 'electron'

/** One notification as the e2e harness reads it (tests/e2e/harness.ts); the shim records the same shape. */
export interface NotificationRecord {
  /** Position in the order shown, from 0: what the harness's `clickNotification(index)` takes. */
  index: number
  title: string
  body: string
  /** The Notification's `id` option: the app sets it to the conversation's tag. */
  tag: string | null
  silent: boolean
  /** Closed by the app (e.g. replaced by a newer one for the same conversation). */
  closed: boolean
  clicked: boolean
}

export interface NotificationRecords {
  records: NotificationRecord[]
  /** The Notification behind each record, by index: what a test's click acts on. */
  instances: Notification[]
}

export interface TrayRecord {
  /** The tray the shell made (the last one touched). */
  tray: Tray | null
  tooltip: string
  title: string
  png: Buffer
  width: number
  height: number
  menu: Menu | null
}

export interface BadgeAndLinks {
  badgeCount: number
  openedExternalUrls: string[]
}

export function recordNotifications(): NotificationRecords {
  const records: NotificationRecord[] = []
  const instances: Notification[] = []
  const recordOf = new WeakMap<Notification, NotificationRecord>()
  const showNotification = Notification.prototype.show
  Notification.prototype.show = function (this: Notification) {
    const previous = recordOf.get(this)
    if (previous) previous.closed = true
    const record: NotificationRecord = {
      index: records.length,
      title: this.title,
      body: this.body,
      tag: (this as unknown as { id?: string }).id ?? null,
      silent: this.silent,
      closed: false,
      clicked: false,
    }
    records.push(record)
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
  return { records, instances }
}

export function recordBadgeAndLinks(): BadgeAndLinks {
  const recorded: BadgeAndLinks = { badgeCount: 0, openedExternalUrls: [] }
  const setBadgeCount = app.setBadgeCount.bind(app)
  app.setBadgeCount = (count?: number) => {
    recorded.badgeCount = count ?? 0
    return setBadgeCount(count)
  }
  // Recorded, not opened: a test run must not start the user's browser.
  shell.openExternal = async (url) => {
    recorded.openedExternalUrls.push(url)
  }
  return recorded
}

/** Every session.setProxy config main set, in order; still applied (the proxy is real here). */
export function recordProxyConfigs(): Electron.ProxyConfig[] {
  const configs: Electron.ProxyConfig[] = []
  const setProxy = session.defaultSession.setProxy.bind(session.defaultSession)
  session.defaultSession.setProxy = (config) => {
    configs.push(config)
    return setProxy(config)
  }
  return configs
}

export function recordTray(): TrayRecord {
  const recorded: TrayRecord = {
    tray: null,
    tooltip: '',
    title: '',
    png: Buffer.alloc(0),
    width: 0,
    height: 0,
    menu: null,
  }
  const setImage = Tray.prototype.setImage
  Tray.prototype.setImage = function (this: Tray, image) {
    recorded.tray = this
    const native = typeof image === 'string' ? null : image
    recorded.png = native ? native.toPNG() : Buffer.alloc(0)
    Object.assign(recorded, native ? native.getSize() : { width: 0, height: 0 })
    return setImage.call(this, image)
  }
  const setToolTip = Tray.prototype.setToolTip
  Tray.prototype.setToolTip = function (this: Tray, tooltip) {
    recorded.tray = this
    recorded.tooltip = tooltip
    return setToolTip.call(this, tooltip)
  }
  const setContextMenu = Tray.prototype.setContextMenu
  Tray.prototype.setContextMenu = function (this: Tray, menu) {
    recorded.tray = this
    recorded.menu = menu
    return setContextMenu.call(this, menu)
  }
  return recorded
}
