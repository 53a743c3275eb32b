/**
 * Issue 3's account guarantees end to end: after onboarding with a real key,
 * the key is nowhere the renderer or the disk can show it; and without a
 * system keychain the app says so, keeps the key for the session only when
 * asked, and has forgotten it after a restart.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { Page } from '@playwright/test'
import { eventChannels } from '../../src/shared/ipc/channels'
import { SANDBOX_ACCOUNTS } from '../../src/sandbox'
import { appState, expect, sandboxControl, sandboxRequests, test, waitForInbox } from './fixtures'

const acme = SANDBOX_ACCOUNTS.acme

/** Every file under `dir`, with its text (binary files are read as latin1: a key would still show). */
function filesUnder(dir: string): { path: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return filesUnder(path)
    return [{ path, text: readFileSync(path, 'latin1') }]
  })
}

/** The profile's files that contain `secret`, as paths relative to the profile (expected: none). */
function profileFilesContaining(userDataDir: string, secret: string): string[] {
  return filesUnder(userDataDir)
    .filter((file) => file.text.includes(secret))
    .map((file) => relative(userDataDir, file.path))
}

/** Records every event main pushes to the window from now on, as JSON text. */
async function recordPushedEvents(page: Page): Promise<void> {
  await page.evaluate(
    (channels) => {
      const seen: string[] = []
      ;(window as unknown as { pushedEvents: string[] }).pushedEvents = seen
      for (const channel of channels) {
        window.inboxDesk.on(channel as 'syncStatus', (payload: unknown) =>
          seen.push(JSON.stringify({ channel, payload })),
        )
      }
    },
    eventChannels as readonly string[],
  )
}

test('after onboarding, the key is nowhere: window globals, DOM, storage, bridge answers, events, profile files, logs', async ({
  app,
  sandbox,
}) => {
  // First a mistyped key (a secret too: one character off a real one), refused...
  const mistyped = `${acme.apiKey.slice(0, -1)}Z`
  const page = await app.firstWindow()
  await page.getByRole('button', { name: 'Connect an account' }).click()
  await page.getByLabel('API address').fill(sandbox.url)
  await page.getByLabel('API key').fill(mistyped)
  await page.getByRole('button', { name: 'Connect', exact: true }).click()
  await expect(page.getByRole('alert')).toContainText('Key refused')
  // ...then the right one.
  await page.getByLabel('API key').fill(acme.apiKey)
  await page.getByRole('button', { name: 'Connect', exact: true }).click()
  await waitForInbox(page)
  await recordPushedEvents(page)
  const chatId = (
    await sandboxControl<{ chatId: string }>(sandbox, 'POST', '/_sandbox/inbound', {
      apiKey: acme.apiKey,
      channelId: 'ch_acme_sms',
      contact: { name: 'Key Hunter', phoneNumber: '+15550100801' },
      text: 'Give me your key',
    })
  ).chatId
  // A failed sync too: error paths are where keys leak into logs.
  await sandboxControl(sandbox, 'POST', '/_sandbox/faults', {
    rules: [{ method: 'GET', path: '/conversations', status: 503, times: 1 }],
  })
  await expect(
    page.getByRole('listbox', { name: 'Conversations' }).getByRole('option', { name: /Key Hunter/ }),
  ).toBeVisible({ timeout: 30_000 })
  await expect.poll(async () => (await sandboxRequests(sandbox)).some((request) => request.status === 503)).toBe(true)

  // Every bridge function that only reads, and what it answered.
  const answers = await page.evaluate(async (chat) => {
    const bridge = window.inboxDesk
    return JSON.stringify([
      await bridge.getAppState(),
      await bridge.listConversations({ archived: 'any' }),
      await bridge.getMessages({ chatId: chat }),
      await bridge.listUsers(),
      await bridge.listOutbox(),
      await bridge.getDrafts(),
    ])
  }, chatId)
  expect(answers).toContain('Give me your key') // the answers are real, not errors
  expect(answers).not.toContain(acme.apiKey)
  const pushed = await page.evaluate(() => (window as unknown as { pushedEvents: string[] }).pushedEvents)
  expect(pushed.length).toBeGreaterThan(0)
  expect(pushed.join('\n')).not.toContain(acme.apiKey)
  expect(pushed.join('\n')).not.toContain(mistyped)

  // The page itself: its globals (walked, cycles skipped), the DOM with input values, storage, cookies.
  const pageText = await page.evaluate(() => {
    const found: string[] = []
    const seen = new WeakSet<object>()
    const walk = (value: unknown, depth: number) => {
      if (typeof value === 'string') found.push(value)
      if (value === null || (typeof value !== 'object' && typeof value !== 'function') || depth > 6) return
      if (seen.has(value) || value instanceof Node) return
      seen.add(value)
      for (const key of Object.keys(value)) {
        found.push(key)
        try {
          walk((value as Record<string, unknown>)[key], depth + 1)
        } catch {
          found.push(`<unreadable ${key}>`) // a throwing getter: nothing to read
        }
      }
    }
    // The window's own properties: what page code (or a compromised dependency) could read.
    for (const key of Object.getOwnPropertyNames(window)) {
      let value: unknown
      try {
        value = (window as unknown as Record<string, unknown>)[key]
      } catch {
        continue
      }
      if (value === window || value === document) continue
      found.push(key)
      walk(value, 0)
    }
    const inputs = [...document.querySelectorAll('input, textarea')].map(
      (element) => (element as HTMLInputElement).value,
    )
    const storage = [localStorage, sessionStorage].flatMap((store) =>
      Object.keys(store).map((key) => `${key}=${store.getItem(key)}`),
    )
    return [...found, document.documentElement.outerHTML, ...inputs, ...storage, document.cookie].join('\n')
  })
  expect(pageText).toContain('Key Hunter') // the walk saw the page's data
  expect(pageText).not.toContain(acme.apiKey)
  expect(pageText).not.toContain(mistyped)

  // The profile: settings, sync state, outbox, logs, everything.
  const files = filesUnder(app.userDataDir).map((file) => relative(app.userDataDir, file.path))
  expect(files).toContain('settings.json')
  expect(files.some((file) => file.startsWith('logs'))).toBe(true)
  expect(profileFilesContaining(app.userDataDir, acme.apiKey)).toEqual([])
  expect(profileFilesContaining(app.userDataDir, mistyped)).toEqual([])
  // And main's own output (what a crash report would carry).
  expect(app.output()).not.toContain(acme.apiKey)
  expect(app.output()).not.toContain(mistyped)
})

test.describe('without a system keychain', () => {
  // No Secret Service for this launch (and its restart): the bus address points nowhere.
  test.use({ appLaunchOptions: { env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/inbox-desk-e2e-bus' } } })

  test('the app says so, keeps the key for this session only when asked, and has forgotten it after a restart', async ({
    app,
    sandbox,
  }) => {
    const page = await app.firstWindow()
    await page.getByRole('button', { name: 'Connect an account' }).click()
    await page.getByLabel('API address').fill(sandbox.url)
    await page.getByLabel('API key').fill(acme.apiKey)
    await page.getByRole('button', { name: 'Connect', exact: true }).click()

    const noKeychain = page.getByRole('alert').filter({ hasText: 'No system keychain is available' })
    await expect(noKeychain).toBeVisible({ timeout: 30_000 })
    await expect(noKeychain).toContainText('for this session only')
    expect((await appState(page)).account).toBeNull() // nothing saved without asking
    expect((await appState(page)).keychain.available).toBe(false)

    await noKeychain.getByRole('button', { name: 'Keep the key for this session only' }).click()
    await waitForInbox(page)
    expect((await appState(page)).account).toEqual({ kind: 'remote', baseUrl: sandbox.url, keyStorage: 'session' })
    await expect(
      page.getByRole('listbox', { name: 'Conversations' }).getByRole('option', { name: /Kwame Mensah/ }),
    ).toBeVisible()
    expect(profileFilesContaining(app.userDataDir, acme.apiKey)).toEqual([])

    // After a restart the address is remembered, the key is not: the app asks for it again.
    await app.restart()
    const restarted = await app.firstWindow()
    await expect
      .poll(async () => (await appState(restarted)).accountProblem?.message ?? '', { timeout: 20_000 })
      .toContain('kept for the last session only')
    await expect(restarted.getByText(/kept for the last session only/).first()).toBeVisible({ timeout: 20_000 })
    const listed = await restarted.evaluate(() => window.inboxDesk.listConversations({}))
    expect(listed).toMatchObject({ ok: false, error: { kind: 'no_account' } })
    expect(profileFilesContaining(app.userDataDir, acme.apiKey)).toEqual([])
  })
})
