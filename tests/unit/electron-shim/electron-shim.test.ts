/**
 * The parts of the e2e Electron shim (tests/e2e/electron-shim/electron.cjs) that specs lean on without a page:
 * `forcefullyCrashRenderer` emits `render-process-gone` as Electron does (how the recovery spec crashes the window
 * again and again), the clipboard keeps text, and clearing the session is recorded. Loaded here without a test
 * runner on the other end of its channel: the calls to it fail, which the shim must survive.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
// Types only (erased at run time): the real module would try to download Electron.
import type * as Electron from 'electron'

const userDataDir = mkdtempSync(join(tmpdir(), 'shim-unit-'))
process.env.ELECTRON_SHIM_CONFIG = JSON.stringify({ userDataDir, appPath: join(__dirname, '../../..') })
const load = createRequire(__filename)
// No test runner at the other end: its channel (rpc.cjs) answers every call with "gone", as when the runner has
// quit. (Under vitest's forks the real one would post into vitest's own IPC channel and wait forever.)
const rpcPath = load.resolve('../../e2e/electron-shim/rpc.cjs')
const gone = (method: string) => Promise.reject(new Error(`The test runner is gone (calling ${method})`))
load.cache[rpcPath] = {
  id: rpcPath,
  filename: rpcPath,
  loaded: true,
  exports: { call: gone, notify() {}, handle() {} },
} as never
const shim = load('../../e2e/electron-shim/electron.cjs') as typeof Electron & { __shimMarkReady(): void }
shim.__shimMarkReady()
afterAll(() => rmSync(userDataDir, { recursive: true, force: true }))

describe('the Electron shim', () => {
  it('forcefullyCrashRenderer emits render-process-gone with reason killed', async () => {
    const win = new shim.BrowserWindow({ show: false })
    const gone = new Promise<unknown>((resolve) => win.webContents.once('render-process-gone', (_e, d) => resolve(d)))
    win.webContents.forcefullyCrashRenderer()
    expect(await gone).toEqual({ reason: 'killed', exitCode: 9 })
  })

  it('the clipboard keeps the text written to it', () => {
    shim.clipboard.writeText('diagnostics')
    expect(shim.clipboard.readText()).toBe('diagnostics')
    shim.clipboard.clear()
    expect(shim.clipboard.readText()).toBe('')
  })

  it('clearing the session is recorded, in order', async () => {
    const ses = shim.session.defaultSession
    // No runner to clear Chromium's storage: the calls fail, the records stay.
    await expect(ses.clearCache()).rejects.toThrow(/gone/)
    await expect(ses.clearStorageData({ storages: ['localstorage', 'indexdb'] })).rejects.toThrow(/gone/)
    const records = (shim as unknown as { __shimRecords?: () => { sessionCleared: string[] } }).__shimRecords
    expect(records?.().sessionCleared).toEqual(['cache', 'storage:localstorage,indexdb'])
  })
})
