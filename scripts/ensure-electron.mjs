// `npm start` / `npm run dev`: make sure the Electron binary is there first.
// Since v42 the electron package downloads its binary on first use (no install
// script), when something requires it. electron-vite does not: it reads
// node_modules/electron/path.txt and stops with "Electron uninstall" when the
// binary was never fetched. Requiring electron here fetches it once.
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
try {
  const executable = require('electron')
  if (typeof executable !== 'string') throw new Error('the electron package did not give an executable path')
} catch (error) {
  console.error(
    [
      'Inbox Desk could not get the Electron runtime.',
      `  ${error instanceof Error ? error.message : String(error)}`,
      'The first run downloads it from github.com (about 100 MB). Behind a proxy, set ELECTRON_GET_USE_PROXY=1 and HTTPS_PROXY;',
      'with a mirror, set ELECTRON_MIRROR. Then run `npm start` again.',
    ].join('\n'),
  )
  process.exit(1)
}
