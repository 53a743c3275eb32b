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

test('the test hooks that back the harness on real Electron record what the shim records', async () => {
  // src/main/shell/e2e-hooks.ts cannot run on real Electron here; on the shim it wraps the
  // shim's classes the same way, so its records and actions can be checked against the shim's.
  const app = await launchApp({ env: { INBOX_DESK_E2E_HOOKS: '1' } })
  const viaHooks = <T>(method: string, params: Record<string, unknown> = {}) =>
    app.evaluate(
      (_electron, [name, args]) =>
        (
          globalThis as unknown as { __inboxDeskE2E: { control(m: string, p: unknown): unknown } }
        ).__inboxDeskE2E.control(name, args),
      [method, params] as const,
    ) as Promise<T>
  type Records = Awaited<ReturnType<typeof app.records>>
  try {
    const page = await app.firstWindow()
    await expect(page.getByRole('button', { name: 'Connect an account' })).toBeVisible()
    const shim = await app.records()
    const hooks = await viaHooks<Records>('records.get')
    expect(hooks.tray).toEqual(shim.tray)
    expect(hooks.badgeCount).toBe(shim.badgeCount)
    expect(hooks.windows).toEqual(shim.windows)

    await app.evaluate(({ Notification }) => {
      const notification = new Notification({ title: 'Ana', body: 'Hello', silent: true, id: 'conversation:c1' })
      notification.on('click', () => {
        ;(globalThis as unknown as { clicked?: boolean }).clicked = true
      })
      notification.show()
    })
    expect((await viaHooks<Records>('records.get')).notifications).toEqual((await app.records()).notifications)
    await viaHooks('notification.click', { index: 0 })
    expect(await app.evaluate(() => (globalThis as unknown as { clicked?: boolean }).clicked)).toBe(true)

    await viaHooks('tray.clickMenuItem', { label: 'Do not disturb' })
    await expect
      .poll(async () => {
        const state = await page.evaluate(() => window.inboxDesk.getAppState())
        return state.ok && state.value.settings.notifications.doNotDisturb
      })
      .toBe(true)
    await expect
      .poll(
        async () =>
          (await viaHooks<Records>('records.get')).tray?.menu.find((i) => i.label === 'Do not disturb')?.checked,
      )
      .toBe(true)

    await page.evaluate(() => window.open('https://example.com/from-hooks'))
    await expect
      .poll(async () => (await viaHooks<Records>('records.get')).openedExternalUrls)
      .toEqual(['https://example.com/from-hooks'])

    await viaHooks('window.userAction', { action: 'hide' })
    expect((await app.windowState()).visible).toBe(false)
  } finally {
    await app.close()
  }
})
