/**
 * The key stores. The keychain tests use the real Secret Service
 * (gnome-keyring in the dbus session `npm test` starts); they are skipped,
 * saying why, only when there is no dbus session at all. The "no keychain"
 * path runs for real too: a child process whose D-Bus address points nowhere.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import {
  createKeychainStore,
  createSessionStore,
  explainKeychainFailure,
  KeychainError,
  probeKeychain,
  type KeytarModule,
} from './secrets'

const run = promisify(execFile)
const hasDbus = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS)
if (!hasDbus) console.warn('secrets.test.ts: real keychain tests skipped: no dbus session (npm test provides one)')

const uniqueService = () => `Inbox Desk test ${process.pid} ${Math.random().toString(36).slice(2)}`

describe.skipIf(!hasDbus)('keychain store (real gnome-keyring)', () => {
  it('keeps, reads back and deletes a key', async () => {
    const store = createKeychainStore({ service: uniqueService() })
    expect(store.kind).toBe('keychain')
    expect(await store.get('https://api.example.com')).toBeNull()
    await store.set('https://api.example.com', 'secret-key-1')
    expect(await store.get('https://api.example.com')).toBe('secret-key-1')
    await store.set('https://api.example.com', 'secret-key-2')
    expect(await store.get('https://api.example.com')).toBe('secret-key-2')
    expect(await store.delete('https://api.example.com')).toBe(true)
    expect(await store.get('https://api.example.com')).toBeNull()
    expect(await store.delete('https://api.example.com')).toBe(false)
  })

  it('keeps entries of different services and accounts apart', async () => {
    const a = createKeychainStore(uniqueService())
    const b = createKeychainStore({ service: uniqueService() })
    await a.set('acct', 'for-a')
    await a.set('other', 'for-a-other')
    expect(await b.get('acct')).toBeNull()
    expect(await a.get('other')).toBe('for-a-other')
    await a.delete('acct')
    await a.delete('other')
  })

  it('probe says available', async () => {
    expect(await probeKeychain(createKeychainStore({ service: uniqueService() }))).toEqual({ available: true })
  })
})

describe('no keychain', () => {
  it('a D-Bus address that points nowhere: unavailable, in plain words, no crash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inbox-desk-probe-'))
    try {
      const script = join(dir, 'probe.ts')
      writeFileSync(
        script,
        `import { probeKeychain, createKeychainStore } from ${JSON.stringify(resolve(__dirname, 'secrets.ts'))}\n` +
          `probeKeychain(createKeychainStore({ service: 'Inbox Desk probe test', timeoutMs: 8000 }))` +
          `.then((status) => process.stdout.write(JSON.stringify(status)))\n`,
      )
      const { stdout } = await run(resolve('node_modules/.bin/tsx'), [script], {
        env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(dir, 'no-such-bus')}`, DISPLAY: '' },
        timeout: 30_000,
      })
      const status = JSON.parse(stdout) as { available: boolean; reason?: string }
      expect(status.available).toBe(false)
      expect(status.reason).toMatch(/no Secret Service \(gnome-keyring or KWallet\) is running/i)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('keytar that fails to load: unavailable, and each call fails with a KeychainError', async () => {
    let loads = 0
    const store = createKeychainStore({
      loadKeytar: async (): Promise<KeytarModule> => {
        loads++
        throw new Error("Cannot find module '../build/Release/keytar.node'")
      },
    })
    const status = await probeKeychain(store)
    expect(status.available).toBe(false)
    expect(status.reason).toMatch(/keychain module could not be loaded.*install libsecret/)
    await expect(store.set('a', 'b')).rejects.toBeInstanceOf(KeychainError)
    // A failed load is tried again later (libsecret may have been installed meanwhile).
    expect(loads).toBeGreaterThan(1)
  })

  it('a keychain that never answers times out instead of hanging', async () => {
    const store = createKeychainStore({
      timeoutMs: 50,
      loadKeytar: async () => ({
        getPassword: () => new Promise<string | null>(() => undefined),
        setPassword: () => new Promise<void>(() => undefined),
        deletePassword: () => new Promise<boolean>(() => undefined),
      }),
    })
    const status = await probeKeychain(store)
    expect(status.available).toBe(false)
    expect(status.reason).toMatch(/did not answer/)
  })

  it('a keychain that keeps nothing is not trusted', async () => {
    const store = createKeychainStore({
      loadKeytar: async () => ({
        getPassword: async () => null,
        setPassword: async () => undefined,
        deletePassword: async () => false,
      }),
    })
    expect((await probeKeychain(store)).available).toBe(false)
  })

  it('explains the usual libsecret errors', () => {
    expect(
      explainKeychainFailure(new Error('The name org.freedesktop.secrets was not provided by any .service files')),
    ).toMatch(/no Secret Service/)
    expect(explainKeychainFailure(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY'))).toMatch(
      /no Secret Service/,
    )
    expect(explainKeychainFailure(new Error('Cannot create an item in a locked collection'))).toMatch(/locked/)
    expect(explainKeychainFailure('weird')).toMatch(/reported an error \(weird\)/)
  })
})

describe('session store', () => {
  it('keeps keys in memory only', async () => {
    const store = createSessionStore()
    expect(store.kind).toBe('session')
    await store.set('a', 'key-a')
    expect(await store.get('a')).toBe('key-a')
    expect(await createSessionStore().get('a')).toBeNull()
    expect(await store.delete('a')).toBe(true)
    expect(await store.get('a')).toBeNull()
  })
})
