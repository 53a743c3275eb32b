/**
 * The main core built with real Node adapters (Node fetch, conf stores in a
 * temporary userData folder, the real keychain through gnome-keyring, recorded
 * events) against the real sandbox.
 *
 * The keychain needs a Secret Service: `npm test` runs everything inside a
 * dbus session with an unlocked gnome-keyring. Without a dbus session the
 * keychain tests are skipped (they say why); the rest still runs.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { SANDBOX_ACCOUNTS, startSandbox, type RunningSandbox } from '../../sandbox'
import { invokeChannels, type InvokeChannel } from '../../shared/ipc/channels'
import type { AppState, BridgeResult } from '../../shared/ipc/contract'
import { createKeychainStore, type KeytarModule } from '../account/secrets'
import type { SecretStore } from '../ports/secret-store'
import type { AccountSession } from '../ports/inbox-engine'
import { createMainCore, type MainCoreInternals } from '.'
import { createPassThroughInboxEngine } from './pass-through-inbox-engine'
import type { InboxEngineDeps } from './inbox-engine-deps'
import { createNodeAdapters, type NodeAdapters } from '../testing/node-adapters'

const KEY = SANDBOX_ACCOUNTS.acme.apiKey
const hasDbus = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS)
const KEYCHAIN_SKIP_REASON = 'no dbus session (run under `npm test`, which starts gnome-keyring in one)'
if (!hasDbus) console.warn(`main-core.test.ts: keychain tests skipped: ${KEYCHAIN_SKIP_REASON}`)

let sandbox: RunningSandbox
const cleanups: (() => Promise<void> | void)[] = []

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 'demo' })
})
afterAll(async () => {
  await sandbox.close()
})
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

interface Harness {
  core: MainCoreInternals
  adapters: NodeAdapters
  userDataDir: string
  keychain: SecretStore
  service: string
}

/** A core over a fresh userData folder and its own keychain service name. */
function build(options: { keychain?: SecretStore; userDataDir?: string; service?: string } = {}): Harness {
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'inbox-desk-core-'))
  const service = options.service ?? `Inbox Desk test ${process.pid} ${Math.random().toString(36).slice(2)}`
  const keychain = options.keychain ?? createKeychainStore({ service })
  const adapters = createNodeAdapters({ userDataDir, keychain })
  const core = createMainCore(adapters, { verifyTimeoutMs: 3000 })
  cleanups.push(async () => {
    await core.stop()
    if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true })
  })
  return { core, adapters, userDataDir, keychain, service }
}

async function ok<T>(result: Promise<BridgeResult<unknown>>): Promise<T> {
  const settled = await result
  if (!settled.ok) throw new Error(`expected ok, got ${settled.error.kind}: ${settled.error.message}`)
  return settled.value as T
}

async function error(result: Promise<BridgeResult<unknown>>) {
  const settled = await result
  if (settled.ok) throw new Error(`expected an error, got ${JSON.stringify(settled.value).slice(0, 200)}`)
  return settled.error
}

/** Everything the renderer could ever see from this core, plus what is on disk. */
function everythingVisible(harness: Harness, responses: unknown[]): string {
  const files = readdirSync(harness.userDataDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => readFileSync(join(harness.userDataDir, name), 'utf8'))
  return JSON.stringify({
    responses,
    events: harness.adapters.events,
    logs: harness.adapters.logLines,
    files,
  })
}

describe.skipIf(!hasDbus)('account with the real keychain', () => {
  it('connects with a good key: key in the keychain, not in the settings file, nowhere on the bridge', async () => {
    const harness = build()
    const { core, adapters, keychain } = harness
    const responses: unknown[] = []
    const connected = await core.invoke('connectAccount', { baseUrl: `${sandbox.url}/`, apiKey: KEY })
    responses.push(connected)
    expect(connected).toEqual({ ok: true, value: { kind: 'remote', baseUrl: sandbox.url, keyStorage: 'keychain' } })

    expect(await keychain.get(sandbox.url)).toBe(KEY)
    const settingsFile = readFileSync(join(harness.userDataDir, 'settings.json'), 'utf8')
    expect(JSON.parse(settingsFile).account).toEqual({ kind: 'remote', baseUrl: sandbox.url, keyStorage: 'keychain' })

    const state = await ok<AppState>(core.invoke('getAppState', undefined))
    responses.push(state)
    expect(state.account?.baseUrl).toBe(sandbox.url)
    expect(state.keychain.available).toBe(true)
    expect(adapters.events.some((e) => e.event === 'appStateChanged')).toBe(true)

    // The inbox now works through the bridge.
    const conversations = await ok<{ id: string }[]>(core.invoke('listConversations', { orderBy: '+lastMessageDate' }))
    responses.push(conversations)
    expect(conversations.length).toBeGreaterThan(0)
    responses.push(await core.invoke('listUsers', undefined))
    responses.push(await core.invoke('getMessages', { chatId: conversations[0]!.id }))
    responses.push(await core.invoke('markRead', { chatId: conversations[0]!.id }))
    responses.push(await core.invoke('getMessages', { chatId: 'no-such-chat' }))

    expect(everythingVisible(harness, responses)).not.toContain(KEY)
  })

  it('a saved account comes back after a restart, with the key from the keychain', async () => {
    const first = build()
    await ok(first.core.invoke('connectAccount', { baseUrl: sandbox.url, apiKey: KEY }))
    await first.core.stop()

    const second = build({ userDataDir: first.userDataDir, service: first.service })
    await second.core.start()
    const state = await ok<AppState>(second.core.invoke('getAppState', undefined))
    expect(state.account).toEqual({ kind: 'remote', baseUrl: sandbox.url, keyStorage: 'keychain' })
    expect(state.accountProblem).toBeNull()
    expect(await ok<unknown[]>(second.core.invoke('listUsers', undefined))).not.toHaveLength(0)
  })

  it('a wrong key is refused, and nothing is saved', async () => {
    const harness = build()
    const refused = await error(
      harness.core.invoke('connectAccount', { baseUrl: sandbox.url, apiKey: 'wrong-key-123' }),
    )
    expect(refused.kind).toBe('unauthorized')
    expect(refused.message).toContain(`The key was refused by ${new URL(sandbox.url).host}`)
    expect(refused.message).not.toContain('wrong-key-123')
    expect(await harness.keychain.get(sandbox.url)).toBeNull()
    const state = await ok<AppState>(harness.core.invoke('getAppState', undefined))
    expect(state.account).toBeNull()
    expect(JSON.parse(readFileSync(join(harness.userDataDir, 'settings.json'), 'utf8')).account).toBeNull()
  })

  it('removeAccount deletes the key from the keychain and clears the settings', async () => {
    const harness = build()
    await ok(harness.core.invoke('connectAccount', { baseUrl: sandbox.url, apiKey: KEY }))
    expect(await harness.keychain.get(sandbox.url)).toBe(KEY)
    harness.adapters.events.length = 0

    expect(await harness.core.invoke('removeAccount', undefined)).toEqual({ ok: true, value: null })
    expect(await harness.keychain.get(sandbox.url)).toBeNull()
    const state = await ok<AppState>(harness.core.invoke('getAppState', undefined))
    expect(state.account).toBeNull()
    expect(harness.adapters.events.at(-1)).toMatchObject({ event: 'appStateChanged', payload: { account: null } })
    const noAccount = await error(harness.core.invoke('listConversations', {}))
    expect(noAccount.kind).toBe('no_account')
  })

  it('replacing the account deletes the previous key', async () => {
    const harness = build()
    await ok(harness.core.invoke('connectAccount', { baseUrl: sandbox.url, apiKey: KEY }))
    const sameServerOtherPath = `${sandbox.url}/`
    // Same normalised URL: the entry is reused and holds the new key.
    await ok(
      harness.core.invoke('connectAccount', { baseUrl: sameServerOtherPath, apiKey: SANDBOX_ACCOUNTS.globex.apiKey }),
    )
    expect(await harness.keychain.get(sandbox.url)).toBe(SANDBOX_ACCOUNTS.globex.apiKey)
    await ok(harness.core.invoke('startDemo', undefined))
    expect(await harness.keychain.get(sandbox.url)).toBeNull()
  })
})

describe('account without a usable keychain', () => {
  const brokenKeychain = () =>
    createKeychainStore({
      service: 'never-used',
      loadKeytar: async (): Promise<KeytarModule> => {
        throw new Error("Cannot find module 'keytar'")
      },
    })

  it('keychain requested but unavailable → keychain_unavailable, then session-only works', async () => {
    const harness = build({ keychain: brokenKeychain() })
    const state = await ok<AppState>(harness.core.invoke('getAppState', undefined))
    expect(state.keychain.available).toBe(false)
    expect(state.keychain.reason).toMatch(/keychain module could not be loaded/)

    const refused = await error(
      harness.core.invoke('connectAccount', { baseUrl: sandbox.url, apiKey: KEY, keyStorage: 'keychain' }),
    )
    expect(refused.kind).toBe('keychain_unavailable')
    expect(refused.message).toMatch(/session only/)
    expect((await ok<AppState>(harness.core.invoke('getAppState', undefined))).account).toBeNull()

    const connected = await ok<{ keyStorage: string }>(
      harness.core.invoke('connectAccount', { baseUrl: sandbox.url, apiKey: KEY, keyStorage: 'session' }),
    )
    expect(connected.keyStorage).toBe('session')
    expect(await ok<unknown[]>(harness.core.invoke('listUsers', undefined))).not.toHaveLength(0)
    expect(readFileSync(join(harness.userDataDir, 'settings.json'), 'utf8')).not.toContain(KEY)

    // After a restart a session-only key is gone: the account asks for it again.
    await harness.core.stop()
    const restarted = build({ keychain: brokenKeychain(), userDataDir: harness.userDataDir })
    await restarted.core.start()
    const after = await ok<AppState>(restarted.core.invoke('getAppState', undefined))
    expect(after.account?.keyStorage).toBe('session')
    expect(after.accountProblem?.kind).toBe('unauthorized')
    expect(after.accountProblem?.message).toMatch(/last session only/)
  })

  it('an unreachable address → network, naming the host', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const harness = build({ keychain: brokenKeychain() })
    const failed = await error(
      harness.core.invoke('connectAccount', {
        baseUrl: `http://127.0.0.1:${port}`,
        apiKey: KEY,
        keyStorage: 'session',
      }),
    )
    expect(failed.kind).toBe('network')
    expect(failed.message).toBe(
      `Could not reach 127.0.0.1:${port}: the connection was refused (are the address and port right, and is the server running?). Check the address and your connection.`,
    )
  })

  it('a server that is not an Inbox API, and a server that does not answer, each get their own message', async () => {
    let hang = false
    const server: Server = createServer((_req, res) => {
      if (hang) return // never answers
      res.writeHead(404, { 'content-type': 'text/html' })
      res.end('<h1>Not Found</h1>')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections()
          server.close(() => resolve())
        }),
    )
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const harness = build({ keychain: brokenKeychain() })
    const notAnApi = await error(
      harness.core.invoke('connectAccount', { baseUrl: url, apiKey: KEY, keyStorage: 'session' }),
    )
    expect(notAnApi.kind).toBe('invalid_response')
    expect(notAnApi.message).toMatch(/not like an Inbox API/)

    hang = true
    const slow = await error(
      harness.core.invoke('connectAccount', { baseUrl: url, apiKey: KEY, keyStorage: 'session' }),
    )
    expect(slow.kind).toBe('timeout')
    expect(slow.message).toMatch(/did not answer in time/)
  })

  it('rejects addresses that are not http(s), with a clear message', async () => {
    const harness = build({ keychain: brokenKeychain() })
    const ftp = await error(harness.core.invoke('connectAccount', { baseUrl: 'ftp://example.com', apiKey: KEY }))
    expect(ftp).toMatchObject({ kind: 'invalid_argument' })
    expect(ftp.message).toMatch(/must start with https:\/\//)
    const junk = await error(harness.core.invoke('connectAccount', { baseUrl: 'http://exa mple', apiKey: KEY }))
    expect(junk.message).toMatch(/is not a web address/)
    const badKey = await error(
      harness.core.invoke('connectAccount', { baseUrl: sandbox.url, apiKey: 'abc def\nghi', keyStorage: 'session' }),
    )
    expect(badKey).toMatchObject({ kind: 'invalid_argument' })
    expect(badKey.message).toMatch(/API key contains spaces/)
    expect(badKey.message).not.toContain('abc def')
    const withCredentials = await error(
      harness.core.invoke('connectAccount', { baseUrl: 'https://me:secret@example.com', apiKey: KEY }),
    )
    expect(withCredentials.message).toMatch(/user name or password/)
  })
})

describe('demo workspace', () => {
  it('startDemo runs the sandbox in process and connects as Acme Support; remove stops it', async () => {
    const harness = build({
      keychain: createKeychainStore({ loadKeytar: async () => Promise.reject(new Error('unused')) }),
    })
    const demo = await ok<{ kind: string; baseUrl: string; keyStorage: string }>(
      harness.core.invoke('startDemo', undefined),
    )
    expect(demo.kind).toBe('demo')
    const users = await ok<{ displayName: string }[]>(harness.core.invoke('listUsers', undefined))
    const acmeUsers = await fetch(`${sandbox.url}/conversations/assignable-users`, { headers: { 'X-API-Key': KEY } })
    expect(users.map((u) => u.displayName)).toEqual(
      ((await acmeUsers.json()) as { data: { displayName: string }[] }).data.map((u) => u.displayName),
    )
    expect(everythingVisible(harness, [demo, users])).not.toContain(KEY)

    await ok(harness.core.invoke('removeAccount', undefined))
    await expect(fetch(`${demo.baseUrl}/conversations`)).rejects.toThrow()
  })

  it('a saved demo account restarts the sandbox at start', async () => {
    const first = build({
      keychain: createKeychainStore({ loadKeytar: async () => Promise.reject(new Error('unused')) }),
    })
    const before = await ok<{ baseUrl: string }>(first.core.invoke('startDemo', undefined))
    await first.core.stop()
    await expect(fetch(`${before.baseUrl}/conversations`)).rejects.toThrow()

    const second = build({
      userDataDir: first.userDataDir,
      keychain: createKeychainStore({ loadKeytar: async () => Promise.reject(new Error('unused')) }),
    })
    await second.core.start()
    const state = await ok<AppState>(second.core.invoke('getAppState', undefined))
    expect(state.account?.kind).toBe('demo')
    expect(await ok<unknown[]>(second.core.invoke('listConversations', {}))).not.toHaveLength(0)
  })
})

describe('bridge arguments', () => {
  const core = () =>
    build({ keychain: createKeychainStore({ loadKeytar: async () => Promise.reject(new Error('x')) }) }).core

  it('rejects invalid arguments with a sentence naming the field', async () => {
    const c = core()
    const cases: [string, unknown, RegExp][] = [
      ['markRead', { chatId: 42 }, /field “chatId” of markRead is invalid/],
      ['markRead', {}, /markRead needs the field “chatId”/],
      ['markRead', 'c1', /markRead needs an object/],
      ['archive', { chatId: 'c1', force: true }, /archive does not accept the field “force”/],
      [
        'sendReply',
        { chatId: 'c1', clientId: 'client-0001', text: '   ' },
        /“text” of sendReply is invalid: The reply is empty/,
      ],
      [
        'sendReply',
        { chatId: 'c1', clientId: 'client-0001', text: 'Your order {{?Order number}} ships today' },
        /“text” of sendReply is invalid: The reply still has a field to fill in/,
      ],
      ['getMessages', { chatId: 'c1', idFrom: 0 }, /“idFrom” of getMessages is invalid/],
      ['listUsers', { everything: true }, /listUsers takes no argument/],
      ['connectAccount', { baseUrl: '', apiKey: KEY }, /Enter the API address/],
      ['updateSettings', { theme: 'purple' }, /“theme” of updateSettings is invalid/],
      ['listConversations', { orderBy: '-color' }, /“orderBy” of listConversations is invalid/],
      ['noSuchChannel', undefined, /no bridge call named “noSuchChannel”/],
    ]
    for (const [channel, arg, pattern] of cases) {
      const result = await c.invoke(channel, arg)
      expect(result.ok, `${channel} ${JSON.stringify(arg)}`).toBe(false)
      if (!result.ok) {
        expect(result.error.kind).toBe('invalid_argument')
        expect(result.error.message).toMatch(pattern)
      }
    }
  })

  it('openExternal opens only https, http, mailto and tel links', async () => {
    const harness = build({ keychain: createKeychainStore({ loadKeytar: async () => Promise.reject(new Error('x')) }) })
    for (const url of [
      'https://example.com/a?b=1',
      'http://example.com',
      'mailto:help@example.com',
      'tel:+4930123456',
    ]) {
      expect(await harness.core.invoke('openExternal', { url })).toEqual({ ok: true, value: null })
    }
    expect(harness.adapters.openedUrls).toHaveLength(4)
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'smb://share/x', 'not a url']) {
      const refused = await error(harness.core.invoke('openExternal', { url }))
      expect(refused.kind).toBe('invalid_argument')
      expect(refused.message).toMatch(/not opened/)
    }
    expect(harness.adapters.openedUrls).toHaveLength(4)
  })

  it('inbox calls without an account say so', async () => {
    const refused = await error(core().invoke('listConversations', {}))
    expect(refused.kind).toBe('no_account')
    expect(refused.message).toMatch(/No account is connected/)
  })

  it('reply calls without an account say so (the live engine answers them)', async () => {
    const refused = await error(core().invoke('listOutbox', undefined))
    expect(refused.kind).toBe('no_account')
    expect(refused.message).toMatch(/No account is connected/)
  })
})

describe('settings and drafts', () => {
  const brokenKeychain = () => createKeychainStore({ loadKeytar: async () => Promise.reject(new Error('x')) })

  it('updateSettings deep-merges notifications, persists, and emits appStateChanged', async () => {
    const harness = build({ keychain: brokenKeychain() })
    const updated = await ok<AppState['settings']>(
      harness.core.invoke('updateSettings', { theme: 'dark', notifications: { sound: false } }),
    )
    expect(updated.theme).toBe('dark')
    expect(updated.notifications.sound).toBe(false)
    expect(updated.notifications.inboundMine).toBe(true)
    await expect.poll(() => harness.adapters.events.some((e) => e.event === 'appStateChanged')).toBe(true)

    harness.core.setDoNotDisturb(true)
    expect(harness.core.isDoNotDisturb()).toBe(true)
    expect(harness.adapters.doNotDisturb.at(-1)).toBe(true)

    const reopened = build({ keychain: brokenKeychain(), userDataDir: harness.userDataDir })
    const state = await ok<AppState>(reopened.core.invoke('getAppState', undefined))
    expect(state.settings.theme).toBe('dark')
    expect(state.settings.notifications.doNotDisturb).toBe(true)
    expect(state.settings.cannedReplies.map((r) => r.shortcut)).toContain('refund')
  })

  it('drafts are the account’s (kept in its database: live-drafts.test.ts); without an account they say so', async () => {
    const harness = build({ keychain: brokenKeychain() })
    expect((await error(harness.core.invoke('setDraft', { chatId: 'c.1', text: 'Half a thought' }))).kind).toBe(
      'no_account',
    )
    expect((await error(harness.core.invoke('getDrafts', undefined))).kind).toBe('no_account')
    expect(readdirSync(harness.userDataDir).filter((name) => name.startsWith('drafts'))).toEqual([])
  })

  it('a corrupt settings file is set aside and replaced by defaults, with a log line', async () => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'inbox-desk-core-'))
    cleanups.push(() => rmSync(userDataDir, { recursive: true, force: true }))
    writeFileSync(join(userDataDir, 'settings.json'), '{"renderer": {"theme": "dark", ')
    const harness = build({ keychain: brokenKeychain(), userDataDir })
    const state = await ok<AppState>(harness.core.invoke('getAppState', undefined))
    expect(state.settings.theme).toBe('system')
    expect(readdirSync(userDataDir).some((name) => name.startsWith('settings.corrupt-'))).toBe(true)
    expect(
      harness.adapters.logLines.some((l) => l.level === 'warn' && /settings\.json was not valid JSON/.test(l.line)),
    ).toBe(true)
  })

  it('window bounds and close-to-tray come from settings', async () => {
    const harness = build({ keychain: brokenKeychain() })
    expect(harness.core.getWindowBounds()).toBeNull()
    expect(harness.core.shouldCloseToTray()).toBe(true)
    harness.core.saveWindowBounds({ x: 10, y: 20, width: 1000, height: 700, maximized: false })
    const reopened = build({ keychain: brokenKeychain(), userDataDir: harness.userDataDir })
    expect(reopened.core.getWindowBounds()).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: false })
  })

  it('a notification click asks the renderer to open that conversation', () => {
    const harness = build({ keychain: brokenKeychain() })
    harness.core.notificationClicked('c42')
    expect(harness.adapters.events.at(-1)).toEqual({ event: 'openConversation', payload: { chatId: 'c42' } })
  })
})

describe('demo workspace that cannot start', () => {
  it('says so, and leaves the current state alone', async () => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'inbox-desk-core-'))
    cleanups.push(() => rmSync(userDataDir, { recursive: true, force: true }))
    const adapters = createNodeAdapters({
      userDataDir,
      keychain: createKeychainStore({ loadKeytar: async () => Promise.reject(new Error('x')) }),
    })
    const core = createMainCore(adapters, {
      startDemoSandbox: async () => {
        throw new Error('listen EADDRINUSE')
      },
    })
    const failed = await error(core.invoke('startDemo', undefined))
    expect(failed).toMatchObject({ kind: 'internal', detail: 'listen EADDRINUSE' })
    expect(failed.message).toMatch(/demo workspace could not start/)
    expect((await ok<AppState>(core.invoke('getAppState', undefined))).account).toBeNull()
  })
})

describe('the inbox engine seam', () => {
  it('hands the engine each session (with an account id that is not the key) and takes its account problems', async () => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'inbox-desk-core-'))
    cleanups.push(() => rmSync(userDataDir, { recursive: true, force: true }))
    const adapters = createNodeAdapters({
      userDataDir,
      keychain: createKeychainStore({ loadKeytar: async () => Promise.reject(new Error('x')) }),
    })
    const sessions: (AccountSession | null)[] = []
    let engineDeps: InboxEngineDeps | null = null
    const core = createMainCore(adapters, {
      createInboxEngine: (deps) => {
        engineDeps = deps
        return {
          ...createPassThroughInboxEngine(deps),
          accountChanged: async (session) => void sessions.push(session),
        }
      },
    })
    cleanups.push(() => core.stop())
    await ok(core.invoke('connectAccount', { baseUrl: sandbox.url, apiKey: KEY, keyStorage: 'session' }))
    expect(sessions).toHaveLength(1)
    expect(sessions[0]?.accountId).toMatch(new RegExp(`^${sandbox.url.replace(/[.]/g, '\\.')}#[0-9a-f]{16}$`))
    expect(sessions[0]?.accountId).not.toContain(KEY)
    expect((await sessions[0]!.client.listAssignableUsers()).length).toBeGreaterThan(0)

    engineDeps!.reportAccountProblem({ kind: 'unauthorized', message: 'The key was refused. Enter a new one.' })
    const state = await ok<AppState>(core.invoke('getAppState', undefined))
    expect(state.accountProblem?.kind).toBe('unauthorized')
    await expect
      .poll(() => adapters.events.filter((e) => e.event === 'appStateChanged').at(-1)?.payload)
      .toMatchObject({ accountProblem: { kind: 'unauthorized' } })

    const engineStore = engineDeps!.openStore('engine-test', { counter: 0 })
    engineStore.set('counter', 2)
    expect(JSON.parse(readFileSync(join(userDataDir, 'engine-test.json'), 'utf8'))).toEqual({ counter: 2 })

    await ok(core.invoke('removeAccount', undefined))
    expect(sessions.at(-1)).toBeNull()
    expect(() => engineDeps!.getClient()).toThrow(/No account is connected/)
  })
})

describe('the key stays in the key store', () => {
  it('no bridge response, event, log line or file holds it, whatever channel is called', async () => {
    const harness = build({ keychain: createKeychainStore({ loadKeytar: async () => Promise.reject(new Error('x')) }) })
    const { core } = harness
    const responses: unknown[] = []
    const call = async (channel: string, arg?: unknown) => {
      const result = await core.invoke(channel, arg)
      responses.push(result)
      return result
    }
    await call('connectAccount', { baseUrl: sandbox.url, apiKey: KEY, keyStorage: 'keychain' })
    await call('connectAccount', { baseUrl: sandbox.url, apiKey: KEY, keyStorage: 'session' })
    const list = await call('listConversations', { archived: 'any' })
    const chatId = list.ok ? (list.value as { id: string }[])[0]!.id : 'none'
    const users = await call('listUsers')
    const userId = users.ok ? (users.value as { id: string }[])[0]!.id : 'none'
    const byChannel: Record<InvokeChannel, unknown> = {
      getAppState: undefined,
      dismissLocalDataNotice: undefined,
      clearLocalData: undefined,
      connectAccount: { baseUrl: sandbox.url, apiKey: `${KEY}-wrong`, keyStorage: 'session' },
      startDemo: undefined,
      removeAccount: undefined,
      updateSettings: { theme: 'light' },
      listConversations: { unreadOnly: true },
      getMessages: { chatId },
      getFirstMessageDate: { chatId },
      searchInbox: { query: 'hello', view: 'all' },
      markRead: { chatId },
      archive: { chatId },
      unarchive: { chatId },
      assign: { chatId, userId },
      unassign: { chatId },
      listUsers: undefined,
      sendReply: { chatId, clientId: 'client-000001', text: 'Hello' },
      listOutbox: undefined,
      retryOutboxEntry: { clientId: 'client-000001' },
      discardOutboxEntry: { clientId: 'client-000001' },
      getDrafts: undefined,
      setDraft: { chatId, text: 'draft' },
      setFocusedConversation: { chatId },
      openExternal: { url: 'https://example.com' },
      getBackfillStatus: undefined,
      getUpdateStatus: undefined,
      checkForUpdates: undefined,
      restartToUpdate: undefined,
      cancelRestartToUpdate: undefined,
      bulkViewIds: { view: 'all' },
      startBulkAction: { action: { type: 'markRead' }, chatIds: [chatId] },
      cancelBulkAction: { batchId: 'bulk-none' },
      retryBulkAction: { batchId: 'bulk-none' },
      undoBulkAction: { batchId: 'bulk-none' },
      snoozeConversation: { chatId, untilMs: Date.now() + 3_600_000 },
      listSnoozes: undefined,
      wakeSnoozed: { chatId },
    }
    // Everything but the account changes first, then those (which end the session).
    const last: InvokeChannel[] = ['connectAccount', 'startDemo', 'removeAccount']
    for (const channel of invokeChannels.filter((c) => !last.includes(c))) await call(channel, byChannel[channel])
    for (const channel of last) await call(channel, byChannel[channel])
    expect(responses.filter((r) => (r as BridgeResult<unknown>).ok).length).toBeGreaterThan(10)
    expect(everythingVisible(harness, responses)).not.toContain(KEY)
  })
})
