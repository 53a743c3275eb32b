/**
 * Onboarding through the welcome screen, as a user does it: a good key, a
 * wrong key, a wrong address, the demo workspace, changing the theme and
 * removing the account. Runs in a dbus session with gnome-keyring (`npm test`).
 */
import { createServer } from 'node:net'
import { SANDBOX_ACCOUNTS } from '../../src/sandbox'
import { seriousAxeViolations } from './axe'
import { appState, connectToSandbox, expect, exploreDemo, test, waitForInbox } from './fixtures'

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

test('the welcome screen offers both choices and has no serious accessibility problem', async ({ appWindow }) => {
  await expect(appWindow.getByRole('button', { name: 'Connect an account' })).toBeVisible()
  await expect(appWindow.getByRole('button', { name: 'Explore the demo workspace' })).toBeVisible()
  expect(await seriousAxeViolations(appWindow)).toEqual([])
})

test('connecting with a good key saves the account and shows the inbox', async ({ app, sandbox }) => {
  const page = await connectToSandbox(app, sandbox)
  const state = await appState(page)
  expect(state.account).toEqual({ kind: 'remote', baseUrl: sandbox.url, keyStorage: 'keychain' })
  await expect(page.getByRole('listbox', { name: 'Conversations' }).getByRole('option').first()).toBeVisible()
  // The key never reaches the page.
  expect(await page.content()).not.toContain(SANDBOX_ACCOUNTS.acme.apiKey)
  expect(await seriousAxeViolations(page)).toEqual([])
})

test('a wrong key gets its own clear message and keeps what was typed', async ({ appWindow: page, sandbox }) => {
  await page.getByRole('button', { name: 'Connect an account' }).click()
  await page.getByLabel('API address', { exact: true }).fill(sandbox.url)
  await page.getByLabel('API key', { exact: true }).fill('not-the-right-key')
  await page.getByRole('button', { name: 'Connect', exact: true }).click()
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('Key refused')
  await expect(alert).toContainText('The server refused this API key')
  await expect(page.getByLabel('API address', { exact: true })).toHaveValue(sandbox.url)
  await expect(page.getByLabel('API key', { exact: true })).toHaveValue('not-the-right-key')
  expect((await appState(page)).account).toBeNull()
})

test('an address where nothing answers is told apart from a wrong key', async ({ appWindow: page }) => {
  const url = `http://127.0.0.1:${await closedPort()}`
  await page.getByRole('button', { name: 'Connect an account' }).click()
  await page.getByLabel('API address', { exact: true }).fill(url)
  await page.getByLabel('API key', { exact: true }).fill(SANDBOX_ACCOUNTS.acme.apiKey)
  await page.getByRole('button', { name: 'Connect', exact: true }).click()
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('Could not reach the server', { timeout: 20_000 })
  await expect(alert).toContainText(url)
  expect((await appState(page)).account).toBeNull()
})

test('an empty form says which field is missing', async ({ appWindow: page }) => {
  await page.getByRole('button', { name: 'Connect an account' }).click()
  await page.getByLabel('API address', { exact: true }).fill('http://127.0.0.1:1')
  await page.getByRole('button', { name: 'Connect', exact: true }).click()
  await expect(page.getByRole('alert')).toContainText('Enter the API key')
})

test('the demo workspace opens an inbox without an account key', async ({ app }) => {
  const page = await exploreDemo(app)
  await expect(page.getByText('Demo workspace')).toBeVisible()
  await expect(page.getByRole('listbox', { name: 'Conversations' }).getByRole('option').first()).toBeVisible()
})

test('the theme setting switches light and dark, and is saved', async ({ app, sandbox }) => {
  const page = await connectToSandbox(app, sandbox)
  await page.getByRole('button', { name: 'Settings' }).click()
  const theme = page.getByRole('radiogroup', { name: 'Theme' })
  await theme.getByText('Dark', { exact: true }).click()
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark')
  await expect.poll(async () => (await appState(page)).settings.theme).toBe('dark')
  expect(await seriousAxeViolations(page)).toEqual([])
  // The inbox with a thread open, in dark.
  await page.getByRole('button', { name: 'Close settings' }).click()
  await page
    .getByRole('listbox', { name: 'Conversations' })
    .getByRole('option', { name: /Kwame Mensah/ })
    .click()
  await expect(page.getByRole('region', { name: 'Messages with Kwame Mensah' })).toBeVisible()
  expect(await seriousAxeViolations(page)).toEqual([])
  await page.getByRole('button', { name: 'Settings' }).click()
  await theme.getByText('Light', { exact: true }).click()
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'light')
  await expect.poll(async () => (await appState(page)).settings.theme).toBe('light')
})

test('removing the account asks first, then returns to the welcome screen', async ({ app, sandbox }) => {
  const page = await connectToSandbox(app, sandbox)
  await page.getByRole('button', { name: 'Settings' }).click()
  await page.getByRole('button', { name: 'Remove account' }).click()
  const dialog = page.getByRole('dialog', { name: 'Remove this account?' })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: 'Keep account' }).click()
  expect((await appState(page)).account).not.toBeNull()

  await page.getByRole('button', { name: 'Remove account' }).click()
  await page
    .getByRole('dialog', { name: 'Remove this account?' })
    .getByRole('button', { name: 'Remove', exact: true })
    .click()
  await expect(page.getByRole('button', { name: 'Connect an account' })).toBeVisible()
  expect((await appState(page)).account).toBeNull()

  // And the account stays removed after a restart.
  await app.restart()
  const again = await app.firstWindow()
  await expect(again.getByRole('button', { name: 'Connect an account' })).toBeVisible()
})

test('change account opens the connect form with the address filled in', async ({ app, sandbox }) => {
  const page = await connectToSandbox(app, sandbox)
  await page.getByRole('button', { name: 'Settings' }).click()
  await page.getByRole('button', { name: 'Change account' }).click()
  await expect(page.getByLabel('API address', { exact: true })).toHaveValue(sandbox.url)
  await page.getByLabel('API key', { exact: true }).fill(SANDBOX_ACCOUNTS.globex.apiKey)
  await page.getByRole('button', { name: 'Connect', exact: true }).click()
  await waitForInbox(page)
  await expect.poll(async () => (await appState(page)).account?.baseUrl).toBe(sandbox.url)
})
