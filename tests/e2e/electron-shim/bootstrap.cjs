'use strict'
// CommonJS on purpose: this runs as plain Node in the child process, before and beside the app's bundle.
/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * Entry of the forked "main process": installs the shim as the `electron`
 * module, loads the built main bundle, then fires `ready`. Started by host.ts
 * with ELECTRON_SHIM_CONFIG = { mainEntry, appPath, userDataDir, displays }.
 */
const Module = require('node:module')
const path = require('node:path')

const config = JSON.parse(process.env.ELECTRON_SHIM_CONFIG || '{}')
const rpc = require('./rpc.cjs')

function reportFatal(kind, error) {
  const message = error instanceof Error ? error.stack || error.message : String(error)
  console.error(`[electron-shim] ${kind}: ${message}`)
  rpc.notify('app.fatal', { kind, message })
}

process.on('uncaughtException', (error) => {
  // Electron shows a dialog and keeps running; a test wants to know.
  reportFatal('uncaught exception in main', error)
})
process.on('unhandledRejection', (reason) => {
  reportFatal('unhandled rejection in main', reason)
})

// The runner is gone (a killed worker, a crash): nobody can ever close this app, so end it
// rather than leave an orphan with timers and servers running.
process.on('disconnect', () => {
  console.error('[electron-shim] the test runner disconnected; exiting')
  process.exit(0)
})

const shim = require('./electron.cjs')

// 1. `require('electron')` from CommonJS (the main bundle, electron-log).
const originalLoad = Module._load
Module._load = function loadWithElectronShim(request, parent, isMain) {
  if (request === 'electron' || request === 'electron/main' || request === 'electron/common') return shim
  return originalLoad.call(this, request, parent, isMain)
}

// 2. `import electron from 'electron'` from ESM loaded by require (electron-store):
// that path looks in require.cache for the resolved file and ignores _load.
const electronPackageEntry = require.resolve('electron', { paths: [config.appPath] })
const cached = new Module(electronPackageEntry)
cached.filename = electronPackageEntry
cached.paths = Module._nodeModulePaths(path.dirname(electronPackageEntry))
cached.exports = shim
cached.loaded = true
require.cache[electronPackageEntry] = cached

// Electron sets these; some libraries branch on them.
process.type = 'browser'
process.versions.electron = require(path.join(config.appPath, 'node_modules/electron/package.json')).version
process.resourcesPath = config.appPath

try {
  require(config.mainEntry)
} catch (error) {
  reportFatal('main threw while loading', error)
  // Electron would exit too: there is no app.
  setImmediate(() => process.exit(1))
  return
}
setImmediate(() => shim.__shimMarkReady())
