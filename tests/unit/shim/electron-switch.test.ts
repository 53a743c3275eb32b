import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { E2E_ELECTRON_SWITCH, realElectronRequested } from '../../e2e/electron-switch'

const roots: string[] = []
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

/** An app root whose node_modules/electron has (or lacks) a downloaded binary. */
function appRoot(withBinary: boolean) {
  const root = mkdtempSync(join(tmpdir(), 'inbox-desk-switch-'))
  roots.push(root)
  mkdirSync(join(root, 'node_modules/electron/dist'), { recursive: true })
  if (withBinary) {
    writeFileSync(join(root, 'node_modules/electron/path.txt'), 'electron')
    writeFileSync(join(root, 'node_modules/electron/dist/electron'), '')
  }
  return root
}

describe('the e2e switch to real Electron', () => {
  it('is off unless INBOX_DESK_E2E_ELECTRON=1 (or the older ELECTRON_E2E=1)', () => {
    expect(E2E_ELECTRON_SWITCH).toBe('INBOX_DESK_E2E_ELECTRON')
    expect(realElectronRequested({}, appRoot(true))).toBe(false)
    expect(realElectronRequested({ INBOX_DESK_E2E_ELECTRON: '0' }, appRoot(true))).toBe(false)
    expect(realElectronRequested({ INBOX_DESK_E2E_ELECTRON: '1' }, appRoot(true))).toBe(true)
    expect(realElectronRequested({ ELECTRON_E2E: '1' }, appRoot(true))).toBe(true)
  })

  it('asked for without a binary, stops the run with what to do (never falls back to the shim)', () => {
    expect(() => realElectronRequested({ INBOX_DESK_E2E_ELECTRON: '1' }, appRoot(false))).toThrow(
      /INBOX_DESK_E2E_ELECTRON=1 but no Electron binary is installed: run `node node_modules\/electron\/install.js`/,
    )
  })
})
