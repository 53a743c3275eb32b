/**
 * `npm run screenshots`: the history backfill's indicator at the foot of the list ("Indexing history: 12 of
 * 2,000 conversations"), light, dark and Arabic (dark), into docs/screenshots/. 2,000 conversations so the
 * count shows the UI language's grouping; at the app's pacing the run is still going when the picture is taken.
 */
import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { connectToSandbox, expect, sandboxControl, test } from '../e2e/fixtures'

const OUT_DIR = resolve(__dirname, '../../docs/screenshots')

async function shoot(page: Page, name: string, scheme: 'light' | 'dark') {
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme)
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((done) => requestAnimationFrame(done))))
  await page.screenshot({ path: `${OUT_DIR}/${name}-${scheme}.png`, animations: 'disabled', caret: 'hide' })
}

const cases = [
  {
    name: 'backfill-indicator',
    scheme: 'light',
    locale: 'en',
    label: /^Indexing history: [\d,]+ of 2,000 conversations$/,
  },
  {
    name: 'backfill-indicator',
    scheme: 'dark',
    locale: 'en',
    label: /^Indexing history: [\d,]+ of 2,000 conversations$/,
  },
  { name: 'backfill-indicator-ar', scheme: 'dark', locale: 'ar', label: /^فهرسة السجل: .+ من .+ محادثة$/ },
] as const

for (const { name, scheme, locale, label } of cases) {
  test(`history backfill indicator, ${locale}, ${scheme}`, async ({ app, sandbox }) => {
    await sandboxControl(sandbox, 'POST', '/_sandbox/reset', {
      seed: { conversations: 2_000, messagesPerConversation: 3 },
    })
    const page = await app.firstWindow()
    await app.setWindowBounds({ width: 1280, height: 800 })
    await page.emulateMedia({ colorScheme: scheme })
    await connectToSandbox(app, sandbox)
    if (locale === 'ar') {
      await page.evaluate(() => window.inboxDesk.updateSettings({ locale: 'ar' }))
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
    }
    await expect(page.getByRole('status', { name: label })).toBeVisible({ timeout: 30_000 })
    await page.mouse.move(900, 600) // away from the header's tooltips
    await shoot(page, name, scheme)
  })
}
