/**
 * Hands the proxy setting to the shell when it changes (and once at start): the same route twice is not
 * set again, so saving another setting does not close the app's connections. A failure is logged; the
 * previous route stays, and the next change tries again.
 */
import type { ProxySettings } from '../../shared/network/proxy'
import type { Logger } from '../ports/logger'
import type { ShellAdapters } from '../ports/shell-adapters'
import { describeProxyConfig, toElectronProxyConfig } from './proxy-config'

export function createProxyApplier(
  adapters: Pick<ShellAdapters, 'applyProxy'>,
  current: () => ProxySettings,
  log: Logger,
): () => Promise<void> {
  let applied: string | null = null
  return async () => {
    if (!adapters.applyProxy) return
    const config = toElectronProxyConfig(current())
    const key = JSON.stringify(config)
    if (key === applied) return
    applied = key
    try {
      await adapters.applyProxy(config)
      log.info(`Requests now use ${describeProxyConfig(config)}.`)
    } catch (error) {
      applied = null
      log.error(`Could not switch to ${describeProxyConfig(config)}.`, error)
    }
  }
}
