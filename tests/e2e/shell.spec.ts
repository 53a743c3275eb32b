/**
 * The Electron shell through the harness: the built main, preload and
 * renderer together. Security properties are checked from the renderer's side
 * (what a compromised page could try) and from main's (`evaluate`, records).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { invokeChannels } from '../../src/shared/ipc/channels'
import { appState, expect, test } from './fixtures'

test('the window loads the built renderer through the built preload, from app://', async ({ app, appWindow }) => {
  await expect(appWindow.getByRole('button', { name: 'Connect an account' })).toBeVisible()
  expect((await app.windowState()).url).toBe('app://inbox-desk/index.html')
  const state = await appState(appWindow)
  expect(state.account).toBeNull()
  expect(state.version).toMatch(/^\d+\.\d+\.\d+/)
})

test('the bridge exposes only named functions: no ipcRenderer, no generic invoke, no Node', async ({ appWindow }) => {
  const surface = await appWindow.evaluate(() => {
    const bridge = window.inboxDesk as unknown as Record<string, unknown>
    return {
      keys: Object.keys(bridge).sort(),
      types: [...new Set(Object.values(bridge).map((value) => typeof value))],
      frozen: Object.isFrozen(bridge),
      reassignable: Object.getOwnPropertyDescriptor(window, 'inboxDesk')?.writable,
      globals: ['ipcRenderer', 'require', 'process', 'electron', 'module', 'Buffer', 'global'].filter(
        (name) => name in window,
      ),
    }
  })
  expect(surface.keys).toEqual([...invokeChannels, 'on'].sort())
  expect(surface.keys).not.toContain('invoke')
  expect(surface.types).toEqual(['function'])
  expect(surface.frozen).toBe(true)
  expect(surface.reassignable).toBe(false)
  expect(surface.globals).toEqual([])
})

test('evaluate runs in the main process and receives the electron module', async ({ app, appWindow }) => {
  await appWindow.waitForLoadState()
  const result = await app.evaluate(
    ({ app: electronApp, BrowserWindow }, suffix) => ({
      name: electronApp.getName() + suffix,
      userData: electronApp.getPath('userData'),
      windows: BrowserWindow.getAllWindows().map((win) => win.webContents.getURL()),
      pid: process.pid,
    }),
    '!',
  )
  expect(result.name).toBe('Inbox Desk!')
  expect(result.userData).toBe(app.userDataDir)
  expect(result.windows).toEqual(['app://inbox-desk/index.html'])
  expect(result.pid).not.toBe(process.pid)
})

test('a bad argument through the bridge is rejected with a clear invalid_argument error', async ({ appWindow }) => {
  const wrongType = await appWindow.evaluate(() =>
    (window.inboxDesk.getMessages as (arg: unknown) => ReturnType<typeof window.inboxDesk.getMessages>)({ chatId: 42 }),
  )
  expect(wrongType.ok).toBe(false)
  if (wrongType.ok) return
  expect(wrongType.error.kind).toBe('invalid_argument')
  expect(wrongType.error.message).toContain('chatId')

  const extraField = await appWindow.evaluate(() =>
    (window.inboxDesk.updateSettings as (arg: unknown) => ReturnType<typeof window.inboxDesk.updateSettings>)({
      theme: 'dark',
      apiKey: 'sneaky',
    }),
  )
  expect(extraField).toMatchObject({ ok: false, error: { kind: 'invalid_argument' } })
  // Nothing was half-applied.
  expect((await appState(appWindow)).settings.theme).toBe('system')
})

test('the UI is served with a strict Content-Security-Policy header: inline script does not run', async ({
  appWindow,
}) => {
  const policy = await appWindow.evaluate(async () =>
    (await fetch(location.href)).headers.get('content-security-policy'),
  )
  expect(policy).toContain("default-src 'self'")
  expect(policy).toContain("script-src 'self'")
  expect(policy).toContain("frame-ancestors 'none'")
  const inlineRan = await appWindow.evaluate(() => {
    const script = document.createElement('script')
    script.textContent = 'window.__inlineScriptRan = true'
    document.head.append(script)
    return (window as unknown as { __inlineScriptRan?: boolean }).__inlineScriptRan === true
  })
  expect(inlineRan).toBe(false)
})

test('navigating the window away from the UI is blocked', async ({ app, appWindow }) => {
  await appWindow.evaluate(() => {
    location.href = 'https://example.invalid/phishing'
  })
  if (app.kind === 'shim') {
    await expect
      .poll(async () => (await app.records()).navigationAttempts)
      .toContainEqual({ url: 'https://example.invalid/phishing', prevented: true, kind: 'will-navigate' })
  }
  await expect(appWindow.getByRole('button', { name: 'Connect an account' })).toBeVisible()
  expect((await app.windowState()).url).toBe('app://inbox-desk/index.html')
  // And the bridge still works from the UI.
  expect((await appWindow.evaluate(() => window.inboxDesk.getAppState())).ok).toBe(true)
})

test('window.open is denied; a web link goes to the safe opener, anything else nowhere', async ({ app, appWindow }) => {
  const opened = await appWindow.evaluate(() => [
    window.open('https://example.com/help?topic=refunds'),
    window.open('file:///etc/passwd'),
    window.open('javascript:alert(1)'),
    // Links that need the agent's say first never open without the thread's question (a middle click, say).
    window.open('http://example.com/plain'),
    window.open('https://user:pw@example.com/'),
    window.open('https://xn--exmple-4nf.com/'),
  ])
  expect(opened).toEqual([null, null, null, null, null, null])
  await expect.poll(() => app.openedExternalUrls()).toEqual(['https://example.com/help?topic=refunds'])
  expect(app.windows()).toHaveLength(1)
  const { windows } = await app.records()
  expect(windows).toHaveLength(1)
})

test('only the UI may call the bridge: another sender gets an error result, not a throw', async ({
  app,
  appWindow,
}) => {
  test.skip(app.kind !== 'shim', 'needs the shim to forge a sender frame')
  await appWindow.waitForLoadState()
  const results = await app.evaluate(async ({ ipcMain }) => {
    // The shim keeps invoke handlers in _handlers (Electron keeps them internal).
    const handlers = (ipcMain as unknown as { _handlers: Map<string, (event: unknown, arg: unknown) => unknown> })
      ._handlers
    const handler = handlers.get('inbox-desk:getAppState')
    if (!handler) throw new Error('no getAppState handler')
    const forged = (url: string | null) =>
      handler({ senderFrame: url === null ? null : { url }, sender: null }, undefined) as Promise<unknown>
    return Promise.all([
      forged('https://evil.example/'),
      forged('app://inbox-desk.evil/index.html'),
      forged(null),
      forged('app://inbox-desk/index.html'),
    ])
  })
  for (const refused of results.slice(0, 3)) {
    expect(refused).toMatchObject({ ok: false, error: { kind: 'internal' } })
  }
  expect(results[3]).toMatchObject({ ok: true })
})

test('every permission the page could ask for is denied', async ({ app, appWindow }) => {
  test.skip(app.kind !== 'shim', "the shim asks main's handlers directly; Chromium would need a real prompt")
  await appWindow.waitForLoadState()
  for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
    expect(await app.requestPermission(permission), permission).toEqual({ checked: false, granted: false })
  }
})

test('window size and position are restored after a restart on the same profile', async ({ app, appWindow }) => {
  await expect(appWindow.getByRole('button', { name: 'Connect an account' })).toBeVisible()
  await app.setWindowBounds({ x: 140, y: 90, width: 1024, height: 700 })
  await expect
    .poll(() => {
      const file = join(app.userDataDir, 'settings.json')
      return existsSync(file) ? JSON.stringify(JSON.parse(readFileSync(file, 'utf8'))) : ''
    })
    .toContain('"width":1024')
  await app.restart()
  await app.firstWindow()
  expect((await app.windowState()).bounds).toEqual({ x: 140, y: 90, width: 1024, height: 700 })
})

test('saved bounds that are now off every screen are brought back onto the primary display', async ({
  app,
  appWindow,
}) => {
  test.skip(app.kind !== 'shim', 'needs the shim to unplug a display')
  await expect(appWindow.getByRole('button', { name: 'Connect an account' })).toBeVisible()
  // The window sits on a second monitor to the right...
  await app.restart({
    displays: [
      { bounds: { x: 0, y: 0, width: 1920, height: 1080 } },
      { bounds: { x: 1920, y: 0, width: 1920, height: 1080 } },
    ],
  })
  await app.firstWindow()
  await app.setWindowBounds({ x: 2200, y: 100, width: 1000, height: 700 })
  await app.closeWindow() // saves the bounds at once
  // ...which is gone next time.
  await app.restart({ displays: [{ bounds: { x: 0, y: 0, width: 1920, height: 1080 } }] })
  await app.firstWindow()
  const { bounds } = await app.windowState()
  expect(bounds.width).toBe(1000)
  expect(bounds.height).toBe(700)
  expect(bounds.x).toBeGreaterThanOrEqual(0)
  expect(bounds.x + bounds.width).toBeLessThanOrEqual(1920)
  expect(bounds.y).toBeGreaterThanOrEqual(0)
})

test('the tray shows the icon, tooltip and menu; Do not disturb toggles the setting', async ({ app, appWindow }) => {
  await expect(appWindow.getByRole('button', { name: 'Connect an account' })).toBeVisible()
  const tray = await app.tray()
  expect(tray).not.toBeNull()
  expect(tray!.tooltip).toBe('Inbox Desk')
  expect(tray!.image).toMatchObject({ width: 32, height: 32 })
  expect(tray!.image.png.subarray(1, 4).toString('ascii')).toBe('PNG')
  expect(
    tray!.menu
      .filter((item) => item.type !== 'separator')
      .map(({ label, type, checked }) => ({ label, type, checked })),
  ).toEqual([
    { label: 'Open Inbox Desk', type: 'normal', checked: false },
    { label: 'Do not disturb', type: 'checkbox', checked: false },
    { label: 'Quit', type: 'normal', checked: false },
  ])

  await app.clickTrayMenuItem('Do not disturb')
  await expect.poll(async () => (await appState(appWindow)).settings.notifications.doNotDisturb).toBe(true)
  expect((await app.tray())!.menu.find((item) => item.label === 'Do not disturb')?.checked).toBe(true)

  // And the other way: turned off in the app's settings, the tray follows.
  await appWindow.evaluate(() => window.inboxDesk.updateSettings({ notifications: { doNotDisturb: false } }))
  await expect
    .poll(async () => (await app.tray())!.menu.find((item) => item.label === 'Do not disturb')?.checked)
    .toBe(false)
})

test('closing the window hides it to the tray; the tray and a second launch bring it back', async ({
  app,
  appWindow,
}) => {
  await expect(appWindow.getByRole('button', { name: 'Connect an account' })).toBeVisible()
  await app.closeWindow()
  await expect.poll(async () => (await app.windowState()).visible).toBe(false)

  await app.clickTrayMenuItem('Open Inbox Desk')
  await expect.poll(async () => (await app.windowState()).visible).toBe(true)
  expect((await app.windowState()).focused).toBe(true)

  await app.hideWindow()
  await app.secondInstance()
  await expect.poll(async () => (await app.windowState()).visible).toBe(true)
  // The same window, same page: nothing was reloaded.
  await expect(appWindow.getByRole('button', { name: 'Connect an account' })).toBeVisible()
})

test('with "close to tray" off, closing the window quits the app', async ({ app, appWindow }) => {
  await expect(appWindow.getByRole('button', { name: 'Connect an account' })).toBeVisible()
  const updated = await appWindow.evaluate(() => window.inboxDesk.updateSettings({ closeToTray: false }))
  expect(updated).toMatchObject({ ok: true, value: { closeToTray: false } })
  await app.closeWindow()
  await expect
    .poll(() =>
      app.records().then(
        () => 'running',
        (error: Error) => error.message,
      ),
    )
    .toMatch(/exited/)
})

test('Quit in the tray menu really quits, and main writes its log under userData/logs', async ({ app, appWindow }) => {
  await expect(appWindow.getByRole('button', { name: 'Connect an account' })).toBeVisible()
  const closed = appWindow.waitForEvent('close')
  await app.clickTrayMenuItem('Quit')
  await closed
  await expect.poll(() => existsSync(join(app.userDataDir, 'logs', 'main.log'))).toBe(true)
})

test('events pushed from main reach bridge listeners, and unsubscribing stops them', async ({ appWindow }) => {
  await appWindow.evaluate(() => {
    const seen: string[] = []
    ;(window as unknown as { seenThemes: string[] }).seenThemes = seen
    const unsubscribe = window.inboxDesk.on('appStateChanged', (state) => {
      seen.push(state.settings.theme)
      if (state.settings.theme === 'dark') unsubscribe()
    })
  })
  await appWindow.evaluate(() => window.inboxDesk.updateSettings({ theme: 'dark' }))
  await expect
    .poll(() => appWindow.evaluate(() => (window as unknown as { seenThemes: string[] }).seenThemes))
    .toEqual(['dark'])
  await appWindow.evaluate(() => window.inboxDesk.updateSettings({ theme: 'light' }))
  // The next push is observable by a fresh listener; the unsubscribed one saw nothing more.
  const next = await appWindow.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const off = window.inboxDesk.on('appStateChanged', (state) => {
          off()
          resolve(state.settings.theme)
        })
        void window.inboxDesk.updateSettings({ theme: 'system' })
      }),
  )
  expect(next).toBe('system')
  expect(await appWindow.evaluate(() => (window as unknown as { seenThemes: string[] }).seenThemes)).toEqual(['dark'])
})
