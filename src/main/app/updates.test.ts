import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { BridgeResult } from '../../shared/ipc/contract'
import type { UpdateStatus } from '../../shared/update/status'
import { createSessionStore } from '../account'
import { createNodeAdapters } from '../testing/node-adapters'
import { createFakeProbe, createFakeUpdater } from '../update/testing/fakes'
import { createMainCore } from '.'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function build(withUpdater: boolean) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'inbox-desk-updates-'))
  dirs.push(userDataDir)
  const adapters = createNodeAdapters({ userDataDir, keychain: createSessionStore() })
  const updater = createFakeUpdater()
  if (withUpdater) {
    adapters.updates = {
      updater,
      probe: createFakeProbe(),
      facts: { isPackaged: true, platform: 'darwin', env: {}, execDir: '/Applications/Inbox Desk.app/Contents/MacOS' },
    }
  }
  return { core: createMainCore(adapters), adapters, updater }
}

const value = <T>(result: BridgeResult<unknown>): T => {
  if (!result.ok) throw new Error(`${result.error.kind}: ${result.error.message}`)
  return result.value as T
}

describe('updates over the bridge', () => {
  it('without an updater (Node adapters) the status says development', async () => {
    const { core } = build(false)
    await core.start()
    expect(value<UpdateStatus>(await core.invoke('getUpdateStatus', undefined))).toMatchObject({
      phase: 'disabled',
      disabledReason: 'development',
      currentVersion: '0.0.0-test',
      channel: 'latest',
    })
    await core.stop()
  })

  it('Check now → downloaded, pushed as updateStatus; Restart with an empty outbox installs', async () => {
    const { core, adapters, updater } = build(true)
    await core.start()
    updater.nextCheck = {
      events: [
        { type: 'available', version: '0.2.0' },
        { type: 'downloaded', version: '0.2.0' },
      ],
    }
    const checked = value<UpdateStatus>(await core.invoke('checkForUpdates', undefined))
    expect(checked).toMatchObject({ phase: 'downloaded', availableVersion: '0.2.0' })
    expect(checked.lastCheckedAt).not.toBeNull()
    const pushed = adapters.events
      .filter((e) => e.event === 'updateStatus')
      .map((e) => (e.payload as UpdateStatus).phase)
    expect(pushed).toEqual(expect.arrayContaining(['checking', 'downloading', 'downloaded']))
    expect(value(await core.invoke('restartToUpdate', undefined))).toEqual({ outcome: 'restarting' })
    expect(updater.quitAndInstallCalls).toBe(1)
    await core.stop()
  })

  it('an argument where none is expected is refused', async () => {
    const { core } = build(true)
    const result = await core.invoke('restartToUpdate', { now: true })
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid_argument' } })
    await core.stop()
  })
})
