/**
 * The main flows in Arabic (right to left) and Brazilian Portuguese, the language the OS gives (the shim's
 * `app.getPreferredSystemLanguages()`): connect from the welcome screen, open, reply, assign, archive, with the
 * labels checked against the shipped catalogs. The language picked in Settings applies live (English → Arabic).
 * And in English, an Arabic customer message still reads right to left (`dir="auto"`).
 */
import type { Page } from '@playwright/test'
import ar from '../../src/shared/i18n/catalogs/ar.json'
import ptBR from '../../src/shared/i18n/catalogs/pt-BR.json'
import { localeNames } from '../../src/shared/i18n/locales'
import { SANDBOX_ACCOUNTS } from '../../src/sandbox'
import { appState, connectToSandbox, expect, sandboxRequests, test, type InboxDeskApp } from './fixtures'
import type { RunningSandbox } from '../../src/sandbox'
import { conversationNamed, conversationRow } from './inbox-page'

type Catalog = typeof ptBR

async function pickLanguage(page: Page, language: string): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click()
  await page
    .locator('input')
    .and(page.getByLabel('Language', { exact: true }))
    .click()
  await page.getByRole('option', { name: language, exact: true }).click()
  await page.keyboard.press('Escape')
}

/** The welcome screen and the connect form, in the catalog's words: the flow's first step. */
async function connectIn(app: InboxDeskApp, sandbox: RunningSandbox, catalog: Catalog): Promise<Page> {
  const page = await app.firstWindow()
  await expect(page.getByRole('heading', { name: catalog.welcome.title })).toBeVisible()
  await page.getByRole('button', { name: catalog.connect.title }).click()
  // Mantine appends " *" to required labels: match the start.
  await page.getByLabel(new RegExp(`^${catalog.connect.address}`)).fill(sandbox.url)
  await page.getByLabel(new RegExp(`^${catalog.connect.key}`)).fill(SANDBOX_ACCOUNTS.acme.apiKey)
  await page.getByRole('button', { name: catalog.connect.connect, exact: true }).click()
  await expect.poll(async () => (await appState(page)).account, { timeout: 20_000 }).not.toBeNull()
  await expect(page.getByRole('navigation', { name: catalog.views.label })).toBeVisible({ timeout: 20_000 })
  return page
}

const cases: { locale: 'ar' | 'pt-BR'; catalog: Catalog; dir: 'rtl' | 'ltr' }[] = [
  { locale: 'ar', catalog: ar as unknown as Catalog, dir: 'rtl' },
  { locale: 'pt-BR', catalog: ptBR, dir: 'ltr' },
]

for (const { locale, catalog, dir } of cases) {
  test.describe(`in ${locale}`, () => {
    test.use({ appLaunchOptions: { systemLocales: [locale === 'ar' ? 'ar-EG' : 'pt-BR', 'en-US'] } })

    test(`connect, open, reply, assign and archive in ${locale}`, async ({ app, sandbox }) => {
      const page = await app.firstWindow()
      const root = page.locator('html')
      // From the first screen: the OS's language, mirrored in Arabic.
      await expect(root).toHaveAttribute('lang', locale)
      await expect(root).toHaveAttribute('dir', dir)
      await connectIn(app, sandbox, catalog)
      await expect(page.getByRole('navigation', { name: catalog.views.label })).toBeVisible()
      await expect(page.getByRole('button', { name: catalog.header.settings, exact: true })).toBeVisible()

      // A contact named by a phone number: the row shows it left to right whatever the UI direction.
      await page.getByRole('textbox', { name: catalog.list.search }).fill('+61412345678')
      const numbered = page.getByRole('listbox', { name: catalog.list.label }).locator('[data-phone]').first()
      await expect(numbered).toHaveAttribute('dir', 'ltr')
      await expect(numbered).toHaveText('+61412345678')
      expect(await numbered.evaluate((element) => getComputedStyle(element).direction)).toBe('ltr')

      // Open: through the translated search box and list.
      const name = 'Kwame Mensah'
      await page.getByRole('textbox', { name: catalog.list.search }).fill(name)
      await page
        .getByRole('listbox', { name: catalog.list.label })
        .getByRole('option', { name: new RegExp(name) })
        .click()
      const messages = page.getByRole('region', { name: catalog.thread.messages.replace('{{name}}', name) })
      await expect(messages).toBeVisible()

      // The contact's phone number in the thread header reads left to right, in Arabic too.
      const thread = page.getByRole('region', { name: catalog.thread.label.replace('{{name}}', name) })
      const phone = thread.locator('[data-phone]').first()
      await expect(phone).toHaveAttribute('dir', 'ltr')
      await expect(phone).toHaveText(/^\+[\d ]+$/)
      expect(await phone.evaluate((element) => getComputedStyle(element).direction)).toBe('ltr')
      // …while the layout around it stays mirrored.
      expect(await thread.evaluate((element) => getComputedStyle(element).direction)).toBe(dir)

      // Reply: it reaches the server.
      const text = `Resposta ${locale} ${Date.now()}`
      await page.getByRole('textbox', { name: catalog.composer.reply }).fill(text)
      await page.getByRole('button', { name: catalog.composer.send }).click()
      await expect(messages.getByText(text)).toBeVisible()
      await expect
        .poll(async () =>
          (await sandboxRequests(sandbox)).some((r) => r.method === 'POST' && r.path === '/conversations/reply'),
        )
        .toBe(true)

      // Assign to the first teammate listed.
      await page.getByRole('button', { name: catalog.assign.assign, exact: true }).click()
      const teammate = page.getByRole('list', { name: catalog.assign.teammates }).getByRole('button').first()
      const teammateName = (await teammate.innerText()).trim()
      await teammate.click()
      const assigned = catalog.assign.change.replace('{{name}}', teammateName)
      await expect(page.getByRole('button', { name: assigned })).toBeVisible()
      await expect.poll(async () => (await conversationNamed(page, name)).assignee?.displayName).toBe(teammateName)

      // Archive.
      await page.getByRole('button', { name: catalog.thread.archive, exact: true }).click()
      await expect.poll(async () => (await conversationNamed(page, name)).archived).toBe(true)
      await expect(page.getByRole('button', { name: catalog.thread.unarchive, exact: true })).toBeVisible()
      // The toast built in code (not JSX) is translated too, Undo included.
      await expect(page.getByText(catalog.actions.archived, { exact: true })).toBeVisible()
      await expect(page.getByRole('button', { name: catalog.actions.undo, exact: true })).toBeVisible()

      // The shortcut list, once a table of English literals.
      await page.locator('body').press('?')
      const sheet = page.getByRole('dialog', { name: catalog.shortcuts.title })
      await expect(sheet).toBeVisible()
      await expect(sheet.getByText(catalog.shortcuts.next, { exact: true })).toBeVisible()
      await page.keyboard.press('Escape')
    })
  })
}

test('the language picked in Settings applies live: English to Arabic, mirrored at once', async ({ app, sandbox }) => {
  const page = await connectToSandbox(app, sandbox)
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr')
  await pickLanguage(page, localeNames.ar)
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar')
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  const catalog = ar as unknown as Catalog
  await expect(page.getByRole('navigation', { name: catalog.views.label })).toBeVisible()
})

test('an English UI shows an Arabic customer message right to left', async ({ app, sandbox }) => {
  const page = await connectToSandbox(app, sandbox)
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr')
  await page.getByRole('textbox', { name: 'Search conversations' }).fill('Fatima')
  await conversationRow(page, 'Fatima Al-Sayed').click()
  const bubble = page
    .getByRole('region', { name: 'Messages with Fatima Al-Sayed' })
    .locator('[data-direction="inbound"]')
    .filter({ hasText: 'مرحبا' })
    .first()
  const text = bubble.locator('[dir="auto"]').first()
  await expect(text).toBeVisible()
  expect(await text.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl')
  // And the reply box: Arabic typed into it runs right to left too.
  const reply = page.getByRole('textbox', { name: 'Reply' })
  await reply.fill('شكرًا، سنرسل الطلب اليوم.')
  expect(await reply.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl')
})
