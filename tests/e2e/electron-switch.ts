/**
 * The switch between the shim and real Electron for the end-to-end specs: `INBOX_DESK_E2E_ELECTRON=1`
 * (the CI's e2e job sets it; `ELECTRON_E2E=1` is its older name) runs the built app on real Electron with
 * Playwright's `_electron.launch()` (harness.ts `ElectronBackend`). Asked for without an Electron binary,
 * the run stops with what to do, rather than quietly testing the shim. Its own module: unit-tested in
 * tests/unit/shim without Playwright.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export const E2E_ELECTRON_SWITCH = 'INBOX_DESK_E2E_ELECTRON'

/** The Electron binary `electron`'s install script downloaded (it names it in path.txt), or null. */
export function installedElectronBinary(appRoot: string): string | null {
  const pathFile = join(appRoot, 'node_modules/electron/path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(appRoot, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

export function realElectronRequested(env: NodeJS.ProcessEnv, appRoot: string): boolean {
  if (env[E2E_ELECTRON_SWITCH] !== '1' && env.ELECTRON_E2E !== '1') return false
  if (installedElectronBinary(appRoot) === null) {
    throw new Error(
      `${E2E_ELECTRON_SWITCH}=1 but no Electron binary is installed: run \`node node_modules/electron/install.js\` first`,
    )
  }
  return true
}
