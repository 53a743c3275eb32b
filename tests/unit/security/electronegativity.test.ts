/**
 * `npm run security` (scripts/electronegativity.mjs) fails on what it should: electronegativity itself exits 0
 * whatever it finds, so the wrapper reads its CSV against the reviewed allow-list. Run here on a small tree of its
 * own with one risky window, against allow-lists made for the case.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../../..')
const script = join(root, 'scripts/electronegativity.mjs')
let work: string
let risky: string

/** A window done right but for one setting (webSecurity: false), and a page with a CSP. */
const WINDOW = `import { BrowserWindow, session } from 'electron'

export function open(): BrowserWindow {
  const win = new BrowserWindow({
    webPreferences: { contextIsolation: true, sandbox: true, webSecurity: false, disableBlinkFeatures: 'Auxclick' },
  })
  win.webContents.on('will-navigate', (event) => event.preventDefault())
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  return win
}
`
const PAGE = `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'"></head><body></body></html>`

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'electronegativity-test-'))
  mkdirSync(join(work, 'src'))
  risky = join(work, 'src/window.ts')
  writeFileSync(risky, WINDOW)
  writeFileSync(join(work, 'src/index.html'), PAGE)
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

function run(allowList: unknown[]): { status: number; output: string } {
  const listPath = join(work, `allow-${Math.random().toString(36).slice(2)}.json`)
  writeFileSync(listPath, JSON.stringify(allowList))
  try {
    const stdout = execFileSync(process.execPath, [script, '--input', join(work, 'src'), '--allow-list', listPath], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    return { status: 0, output: stdout }
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string }
    return { status: failed.status, output: `${failed.stdout}${failed.stderr}` }
  }
}

const REASON = 'The fixture exists to be found by the check; it opens nothing.'
const webSecurity = (reason = REASON) => ({
  check: 'WEB_SECURITY_JS_CHECK',
  file: relative(root, risky),
  match: 'webSecurity: false',
  reason,
})
// The tool flags any CSP it finds (the app's own index.html is in the allow-list for it too).
const csp = () => ({
  check: 'CSP_GLOBAL_CHECK',
  file: relative(root, join(work, 'src/index.html')),
  match: "default-src 'none'",
  reason: REASON,
})

// Each run of the tool takes seconds, more on a loaded machine: three runs in all.
describe('npm run security', () => {
  it('fails on a finding the allow-list does not name, and says where it is', () => {
    const result = run([csp()])
    expect(result.status).toBe(1)
    expect(result.output).toContain(`WEB_SECURITY_JS_CHECK at ${relative(root, risky)}`)
  }, 180_000)

  it('passes once every finding has a reviewed entry with its reason', () => {
    const result = run([csp(), webSecurity()])
    expect(result).toEqual({
      status: 0,
      output: expect.stringContaining('2 findings, each in the reviewed allow-list'),
    })
  }, 180_000)

  it('fails on an entry without a real reason, and on one that matches nothing any more', () => {
    const stale = { ...webSecurity(), match: 'nodeIntegration: true' }
    const result = run([csp(), webSecurity('ok'), stale])
    expect(result.status).toBe(1)
    expect(result.output).toContain('allow-list entry without a reason')
    expect(result.output).toContain('allow-list entry matches nothing any more')
  }, 180_000)
})
