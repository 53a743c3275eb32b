/**
 * A window that keeps crashing (issue 9 §4): reloaded twice, then the recovery page instead of a reload loop, and
 * each of its buttons working — Copy diagnostics (no key, no customer data), Clear cached data (the web storage
 * goes; the account and the drafts stay), Reload — in the agent's language. The window is crashed with
 * webContents.forcefullyCrashRenderer() (the shim: reason `killed`; a real Electron kills the renderer).
 */
import type { Page } from '@playwright/test'
import ar from '../../src/shared/i18n/catalogs/ar.json'
import { connectToSandbox, expect, test, waitForInbox, type InboxDeskApp } from './fixtures'
import { chatIdOf } from './inbox-page'

const crash = (app: InboxDeskApp) =>
  app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.forcefullyCrashRenderer())
const windowUrl = async (app: InboxDeskApp) => (await app.records()).windows[0]?.url ?? ''

/** app://inbox-desk/…, which the shim shows as https://inbox-desk.app-scheme.invalid/… */
const UI_URL = /^(app:\/\/inbox-desk\/|https:\/\/inbox-desk\.app-scheme\.invalid\/)/

/** Crashes the window and waits for what main loads next (the shim blanks the dead page first). */
async function crashAndWait(app: InboxDeskApp, page: Page, next: RegExp): Promise<void> {
  if (app.kind === 'shim') await Promise.all([page.waitForURL('about:blank'), crash(app)])
  else await crash(app)
  await page.waitForURL(next)
  await page.waitForLoadState('load')
}

/** Crashes the window three times: the first two reload the UI, the third shows the recovery page. */
async function crashUntilRecovery(app: InboxDeskApp, page: Page): Promise<void> {
  for (let i = 0; i < 2; i++) await crashAndWait(app, page, UI_URL)
  await crashAndWait(app, page, /^data:text\/html/)
  expect(await windowUrl(app)).toMatch(/^data:text\/html/)
}

test('after three crashes the recovery page: Copy diagnostics, Clear cached data, Reload all work', async ({
  app,
  sandbox,
}) => {
  test.setTimeout(120_000)
  const page = await connectToSandbox(app, sandbox)
  const chatId = await chatIdOf(page, 'Kwame Mensah')
  await page.evaluate((chat) => window.inboxDesk.setDraft({ chatId: chat, text: 'Kept through the crash' }), chatId)
  await page.evaluate(() => localStorage.setItem('probe', 'cached'))

  await crashUntilRecovery(app, page)
  await expect(page.getByRole('heading', { name: 'Inbox Desk’s window crashed' })).toBeVisible()
  await page.screenshot({ path: test.info().outputPath('recovery-light.png') })

  // Copy diagnostics: the app and the crashes, never the key, the server or a customer.
  await page.getByRole('button', { name: 'Copy diagnostics' }).click()
  await expect(page.getByRole('status')).toHaveText(/Diagnostics copied/)
  const copied = await app.evaluate(({ clipboard }) => clipboard.readText())
  expect(copied).toMatch(/^Inbox Desk \d+\.\d+\.\d+\nPlatform: /)
  expect(copied.match(/ killed \(exit code 9\)/g)).toHaveLength(3)
  for (const secret of ['sandbox-acme-key', sandbox.url, 'Kwame', 'Kept through the crash', app.userDataDir]) {
    expect(copied).not.toContain(secret)
  }

  // Clear cached data: the web storage is gone, the account and the draft are not, and the UI is back.
  // (The button's own navigation is stopped by main, so wait on main's view of the window, not on the page's.)
  await page.getByRole('button', { name: 'Clear cached data' }).click()
  await expect.poll(() => windowUrl(app)).toBe('app://inbox-desk/index.html')
  await waitForInbox(page)
  expect(await page.evaluate(() => localStorage.getItem('probe'))).toBeNull()
  const drafts = await page.evaluate(() => window.inboxDesk.getDrafts())
  expect(drafts.ok && drafts.value[chatId]).toBe('Kept through the crash')
  if (app.kind === 'shim') {
    expect((await app.records()).sessionCleared).toEqual([
      'cache',
      'storage:cookies,filesystem,indexdb,localstorage,shadercache,serviceworkers,cachestorage',
    ])
  }

  // The count starts afresh after the agent's choice; Reload brings the UI back.
  await crashUntilRecovery(app, page)
  await page.getByRole('button', { name: 'Reload' }).click()
  await expect.poll(() => windowUrl(app)).toBe('app://inbox-desk/index.html')
  await waitForInbox(page)
})

test('the recovery page speaks the agent’s language (Arabic, right to left, dark)', async ({ app, sandbox }) => {
  test.setTimeout(120_000)
  const page = await connectToSandbox(app, sandbox)
  expect((await page.evaluate(() => window.inboxDesk.updateSettings({ locale: 'ar' }))).ok).toBe(true)
  await page.emulateMedia({ colorScheme: 'dark' })
  await crashUntilRecovery(app, page)
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page.getByRole('heading', { name: ar.recovery.title })).toBeVisible()
  await page.screenshot({ path: test.info().outputPath('recovery-ar-dark.png') })
  await page.getByRole('button', { name: ar.recovery.reload }).click()
  await expect.poll(() => windowUrl(app)).toBe('app://inbox-desk/index.html')
})

test('the recovery page follows Settings → Theme: Dark on a light OS is dark; System is the OS’s again', async ({
  app,
  sandbox,
}) => {
  test.setTimeout(120_000)
  const page = await connectToSandbox(app, sandbox)
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  // The OS is light (Chromium's default); the agent chose Dark, which main hands to nativeTheme.themeSource.
  expect((await page.evaluate(() => window.inboxDesk.updateSettings({ theme: 'dark' }))).ok).toBe(true)
  await crashUntilRecovery(app, page)
  await expect(page.getByRole('heading', { name: 'Inbox Desk’s window crashed' })).toBeVisible()
  expect(await background()).toBe('rgb(26, 27, 30)')
  await page.screenshot({ path: test.info().outputPath('recovery-theme-dark.png') })

  await page.getByRole('button', { name: 'Reload' }).click()
  await expect.poll(() => windowUrl(app)).toBe('app://inbox-desk/index.html')
  await waitForInbox(page)
  expect((await page.evaluate(() => window.inboxDesk.updateSettings({ theme: 'system' }))).ok).toBe(true)
  await crashUntilRecovery(app, page)
  expect(await background()).toBe('rgb(255, 255, 255)')
})
