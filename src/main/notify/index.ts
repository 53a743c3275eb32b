// The notify service's public face: other folders import it from here, never from its files.
export { createNotifier, type Notifier } from './notifier'
export { renderOverlayIcon, renderTrayIcon, trayTooltip } from './tray-icon'
export { computeUnreadTotal, createUnreadTotalPublisher } from './unread'
