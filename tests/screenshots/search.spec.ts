/**
 * `npm run screenshots`, search (issue 11 §5): the messages found for a word, grouped by conversation with the
 * word marked in each snippet, and the thread opened at the chosen one (highlighted): light and dark in English,
 * and Arabic, dark (right to left, an Arabic word searched). A few messages are written into the demo first, so that
 * the sync stores them; each step asserts what it shows.
 */
import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import ar from '../../src/shared/i18n/catalogs/ar.json'
import en from '../../src/shared/i18n/catalogs/en.json'
import { SANDBOX_ACCOUNTS, type RunningSandbox } from '../../src/sandbox'
import { connectToSandbox, expect, sandboxControl, test } from '../e2e/fixtures'
import { chatIdOf } from '../e2e/inbox-page'

const OUT_DIR = resolve(__dirname, '../../docs/screenshots')
const WINDOW = { width: 1280, height: 800 }

/** Messages from customers that mention a refund (in English and in Arabic), a few per conversation. */
const HISTORY: Record<string, string[]> = {
  'Kwame Mensah': [
    'The blender arrived broken. Can I get a refund or a replacement?',
    'I sent the photos of the box. Any news on the refund?',
  ],
  'Sofía Hernández': ['Hola! I returned the jacket last week, when will the refund reach my card?'],
  'Lukas Schmidt': ['Is a refund possible if the order has not shipped yet?'],
  'Fatima Al-Sayed': ['أريد استرداد المبلغ لأن الطلب وصل متأخرًا', 'هل تم استرداد المبلغ إلى بطاقتي؟ (refund)'],
}

async function writeHistory(sandbox: RunningSandbox, page: Page): Promise<void> {
  for (const [name, texts] of Object.entries(HISTORY)) {
    const chatId = await chatIdOf(page, name)
    for (const text of texts) {
      await sandboxControl(sandbox, 'POST', '/_sandbox/inbound', { apiKey: SANDBOX_ACCOUNTS.acme.apiKey, chatId, text })
    }
  }
  await expect
    .poll(
      async () => {
        const found = await page.evaluate(() => window.inboxDesk.searchInbox({ query: 'refund', view: 'all' }))
        return found.ok ? found.value.groups.filter((g) => g.matches.length > 0).length : -1
      },
      { timeout: 30_000 },
    )
    .toBe(Object.keys(HISTORY).length)
}

async function shoot(page: Page, name: string, scheme: 'light' | 'dark') {
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme)
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((done) => requestAnimationFrame(done))))
  await page.screenshot({ path: `${OUT_DIR}/${name}-${scheme}.png`, animations: 'disabled', caret: 'hide' })
}

const cases = [
  { name: 'search', scheme: 'light', catalog: en, query: 'refund', pick: 'Kwame Mensah' },
  { name: 'search', scheme: 'dark', catalog: en, query: 'refund', pick: 'Kwame Mensah' },
  {
    name: 'search-ar',
    scheme: 'dark',
    catalog: ar as unknown as typeof en,
    query: 'استرداد',
    pick: 'Fatima Al-Sayed',
  },
] as const

for (const { name, scheme, catalog, query, pick } of cases) {
  test(`search results, ${name} ${scheme}`, async ({ app, sandbox }) => {
    const page = await app.firstWindow()
    await app.setWindowBounds(WINDOW)
    await page.emulateMedia({ colorScheme: scheme })
    await connectToSandbox(app, sandbox)
    await writeHistory(sandbox, page)
    if (catalog !== en) {
      await page.evaluate(() => window.inboxDesk.updateSettings({ locale: 'ar' }))
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
    }

    await page.getByRole('textbox', { name: catalog.list.search }).fill(query)
    const results = page.getByRole('listbox', { name: catalog.search.results })
    const hit = results.getByRole('group', { name: pick }).getByRole('option').first()
    await expect(hit.locator('mark').first()).toBeVisible()
    await hit.click()
    const thread = page.getByRole('region', { name: catalog.thread.messages.replace('{{name}}', pick) })
    await expect(thread.locator('[data-highlighted]')).toBeInViewport()
    await page.getByRole('textbox', { name: catalog.list.search }).focus()
    await shoot(page, name, scheme)
  })
}
