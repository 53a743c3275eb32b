// Native modules (keytar, better-sqlite3) must match the ABI of the runtime that loads them.
// On a user's machine that is Electron, so we rebuild them for it. Where the
// Electron binary cannot be downloaded (CI, the test machines) the built app
// runs on plain Node through the test shim, and npm's own Node build is right.
import { spawnSync } from 'node:child_process'

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1' || process.env.CI === 'true') {
  console.log('[postinstall] Electron binary skipped: keeping native modules built for Node.')
  process.exit(0)
}
const result = spawnSync('npx', ['electron-builder', 'install-app-deps'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
})
if (result.status !== 0) {
  console.warn(
    '[postinstall] Could not rebuild native modules for Electron; the keychain and the local database may be unavailable in the app.',
  )
}
