/**
 * What the core hears about the machine: sleep and wake (powerMonitor), and whether it is online.
 * Electron has no online/offline event in main, so Chromium's view is asked every few seconds.
 */
import { net, powerMonitor } from 'electron'
import type { MainCoreInternals } from '../app'
import type { Logger } from '../ports/logger'

const ONLINE_CHECK_MS = 5_000

export function watchPowerAndNetwork(core: Pick<MainCoreInternals, 'setSystemAwake' | 'setOnline'>, log: Logger): void {
  powerMonitor.on('suspend', () => core.setSystemAwake(false))
  powerMonitor.on('resume', () => core.setSystemAwake(true))
  let online = net.isOnline()
  core.setOnline(online)
  setInterval(() => {
    const now = net.isOnline()
    if (now === online) return
    online = now
    log.info(now ? 'The network is back.' : 'The network is gone.')
    core.setOnline(now)
  }, ONLINE_CHECK_MS).unref()
}
