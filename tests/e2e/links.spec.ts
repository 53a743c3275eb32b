/**
 * Links from customers (issue 9 §4) through the built app: one whose text is not the address it opens (a look-alike
 * host), or with a user name and password in it, asks first and shows the real address; Cancel opens nothing; a
 * plain https link that says what it opens goes straight to the browser. What "the browser" got is the shim's (or
 * the e2e hooks') record of shell.openExternal.
 */
import type { Page } from '@playwright/test'
import ar from '../../src/shared/i18n/catalogs/ar.json'
import { connectToSandbox, expect, sandboxControl, test, type InboxDeskApp } from './fixtures'
import { conversationNamed, openConversation } from './inbox-page'

const CONTACT = 'Kwame Mensah'
/** «а» here is Cyrillic (U+0430): the text reads example.com, the address is its xn-- form. */
const LOOK_ALIKE = 'https://exаmple.com/pay'
const LOOK_ALIKE_TARGET = 'https://xn--exmple-4nf.com/pay'
const CREDENTIALS = 'https://bank.example:secret@evil.example/login'
const PLAIN = 'https://example.com/help?topic=refunds'

async function threadWithLinks(app: InboxDeskApp, sandbox: Parameters<typeof connectToSandbox>[1]): Promise<Page> {
  const page = await connectToSandbox(app, sandbox)
  const chat = await conversationNamed(page, CONTACT)
  for (const text of [`Pay here: ${LOOK_ALIKE}`, `Or log in at ${CREDENTIALS}`, `Help: ${PLAIN}`]) {
    await sandboxControl(sandbox, 'POST', '/_sandbox/inbound', { apiKey: 'sandbox-acme-key', chatId: chat.id, text })
  }
  // Opening fetches the newest page, so the new messages show even without sync events.
  await page.reload()
  await openConversation(page, CONTACT)
  return page
}

const opened = async (app: InboxDeskApp) => (await app.records()).openedExternalUrls

test('a link whose text is not its address asks first, shows the real one, and opens only on "Open link"', async ({
  app,
  sandbox,
}) => {
  const page = await threadWithLinks(app, sandbox)
  await page.getByRole('link', { name: LOOK_ALIKE }).click()
  const dialog = page.getByRole('dialog', { name: 'Open this link?' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByTestId('link-target')).toHaveText(LOOK_ALIKE_TARGET)
  await expect(dialog.getByText('The address it opens is not the one the message shows.')).toBeVisible()
  await page.screenshot({ path: test.info().outputPath('link-dialog-light.png') })
  expect(await opened(app)).toEqual([])
  await dialog.getByRole('button', { name: 'Open link' }).click()
  await expect(dialog).toBeHidden()
  await expect.poll(() => opened(app)).toEqual([LOOK_ALIKE_TARGET])
})

test('Cancel opens nothing; a link with a user name and password in it asks too', async ({ app, sandbox }) => {
  const page = await threadWithLinks(app, sandbox)
  await page.getByRole('link', { name: CREDENTIALS }).click()
  const dialog = page.getByRole('dialog', { name: 'Open this link?' })
  await expect(dialog.getByTestId('link-target')).toHaveText(CREDENTIALS)
  await expect(dialog.getByText(/carries a user name or password/)).toBeVisible()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  // A middle click does not get past the question either (it would otherwise become a window.open).
  await page.getByRole('link', { name: CREDENTIALS }).click({ button: 'middle' })
  await expect(dialog).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  // Then a plain link opens, and only it did: nothing was queued behind the cancelled ones.
  await page.getByRole('link', { name: PLAIN }).click()
  await expect.poll(() => opened(app)).toEqual([PLAIN])
  const { windowOpenRequests } = await app.records()
  expect(windowOpenRequests).toEqual([])
})

test('a plain https link that says what it opens opens at once, no question', async ({ app, sandbox }) => {
  const page = await threadWithLinks(app, sandbox)
  await page.getByRole('link', { name: PLAIN }).click()
  await expect.poll(() => opened(app)).toEqual([PLAIN])
  await expect(page.getByRole('dialog')).toHaveCount(0)
})

test('the question in Arabic and dark: translated, the address left to right', async ({ app, sandbox }) => {
  const page = await threadWithLinks(app, sandbox)
  const updated = await page.evaluate(() => window.inboxDesk.updateSettings({ locale: 'ar', theme: 'dark' }))
  expect(updated.ok).toBe(true)
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await page.getByRole('link', { name: LOOK_ALIKE }).click()
  const dialog = page.getByRole('dialog', { name: ar.link.title })
  await expect(dialog.getByTestId('link-target')).toHaveCSS('direction', 'ltr')
  await expect(dialog.getByRole('button', { name: ar.link.open })).toBeVisible()
  await page.screenshot({ path: test.info().outputPath('link-dialog-ar-dark.png') })
  await dialog.getByRole('button', { name: ar.link.cancel }).click()
  expect(await opened(app)).toEqual([])
})
