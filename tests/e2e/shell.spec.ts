/**
 * The Electron shell through the harness: the built main, preload and
 * renderer together. Security properties are checked from the renderer's side
 * (what a compromised page could try), and from main's (`evaluate`).
 */
import { expect, test } from '@playwright/test'
import { invokeChannels } from '../../src/shared/ipc/channels'
import { launchApp, type InboxDeskApp } from './harness'

let app: InboxDeskApp

test.beforeEach(async () => {
  app = await launchApp()
})

test.afterEach(async () => {
  await app.close()
})

test('the window loads the built renderer through the built preload, from app://', async () => {
  const page = await app.firstWindow()
  await expect(page.getByRole('button', { name: 'Connect an account' })).toBeVisible()
  const state = await app.windowState()
  expect(state.url).toBe('app://inbox-desk/index.html')
  const appState = await page.evaluate(() => window.inboxDesk.getAppState())
  expect(appState.ok).toBe(true)
})

test('the bridge exposes only named functions: no ipcRenderer, no generic invoke', async () => {
  const page = await app.firstWindow()
  const surface = await page.evaluate(() => {
    const bridge = window.inboxDesk as unknown as Record<string, unknown>
    return {
      keys: Object.keys(bridge).sort(),
      types: [...new Set(Object.values(bridge).map((value) => typeof value))],
      frozen: Object.isFrozen(bridge),
      globals: ['ipcRenderer', 'require', 'process', 'electron', 'module', 'Buffer'].filter((name) => name in window),
    }
  })
  expect(surface.keys).toEqual([...invokeChannels, 'on'].sort())
  expect(surface.keys).not.toContain('invoke')
  expect(surface.types).toEqual(['function'])
  expect(surface.frozen).toBe(true)
  expect(surface.globals).toEqual([])
})

test('evaluate runs in the main process with the electron module', async () => {
  await app.firstWindow()
  const result = await app.evaluate(
    ({ app: electronApp, BrowserWindow }, suffix) => ({
      name: electronApp.getName() + suffix,
      userData: electronApp.getPath('userData'),
      windows: BrowserWindow.getAllWindows().length,
    }),
    '!',
  )
  expect(result.name).toBe('Inbox Desk!')
  expect(result.userData).toBe(app.userDataDir)
  expect(result.windows).toBe(1)
})
