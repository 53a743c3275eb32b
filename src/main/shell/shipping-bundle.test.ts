/**
 * The bundle that ships (`npm run build`, `npx electron-vite build`) holds no
 * test hook: not the end-to-end recorders (./e2e-hooks.ts and its parts, compiled into
 * `npm run build:e2e` only) and not the test support of src/main/testing.
 * Built here into a temporary folder, so the tree's own out/ (the e2e build
 * the specs run) is left alone.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = resolve(__dirname, '../../..')
const electronVite = join(root, 'node_modules', '.bin', 'electron-vite')

/** What only the hooks and the test support contain. */
const TEST_ONLY_MARKERS = [
  '__inboxDeskE2E',
  'installE2eHooks',
  'e2e-hooks',
  // The hooks' parts (./e2e-recorders.ts, ./e2e-controls.ts), imported by e2e-hooks.ts alone.
  'e2e-recorders',
  'e2e-controls',
  'recordNotifications',
  'createNodeAdapters',
  'startSandboxHarness',
  'inbox-desk.e2e.updater', // the stand-in electron-updater (tests/e2e/electron-shim/electron-updater.cjs)
]

function bundleText(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'))
    .join('\n')
}

function build(outDir: string, mode?: string): string {
  execFileSync(electronVite, ['build', '--outDir', outDir, ...(mode ? ['--mode', mode] : [])], {
    cwd: root,
    stdio: 'pipe',
    timeout: 180_000,
  })
  return bundleText(join(outDir, 'main'))
}

describe('the shipping main bundle', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'inbox-desk-bundle-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('contains none of the test hooks, which the e2e build does contain', { timeout: 360_000 }, () => {
    const shipping = build(join(dir, 'shipping'))
    for (const marker of TEST_ONLY_MARKERS) expect(shipping, marker).not.toContain(marker)
    // The same check on the test build finds the hooks: the markers are the right ones.
    const e2e = build(join(dir, 'e2e'), 'e2e')
    expect(e2e).toContain('__inboxDeskE2E')
    expect(e2e).toContain('installE2eHooks')
    expect(e2e).toContain('recordNotifications')
    expect(e2e).toContain('inbox-desk.e2e.updater')
    // The shipping build loads the real electron-updater from node_modules.
    expect(shipping).toMatch(/require\(["']electron-updater["']\)/)
    expect(e2e).not.toMatch(/require\(["']electron-updater["']\)/)
  })
})
