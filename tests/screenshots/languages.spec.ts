/**
 * `npm run screenshots`, other languages (issue 14): the inbox in Arabic (dark, right to left) and in Brazilian
 * Portuguese (light), and Settings in German and Portuguese, whose long labels are the likeliest to clip or wrap
 * badly. Into docs/screenshots/ beside the English ones; each step asserts the language it shows.
 */
import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import ar from '../../src/shared/i18n/catalogs/ar.json'
import de from '../../src/shared/i18n/catalogs/de.json'
import ptBR from '../../src/shared/i18n/catalogs/pt-BR.json'
import { localeNames, type Locale } from '../../src/shared/i18n/locales'
import { connectToSandbox, expect, test } from '../e2e/fixtures'

const OUT_DIR = resolve(__dirname, '../../docs/screenshots')
const WINDOW = { width: 1280, height: 800 }

type Catalog = typeof ptBR

async function shoot(page: Page, name: string, scheme: 'light' | 'dark') {
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme)
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((done) => requestAnimationFrame(done))))
  await page.screenshot({ path: `${OUT_DIR}/${name}-${scheme}.png`, animations: 'disabled', caret: 'hide' })
}

/** Settings in English (the app starts so): Who am I (Maya Chen), then the language; the drawer stays open. */
async function settingsIn(page: Page, locale: Locale, catalog: Catalog) {
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  await page.getByRole('combobox', { name: 'I am' }).click()
  await page.getByRole('option', { name: 'Maya Chen', exact: true }).click()
  await page
    .locator('input')
    .and(page.getByLabel('Language', { exact: true }))
    .click()
  await page.getByRole('option', { name: localeNames[locale], exact: true }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', locale)
  await expect(page.getByRole('dialog', { name: catalog.settings.title })).toBeVisible()
}

async function closeSettings(page: Page, catalog: Catalog) {
  await page.getByRole('button', { name: catalog.settings.close }).click()
  await expect(page.getByRole('dialog', { name: catalog.settings.title })).toHaveCount(0)
}

async function inboxWithReply(page: Page, catalog: Catalog, reply: string) {
  await page
    .getByRole('navigation', { name: catalog.views.label })
    .getByRole('button', { name: new RegExp(`^${catalog.views.all}`) })
    .click()
  const search = page.getByRole('textbox', { name: catalog.list.search })
  await search.fill('Kwame Mensah')
  await page
    .getByRole('listbox', { name: catalog.list.label })
    .getByRole('option', { name: /Kwame Mensah/ })
    .click()
  await search.fill('')
  await expect(
    page.getByRole('region', { name: catalog.thread.messages.replace('{{name}}', 'Kwame Mensah') }),
  ).toBeVisible()
  const box = page.getByRole('textbox', { name: catalog.composer.reply })
  await box.fill(reply)
  // The reply reads in its own direction: Arabic right to left, the others left to right.
  expect(await box.evaluate((element) => getComputedStyle(element).direction)).toBe(
    /[\u0600-\u06ff]/.test(reply) ? 'rtl' : 'ltr',
  )
}

const cases = [
  {
    locale: 'ar',
    catalog: ar as unknown as Catalog,
    scheme: 'dark',
    reply: 'شكرًا يا كوامي! سيُشحن الخلاط البديل اليوم.',
  },
  { locale: 'pt-BR', catalog: ptBR, scheme: 'light', reply: 'Obrigada, Kwame! O liquidificador novo sai hoje.' },
  {
    locale: 'de',
    catalog: de as unknown as Catalog,
    scheme: 'light',
    reply: 'Danke, Kwame! Der Ersatzmixer geht heute raus.',
  },
] as const

for (const { locale, catalog, scheme, reply } of cases) {
  test(`inbox and settings in ${locale}, ${scheme}`, async ({ app, sandbox }) => {
    const page = await app.firstWindow()
    await app.setWindowBounds(WINDOW)
    await page.emulateMedia({ colorScheme: scheme })
    await connectToSandbox(app, sandbox)
    await settingsIn(page, locale, catalog)
    await shoot(page, `settings-${locale}`, scheme)
    await closeSettings(page, catalog)
    await inboxWithReply(page, catalog, reply)
    await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr')
    await shoot(page, `inbox-${locale}`, scheme)
  })
}
