/**
 * Settings → Network applied to Electron: the default session (where net.fetch and the window's requests
 * go) takes the ProxyConfig the core computed (src/main/network/proxy-config.ts). Open connections are
 * closed, so a request after the change does not ride a socket opened through the old route.
 */
import { session } from 'electron'
import type { ProxyConfig } from '../ports/shell-adapters'

export async function applyProxyToSession(config: ProxyConfig): Promise<void> {
  await session.defaultSession.setProxy(config)
  await session.defaultSession.closeAllConnections()
}
