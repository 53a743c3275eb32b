/**
 * The harness itself: failures in main must reach the test as clear errors,
 * and teardown must hold whatever main does.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { launchApp, PROJECT_ROOT } from './harness'

/** A throwaway "built app" whose main bundle is `mainSource`. */
function fakeApp(mainSource: string): string {
  const root = mkdtempSync(join(tmpdir(), 'inbox-desk-fake-app-'))
  writeFileSync(
    join(root, 'package.json'),
    JSON.stringify({ name: 'fake-app', productName: 'Fake App', version: '1.2.3' }),
  )
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'))
  mkdirSync(join(root, 'out/main'), { recursive: true })
  writeFileSync(join(root, 'out/main/index.js'), mainSource)
  return root
}

test('a main bundle that throws while loading fails launch clearly, and leaves nothing behind', async () => {
  const root = fakeApp(`throw new Error('boom while loading main')`)
  try {
    const app = await launchApp({ appRoot: root })
    const userDataDir = app.userDataDir
    await expect(app.firstWindow()).rejects.toThrow(/main threw while loading: Error: boom while loading main/)
    await app.close()
    await expect(app.evaluate(() => 1)).rejects.toThrow(/exited/)
    expect(existsSync(userDataDir)).toBe(false)
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
})

test('errors thrown by evaluate come back as rejections; main keeps running', async () => {
  const root = fakeApp(`
    const { app, BrowserWindow } = require('electron')
    app.whenReady().then(() => {
      const win = new BrowserWindow({ width: 800, height: 600 })
      win.loadURL('data:text/html,<p>fake</p>')
    })
  `)
  const app = await launchApp({ appRoot: root })
  try {
    const page = await app.firstWindow()
    await expect(page.getByText('fake')).toBeVisible()
    await expect(app.evaluate(() => Promise.reject(new Error('nope in main')))).rejects.toThrow(/nope in main/)
    await expect(app.evaluate(() => () => 1)).rejects.toThrow(/cannot be sent to the test runner|could not be cloned/)
    expect(await app.evaluate(({ app: electronApp }) => [electronApp.getName(), electronApp.getVersion()])).toEqual([
      'Fake App',
      '1.2.3',
    ])
  } finally {
    await app.close()
    rmSync(root, { recursive: true, force: true })
  }
})

test('a main process that dies mid-test rejects what waits on it, and close() still tears down', async () => {
  const root = fakeApp(`
    const { app, BrowserWindow } = require('electron')
    app.whenReady().then(() => new BrowserWindow({ show: false }).loadURL('data:text/html,<p>fake</p>'))
  `)
  const app = await launchApp({ appRoot: root })
  try {
    await app.firstWindow()
    await expect(app.evaluate(() => process.exit(3))).rejects.toThrow(/exited \(code 3\)/)
    await expect(app.notifications()).rejects.toThrow(/exited/)
  } finally {
    await app.close()
    rmSync(root, { recursive: true, force: true })
  }
})
