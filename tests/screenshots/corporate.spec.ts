/**
 * `npm run screenshots`: the corporate-desktop and safety screens (issues 9 and 15) in English light and dark,
 * Arabic dark (right to left) and German light, into docs/screenshots/ as `<screen>[-<locale>]-<scheme>.png`:
 * the update banner, Settings → Updates, Settings → Network with a refused proxy address, the spell-check
 * picker, the link confirm dialog and the recovery page. The language is the OS's (the shim's
 * `systemLocales`), so every screen is in it from the first; each step asserts what it shows, in the catalog's
 * words. (The reply box's context menu is a native menu: the shim records it, it draws nothing to shoot;
 * tests/e2e/spellcheck.spec.ts checks its items.)
 */
import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import ar from '../../src/shared/i18n/catalogs/ar.json'
import de from '../../src/shared/i18n/catalogs/de.json'
import en from '../../src/shared/i18n/catalogs/en.json'
import { SANDBOX_ACCOUNTS } from '../../src/sandbox'
import { appState, expect, sandboxControl, test, type InboxDeskApp } from '../e2e/fixtures'
import { conversationNamed } from '../e2e/inbox-page'

const OUT_DIR = resolve(__dirname, '../../docs/screenshots')
type Catalog = typeof en

async function settle(page: Page) {
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((done) => requestAnimationFrame(done))))
}

const variants = [
  { locale: 'en', catalog: en, scheme: 'light', systemLocales: ['en-US'] },
  { locale: 'en', catalog: en, scheme: 'dark', systemLocales: ['en-US'] },
  { locale: 'ar', catalog: ar as unknown as Catalog, scheme: 'dark', systemLocales: ['ar-EG'] },
  { locale: 'de', catalog: de as unknown as Catalog, scheme: 'light', systemLocales: ['de-DE'] },
] as const

const LOOK_ALIKE = 'https://exаmple.com/pay'
const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole)

for (const { locale, catalog, scheme, systemLocales } of variants) {
  const suffix = `${locale === 'en' ? '' : `-${locale}`}-${scheme}`
  const shoot = async (page: Page, name: string) => {
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme)
    await settle(page)
    await page.screenshot({ path: `${OUT_DIR}/${name}${suffix}.png`, animations: 'disabled', caret: 'hide' })
  }

  test.describe(`${locale}, ${scheme}`, () => {
    test.use({
      appLaunchOptions: {
        env: { INBOX_DESK_E2E_UPDATES: '1', INBOX_DESK_E2E_UPDATE_OFFER: '0.2.0' },
        systemLocales: [...systemLocales],
      },
    })

    test(`updates, network, spell-check, link and recovery screens in ${locale}, ${scheme}`, async ({
      app,
      sandbox,
    }) => {
      test.setTimeout(240_000)
      const page = await app.firstWindow()
      await app.setWindowBounds({ width: 1280, height: 800 })
      await page.emulateMedia({ colorScheme: scheme })
      await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr')
      await connect(app, page, sandbox.url, catalog)

      // Settings → Updates, once the stand-in updater has downloaded 0.2.0.
      await page.getByRole('button', { name: catalog.header.settings, exact: true }).click()
      const updates = page.getByRole('region', { name: catalog.updates.title })
      await updates.getByRole('button', { name: catalog.updates.checkNow }).click()
      await expect(updates).toContainText(fill(catalog.updates.downloaded, { version: '0.2.0' }))
      await updates.evaluate((element) => element.scrollIntoView({ block: 'start' }))
      await shoot(page, 'updates-settings')

      // Settings → Network: a manual proxy written without its scheme is refused, with the catalog's sentence.
      const network = page.getByRole('region', { name: catalog.settings.network })
      await network.getByRole('radio', { name: catalog.settings.proxyManual }).check()
      await network.getByRole('textbox', { name: catalog.settings.proxyUrl }).fill('proxy.example.com:8080')
      await network.getByRole('button', { name: catalog.settings.proxySave }).click()
      await expect(network.getByText(catalog.settings.proxyProblem.not_url)).toBeVisible()
      await network.evaluate((element) => element.scrollIntoView({ block: 'start' }))
      await shoot(page, 'network-settings')

      // The spell-check picker, open.
      const picker = page.locator('input').and(page.getByLabel(catalog.settings.spellCheck, { exact: true }))
      await picker.scrollIntoViewIfNeeded()
      await picker.click()
      await expect(page.getByRole('listbox', { name: catalog.settings.spellCheck })).toBeVisible()
      await shoot(page, 'spellcheck')
      await page.keyboard.press('Escape')

      // The banner above the inbox.
      await page.getByRole('button', { name: catalog.settings.close }).click()
      await expect(page.getByRole('status', { name: catalog.updates.bannerTitle })).toBeVisible()
      await page.mouse.move(640, 600)
      await expect(page.getByRole('tooltip')).toHaveCount(0)
      await shoot(page, 'update-banner')

      // A customer's look-alike link asks first.
      const chat = await conversationNamed(page, 'Kwame Mensah')
      await sandboxControl(sandbox, 'POST', '/_sandbox/inbound', {
        apiKey: SANDBOX_ACCOUNTS.acme.apiKey,
        chatId: chat.id,
        text: `Pay here: ${LOOK_ALIKE}`,
      })
      await page.getByRole('textbox', { name: catalog.list.search }).fill('Kwame Mensah')
      await page
        .getByRole('listbox', { name: catalog.list.label })
        .getByRole('option', { name: /Kwame Mensah/ })
        .click()
      await page.getByRole('link', { name: LOOK_ALIKE }).click()
      const dialog = page.getByRole('dialog', { name: catalog.link.title })
      await expect(dialog).toBeVisible()
      await expect(dialog.getByText(catalog.link.concern.looksDifferent)).toBeVisible()
      await shoot(page, 'link-dialog')
      await dialog.getByRole('button', { name: catalog.link.cancel }).click()

      // Three crashes within a minute: the recovery page (main's own page, in the UI language).
      await crashUntilRecovery(app, page)
      await expect(page.getByRole('heading', { name: catalog.recovery.title })).toBeVisible()
      await settle(page)
      await page.screenshot({ path: `${OUT_DIR}/recovery${suffix}.png`, animations: 'disabled' })
    })
  })
}

async function connect(app: InboxDeskApp, page: Page, url: string, catalog: Catalog) {
  await page.getByRole('button', { name: catalog.connect.title }).click()
  await page.getByLabel(new RegExp(`^${catalog.connect.address}`)).fill(url)
  await page.getByLabel(new RegExp(`^${catalog.connect.key}`)).fill(SANDBOX_ACCOUNTS.acme.apiKey)
  await page.getByRole('button', { name: catalog.connect.connect, exact: true }).click()
  await expect.poll(async () => (await appState(page)).account, { timeout: 20_000 }).not.toBeNull()
  await expect(page.getByRole('navigation', { name: catalog.views.label })).toBeVisible({ timeout: 20_000 })
  // Who am I: Maya Chen, as in the other screenshots.
  await page.evaluate(() => window.inboxDesk.updateSettings({ meUserId: 'usr_acme_maya' }))
}

const crash = (app: InboxDeskApp) =>
  app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.forcefullyCrashRenderer())

async function crashUntilRecovery(app: InboxDeskApp, page: Page) {
  for (let i = 0; i < 3; i++) {
    await Promise.all([page.waitForURL('about:blank'), crash(app)])
    await page.waitForURL(i < 2 ? /^https:\/\/inbox-desk\.app-scheme\.invalid\// : /^data:text\/html/)
    await page.waitForLoadState('load')
  }
}
