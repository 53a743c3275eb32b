/**
 * The demo workspace: the bundled sandbox, started inside the main process on
 * a free loopback port, with simulated traffic so the inbox moves on its own.
 */
import type { DemoSandbox } from './account-state'
import type { Logger } from '../ports/logger'

export const DEMO_ACCOUNT_NAME = 'Acme Support'

export async function startDemoSandbox(log?: Logger): Promise<DemoSandbox> {
  // Loaded on demand: most sessions never start the demo.
  const { startSandbox } = await import('../../sandbox/index')
  const sandbox = await startSandbox({
    port: 0,
    trafficPerMinute: 4,
    deliveryMs: 1500,
    // Per-request lines would fill the log with the demo's polling; keep the rest.
    log: log
      ? (line) => {
          if (!/^(GET|POST|PATCH|PUT|DELETE) \//.test(line)) log.debug(line)
        }
      : undefined,
  })
  const account = sandbox.accounts.find((candidate) => candidate.name === DEMO_ACCOUNT_NAME) ?? sandbox.accounts[0]
  if (!account) {
    await sandbox.close()
    throw new Error('The demo sandbox started without any account.')
  }
  return { url: sandbox.url, apiKey: account.apiKey, close: () => sandbox.close() }
}
