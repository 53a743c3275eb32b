/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, bundled into the e2e main build */
/**
 * A stand-in for electron-updater, in the e2e build only: electron.vite.config.ts aliases `electron-updater`
 * to this file under `--mode e2e` (the shipping build keeps the real one; src/main/shell/shipping-bundle.test.ts
 * checks). It runs on the shim and on real Electron alike: no network, no feed, no installer.
 *
 * A spec drives it from main through `app.evaluate` and the global below:
 *   offer: the version the next check finds (null: none; INBOX_DESK_E2E_UPDATE_OFFER sets the first);
 *   failWith: a message the next checks fail with (null: they do not);
 *   record: what the app asked of it (checks, setFeedURL, channel, autoInstallOnAppQuit values, quitAndInstall).
 * quitAndInstall only records: the spec reads the record to see whether the app would have restarted.
 */
const { EventEmitter } = require('node:events')

const CONTROL = Symbol.for('inbox-desk.e2e.updater')
const later = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

class StandInUpdater extends EventEmitter {
  constructor() {
    super()
    this.autoDownload = true
    this.logger = null
    this.offer = process.env.INBOX_DESK_E2E_UPDATE_OFFER || null
    this.failWith = null
    this.record = { checks: 0, feedUrls: [], channels: [], autoInstallOnAppQuit: [], quitAndInstall: [] }
    this._autoInstall = true
  }
  get autoInstallOnAppQuit() {
    return this._autoInstall
  }
  set autoInstallOnAppQuit(value) {
    this._autoInstall = value
    this.record.autoInstallOnAppQuit.push(value)
  }
  set channel(value) {
    this.record.channels.push(value)
  }
  setFeedURL(options) {
    this.record.feedUrls.push(options)
  }
  async checkForUpdates() {
    this.record.checks++
    this.emit('checking-for-update')
    await later(20)
    if (this.failWith) {
      const error = new Error(this.failWith)
      this.emit('error', error)
      throw error
    }
    if (!this.offer) {
      this.emit('update-not-available', { version: '0.0.0' })
      return { updateInfo: { version: '0.0.0' } }
    }
    const info = { version: this.offer, files: [], path: '', sha512: '', releaseDate: new Date().toISOString() }
    this.emit('update-available', info)
    // The download goes on after the check has answered, as electron-updater's does.
    void later(20)
      .then(() =>
        this.emit('download-progress', { percent: 50, bytesPerSecond: 1, total: 2, transferred: 1, delta: 1 }),
      )
      .then(() => later(20))
      .then(() => this.emit('update-downloaded', { ...info, downloadedFile: '/nonexistent' }))
    return { updateInfo: info }
  }
  quitAndInstall(isSilent, isForceRunAfter) {
    this.record.quitAndInstall.push({ isSilent, isForceRunAfter })
  }
}

const autoUpdater = new StandInUpdater()
globalThis[CONTROL] = autoUpdater
module.exports = { autoUpdater }
