/**
 * Playwright fixtures for end-to-end specs: import `test` and `expect` from
 * here instead of '@playwright/test'.
 *
 * - `sandbox`: a fresh sandbox Inbox API server per test (demo seed, 200 ms
 *   delivery steps), closed afterwards. Override with
 *   `test.use({ sandboxOptions: { ... } })`.
 * - `app`: the built Inbox Desk launched on a fresh profile, closed afterwards
 *   (its main-process output is attached to a failing test). Override launch
 *   options with `test.use({ appLaunchOptions: { ... } })`.
 * - `appWindow`: the app's first window (a Playwright Page), loaded.
 *
 * And helpers that drive the welcome screen: `connectToSandbox`, `exploreDemo`,
 * plus `sandboxControl` for the sandbox's /_sandbox routes.
 *
 * Do not use Playwright's built-in `page`/`context` fixtures for the app:
 * they are a plain browser tab, not the app's window.
 */
import { test as base, expect, type Page } from '@playwright/test'
import { SANDBOX_ACCOUNTS, startSandbox, type RunningSandbox, type SandboxOptions } from '../../src/sandbox'
import { launchApp, type InboxDeskApp, type LaunchOptions } from './harness'
import { sandboxControl, sandboxRequests } from './sandbox-control'

export { expect, sandboxControl, sandboxRequests }
export type { InboxDeskApp, LaunchOptions }

export interface E2eFixtures {
  sandboxOptions: SandboxOptions
  sandbox: RunningSandbox
  appLaunchOptions: LaunchOptions
  app: InboxDeskApp
  appWindow: Page
}

export const test = base.extend<E2eFixtures>({
  sandboxOptions: [{ port: 0, seed: 'demo', deliveryMs: 200 }, { option: true }],
  sandbox: async ({ sandboxOptions }, use) => {
    const sandbox = await startSandbox(sandboxOptions)
    try {
      await use(sandbox)
    } finally {
      await sandbox.close()
    }
  },
  appLaunchOptions: [{}, { option: true }],
  app: async ({ appLaunchOptions }, use, testInfo) => {
    const app = await launchApp(appLaunchOptions)
    try {
      await use(app)
    } finally {
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('main-process-output.txt', { body: app.output(), contentType: 'text/plain' })
      }
      await app.close()
    }
  },
  appWindow: async ({ app }, use) => {
    await use(await app.firstWindow())
  },
})

export type SandboxAccountSlug = keyof typeof SANDBOX_ACCOUNTS

/** The app's own view of its state, through the bridge (what the renderer sees). */
export async function appState(page: Page) {
  const result = await page.evaluate(() => window.inboxDesk.getAppState())
  if (!result.ok) throw new Error(`getAppState failed: ${result.error.kind}: ${result.error.message}`)
  return result.value
}

/** Waits until the connected inbox is on screen. */
export async function waitForInbox(page: Page): Promise<void> {
  await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible({ timeout: 20_000 })
}

/**
 * Connects the app to the sandbox through the welcome screen, as a user
 * would: "Connect an account", the API address and key, "Connect". Resolves
 * once the account is saved and the inbox shows. Needs a keychain (the e2e
 * tests run in a dbus session with gnome-keyring: `npm test`).
 */
export async function connectToSandbox(
  app: InboxDeskApp,
  sandbox: RunningSandbox,
  options: { account?: SandboxAccountSlug; apiKey?: string } = {},
): Promise<Page> {
  const page = await app.firstWindow()
  const apiKey = options.apiKey ?? SANDBOX_ACCOUNTS[options.account ?? 'acme'].apiKey
  await page.getByRole('button', { name: 'Connect an account' }).click()
  // Mantine appends " *" to required labels: match the start.
  await page.getByLabel(/^API address/).fill(sandbox.url)
  await page.getByLabel(/^API key/).fill(apiKey)
  await page.getByRole('button', { name: 'Connect', exact: true }).click()
  const noKeychain = page.getByRole('alert').filter({ hasText: 'No system keychain is available' })
  await expect(async () => {
    if (await noKeychain.isVisible()) {
      throw new Error('No keychain: run e2e specs inside a dbus session with gnome-keyring unlocked (`npm test` does).')
    }
    expect((await appState(page)).account).not.toBeNull()
  }).toPass({ timeout: 20_000 })
  await waitForInbox(page)
  return page
}

/**
 * `connectToSandbox` with the history backfill off (Settings → Offline history), for specs about what the
 * app asks when nothing is stored: a thread that fails to load, the requests one read costs, "nothing sent
 * before Retry-After ends" read from the request log (whose times are when answers left: a backfill request
 * in flight when the 429 is answered is logged after it). The backfill is tested in tests/e2e/backfill.spec.ts
 * and src/main/backfill.
 */
export async function connectWithoutBackfill(
  app: InboxDeskApp,
  sandbox: RunningSandbox,
  options: { account?: SandboxAccountSlug; apiKey?: string } = {},
): Promise<Page> {
  const welcome = await app.firstWindow()
  const saved = await welcome.evaluate(() => window.inboxDesk.updateSettings({ historyDays: 0 }))
  expect(saved.ok).toBe(true)
  return connectToSandbox(app, sandbox, options)
}

/** Starts the demo workspace from the welcome screen and waits for the inbox. */
export async function exploreDemo(app: InboxDeskApp): Promise<Page> {
  const page = await app.firstWindow()
  await page.getByRole('button', { name: 'Explore the demo workspace' }).click()
  await expect.poll(async () => (await appState(page)).account?.kind, { timeout: 20_000 }).toBe('demo')
  await waitForInbox(page)
  return page
}
