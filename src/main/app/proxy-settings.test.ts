/**
 * Settings → Network through the core, as the shell drives it: the route is handed to the shell
 * (ShellAdapters.applyProxy, session.setProxy in the app) at start before the saved account is restored,
 * again when the agent changes it and not when another setting changes; a bad manual proxy is refused
 * at the bridge with the field's sentence, and the saved choice is there after a restart.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { BridgeResult } from '../../shared/ipc/contract'
import { proxyProblemMessages } from '../../shared/network/proxy'
import { createKeychainStore } from '../account/secrets'
import type { ProxyConfig } from '../ports/shell-adapters'
import { createNodeAdapters } from '../testing/node-adapters'
import { createMainCore } from '.'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function start(userDataDir = mkdtempSync(join(tmpdir(), 'inbox-desk-proxy-'))) {
  if (!dirs.includes(userDataDir)) dirs.push(userDataDir)
  const calls: ProxyConfig[] = []
  const keychain = createKeychainStore({ loadKeytar: async () => Promise.reject(new Error('no keychain here')) })
  const adapters = {
    ...createNodeAdapters({ userDataDir, keychain }),
    applyProxy: async (config: ProxyConfig) => void calls.push(config),
  }
  const core = createMainCore(adapters)
  return { core, calls, userDataDir }
}

const failure = async (result: Promise<BridgeResult<unknown>>) => {
  const settled = await result
  if (settled.ok) throw new Error('expected a failure')
  return settled.error
}

describe('the proxy setting in the core', () => {
  it('applies the route at start, on a change of route only, and again after a restart', async () => {
    const first = start()
    await first.core.start()
    expect(first.calls).toEqual([{ mode: 'system' }])

    const manual = { mode: 'manual', url: 'http://proxy.corp:3128', bypass: '*.corp' } as const
    expect((await first.core.invoke('updateSettings', { proxy: manual })).ok).toBe(true)
    await first.core.invoke('updateSettings', { theme: 'dark' })
    await expect.poll(() => first.calls).toHaveLength(2)
    expect(first.calls[1]).toEqual({
      mode: 'fixed_servers',
      proxyRules: 'http://proxy.corp:3128',
      proxyBypassRules: '*.corp',
    })
    await first.core.stop()

    const again = start(first.userDataDir)
    await again.core.start()
    expect(again.calls).toEqual([first.calls[1]])
    await again.core.stop()
  })

  it('refuses a bad manual proxy at the bridge with the sentence for it, and changes nothing', async () => {
    const { core, calls } = start()
    await core.start()
    const refused = await failure(
      core.invoke('updateSettings', { proxy: { mode: 'manual', url: 'http://me:secret@proxy:3128', bypass: '' } }),
    )
    expect(refused.kind).toBe('invalid_argument')
    expect(refused.message).toContain(proxyProblemMessages.credentials)
    expect(refused.message).not.toContain('secret')
    expect(calls).toEqual([{ mode: 'system' }])
    await core.stop()
  })
})
