/**
 * One test per place where the electron shim (tests/e2e/electron-shim, see its README) differs from
 * Electron: each pins what the shim does, next to what Electron documents, so a change on either side is
 * seen, and shows why Inbox Desk does not notice the difference (it stays inside what both do alike).
 * The shim's real code runs here: its electron.cjs in this Node process, its preload wrapper in a vm context.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { runInNewContext } from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Electron from 'electron'
import { createInboxClient } from '../../../src/main/api'
import { preloadInitScript } from '../../e2e/electron-shim/preload-script'

const root = resolve(__dirname, '../../..')
const userDataDir = mkdtempSync(join(tmpdir(), 'inbox-desk-shim-unit-'))
process.env.ELECTRON_SHIM_CONFIG = JSON.stringify({ userDataDir, appPath: root })
// eslint-disable-next-line @typescript-eslint/no-require-imports
const electron = require('../../e2e/electron-shim/electron.cjs') as typeof Electron

let server: Server
let base: string
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url?.startsWith('/redirect')) res.writeHead(302, { location: 'https://elsewhere.example/' }).end()
    else res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":[]}')
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise<void>((done) => server.close(() => done()))
  rmSync(userDataDir, { recursive: true, force: true })
})

/** Runs the shim's preload wrapper around `preload` in a fresh context shaped like a page's main frame. */
function runPreload(preload: string, invokeAnswer: unknown = undefined) {
  const page: Record<string, unknown> = {
    console,
    addEventListener() {},
    location: { href: 'https://inbox-desk.app-scheme.invalid/' },
    __electronShimInvoke: async () => ({
      ok: true,
      json: invokeAnswer === undefined ? undefined : JSON.stringify(invokeAnswer),
    }),
    __electronShimSend: async () => undefined,
    __electronShimWindowOpen: async () => undefined,
  }
  page.window = page
  page.top = page
  runInNewContext(preloadInitScript(preload, 'linux'), page)
  return page
}

describe('the bridge: JSON in the shim, structured clone in Electron', () => {
  it('an invoke answer arrives as JSON would carry it (Electron: structured clone keeps Date, Map, undefined)', async () => {
    const sent = { at: new Date(0), map: new Map([['a', 1]]), missing: undefined, list: [1, 'two', null] }
    const page = runPreload(
      "require('electron').ipcRenderer.invoke('x').then((value) => { window.received = value })",
      sent,
    )
    await expect.poll(() => page.received).toBeDefined()
    expect(page.received).toEqual({ at: '1970-01-01T00:00:00.000Z', map: {}, list: [1, 'two', null] })
    // What Electron documents (structured clone algorithm) keeps them:
    expect(structuredClone(sent)).toEqual(sent)
    // Inbox Desk sends plain JSON data only (src/shared/ipc/contract.ts): there both agree.
    const plain = {
      ok: true,
      value: { conversations: [{ id: 'c1', unread: 2, lastMessageAt: '2026-01-01T00:00:00Z' }] },
    }
    expect(JSON.parse(JSON.stringify(plain))).toEqual(structuredClone(plain))
  })

  it('contextBridge exposes a read-only property on window (Electron: the same, in the isolated world)', () => {
    const page = runPreload("require('electron').contextBridge.exposeInMainWorld('api', { ping: () => 'pong' })")
    const descriptor = Object.getOwnPropertyDescriptor(page, 'api')
    expect(descriptor).toMatchObject({ writable: false, configurable: false })
    expect((page.api as { ping(): string }).ping()).toBe('pong')
  })
})

describe('the sandboxed preload’s require', () => {
  it('gives only electron in the shim (Electron also gives events, timers and url); both refuse the rest', () => {
    const page = runPreload(`window.results = ['electron', 'electron/renderer', 'events', 'timers', 'url', 'fs', 'path']
      .map((name) => { try { require(name); return name + ': ok' } catch (error) { return name + ': refused' } })`)
    expect(page.results).toEqual([
      'electron: ok',
      'electron/renderer: ok',
      'events: refused',
      'timers: refused',
      'url: refused',
      'fs: refused',
      'path: refused',
    ])
    // Inbox Desk's preload is one bundle that requires electron only (electron.vite.config.ts), within both.
    const config = readFileSync(join(root, 'electron.vite.config.ts'), 'utf8')
    expect(config).toMatch(/preload:[\s\S]*externalizeDeps: false[\s\S]*external: \['electron'\]/)
  })

  it('ipcRenderer.sendSync throws in the shim (Electron has it; the app never uses it)', () => {
    const page = runPreload(
      "try { require('electron').ipcRenderer.sendSync('x') } catch (error) { window.failed = error.message }",
    )
    expect(page.failed).toMatch(/does not support ipcRenderer\.sendSync/)
  })
})

describe("net.fetch: Node's fetch in the shim, Chromium's network stack in Electron", () => {
  it('a refused connection is an undici cause (Electron: net::ERR_CONNECTION_REFUSED); the client words both alike', async () => {
    const closed = createServer()
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done))
    const port = (closed.address() as AddressInfo).port
    await new Promise<void>((done) => closed.close(() => done()))
    const error = (await electron.net.fetch(`http://127.0.0.1:${port}/`).catch((caught: unknown) => caught)) as Error
    expect((error.cause as { code?: string }).code).toBe('ECONNREFUSED')
    const electronStyle: typeof fetch = async () => {
      throw new TypeError('net::ERR_CONNECTION_REFUSED')
    }
    const messages = await Promise.all(
      [electron.net.fetch as typeof fetch, electronStyle].map((fetchImpl) =>
        createInboxClient({
          baseUrl: `http://127.0.0.1:${port}`,
          apiKey: 'k',
          fetch: fetchImpl,
          retry: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
        })
          .listAssignableUsers()
          .catch((caught: { kind: string; details: { cause?: string } }) => [caught.kind, caught.details.cause]),
      ),
    )
    expect(messages).toEqual([
      ['network', 'refused'],
      ['network', 'refused'],
    ])
  })

  it("redirect: 'manual' hands back the 3xx itself (Electron rejects 'Redirect was cancelled'); both are the redirect error", async () => {
    const response = await electron.net.fetch(`${base}/redirect`, { redirect: 'manual' })
    // undici returns the redirect as is (a browser would give an opaque status 0); the Location stays readable.
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('https://elsewhere.example/')
    const electronStyle: typeof fetch = async () => {
      throw new Error('Redirect was cancelled')
    }
    for (const fetchImpl of [electron.net.fetch as typeof fetch, electronStyle]) {
      const client = createInboxClient({ baseUrl: `${base}/redirect`, apiKey: 'k', fetch: fetchImpl })
      const error = (await client.listAssignableUsers().catch((caught: unknown) => caught)) as Error & { kind: string }
      expect(error.kind).toBe('invalid_response')
      expect(error.message).toMatch(/redirected the request/)
    }
  })
})

describe('session: proxy and request APIs', () => {
  it('setProxy resolves and is recorded, but the shim’s net.fetch does not go through the proxy (Electron’s does)', async () => {
    const config = { mode: 'fixed_servers' as const, proxyRules: 'http://127.0.0.1:9', proxyBypassRules: '' }
    await expect(electron.session.defaultSession.setProxy(config)).resolves.toBeUndefined()
    await expect(electron.session.defaultSession.closeAllConnections()).resolves.toBeUndefined()
    // Electron would now send this through 127.0.0.1:9 (a dead proxy) and fail; the shim goes direct.
    expect((await electron.net.fetch(`${base}/`)).status).toBe(200)
    // ...so what the e2e specs check is the call itself (records.get, as tests/e2e/network-settings.spec.ts does).
    const shim = electron as unknown as { __shimRecords(): { proxyConfigs: unknown[] } }
    expect(shim.__shimRecords().proxyConfigs.at(-1)).toEqual(config)
  })

  it('webRequest.onBeforeRequest is refused, not pretended (Electron filters requests with it)', () => {
    expect(() => electron.session.defaultSession.webRequest.onBeforeRequest(() => undefined)).toThrow(/shim/)
  })
})

describe('nativeTheme', () => {
  it("themeSource sets the pages' scheme; under system, shouldUseDarkColors is false (Electron: the OS's)", () => {
    const { nativeTheme } = electron
    let updated = 0
    nativeTheme.on('updated', () => (updated += 1))
    nativeTheme.themeSource = 'dark'
    expect(nativeTheme.shouldUseDarkColors).toBe(true)
    nativeTheme.themeSource = 'system'
    // Electron would say what the OS says here; the shim has no OS scheme, and the app never reads it.
    expect(nativeTheme.shouldUseDarkColors).toBe(false)
    expect(updated).toBe(2)
    expect(() => {
      nativeTheme.themeSource = 'sepia' as never
    }).toThrow(/themeSource/)
    expect(nativeTheme.themeSource).toBe('system')
  })
})
