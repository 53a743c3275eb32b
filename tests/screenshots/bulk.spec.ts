/**
 * `npm run screenshots`, issue 13 §2: bulk actions in English (light, dark) and Arabic (dark, right to left): a
 * selection (the bar and the checked rows), a batch in progress held by the server's Retry-After, and a batch
 * with conversations it could not change (the failed list, Retry and Undo). Each step asserts what it shows.
 */
import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import ar from '../../src/shared/i18n/catalogs/ar.json'
import en from '../../src/shared/i18n/catalogs/en.json'
import { connectWithoutBackfill, expect, sandboxControl, test } from '../e2e/fixtures'
import { bridgeConversations } from '../e2e/inbox-page'

const OUT_DIR = resolve(__dirname, '../../docs/screenshots')
const WINDOW = { width: 1280, height: 800 }

async function shoot(page: Page, name: string) {
  await page.mouse.move(WINDOW.width - 5, WINDOW.height - 5)
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((done) => requestAnimationFrame(done))))
  await page.screenshot({ path: `${OUT_DIR}/${name}.png`, animations: 'disabled', caret: 'hide' })
}

const cases = [
  { locale: 'en', scheme: 'light', catalog: en, suffix: 'light' },
  { locale: 'en', scheme: 'dark', catalog: en, suffix: 'dark' },
  { locale: 'ar', scheme: 'dark', catalog: ar, suffix: 'ar-dark' },
] as const

/** The catalog's text with its {{values}} as numbers (Western or Arabic-Indic digits) in that order. */
function filled(text: string, ...numbers: number[]): RegExp {
  const digits = (n: number) => `(?:${n}|${String(n).replace(/\d/g, (d) => String.fromCharCode(0x660 + Number(d)))})`
  const parts = text.split(/\{\{\w+\}\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return new RegExp(`^${parts.map((part, i) => (i < numbers.length ? part + digits(numbers[i]!) : part)).join('')}$`)
}

for (const { locale, scheme, catalog, suffix } of cases) {
  test(`bulk selection, a batch waiting on Retry-After, and one with failures, ${suffix}`, async ({ app, sandbox }) => {
    const page = await app.firstWindow()
    await app.setWindowBounds(WINDOW)
    await page.emulateMedia({ colorScheme: scheme })
    await connectWithoutBackfill(app, sandbox)
    const saved = await page.evaluate((l) => window.inboxDesk.updateSettings({ locale: l }), locale as 'en' | 'ar')
    expect(saved.ok).toBe(true)
    await expect(page.locator('html')).toHaveAttribute('lang', locale)
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme)
    const list = page.getByRole('listbox', { name: catalog.list.label })
    const rows = list.getByRole('option')
    const bar = page.getByRole('toolbar', { name: catalog.bulk.barLabel })
    const panel = page.getByRole('region', { name: catalog.bulk.panelLabel })
    await expect(rows.first()).toBeVisible()

    // A selection: a checkbox, then Shift+click down to the fourth row.
    await rows.nth(1).getByRole('checkbox').click()
    await rows.nth(4).click({ modifiers: ['Shift'] })
    await expect(list.locator('[role="option"][aria-checked="true"]')).toHaveCount(4)
    await expect(bar.getByRole('button', { name: catalog.bulk.archive })).toBeVisible()
    await shoot(page, `bulk-selection-${suffix}`)

    // In progress: the first three archived, the third one sent refused with an 8 s Retry-After (the batch waits).
    const ids = await rows.evaluateAll((options) => options.slice(1, 5).map((o) => o.id.replace('conversation-', '')))
    await sandboxControl(sandbox, 'POST', '/_sandbox/faults', {
      rules: [{ method: 'PATCH', path: `/conversations/${ids[2]}/archive`, status: 429, retryAfter: 8, times: 1 }],
    })
    await bar.getByRole('button', { name: catalog.bulk.archive }).click()
    await expect(panel.getByText(catalog.bulk.waiting)).toBeVisible()
    await expect(panel.getByRole('status')).toHaveText(filled(catalog.bulk.progress.archive, 3, 4))
    await shoot(page, `bulk-progress-${suffix}`)
    await panel.getByRole('button', { name: catalog.bulk.cancel }).click()
    await expect(panel.getByRole('button', { name: catalog.bulk.undo })).toBeVisible()
    await panel.getByRole('button', { name: catalog.bulk.undo }).click()
    // Undo waits for the same Retry-After: it is the key's, not the batch's.
    await expect(panel.getByRole('status')).toHaveText(filled(catalog.bulk.undone, 3, 3), { timeout: 30_000 })
    await sandboxControl(sandbox, 'DELETE', '/_sandbox/faults')

    // Failures: two of six refused with 502 on every try; listed with the reason, Retry and Undo.
    await panel.getByRole('button', { name: catalog.bulk.dismiss }).click()
    await expect
      .poll(async () => (await bridgeConversations(page)).filter((c) => ids.includes(c.id) && c.archived).length)
      .toBe(0)
    await rows.nth(0).getByRole('checkbox').click()
    await rows.nth(5).click({ modifiers: ['Shift'] })
    const six = await rows.evaluateAll((options) => options.slice(0, 6).map((o) => o.id.replace('conversation-', '')))
    await sandboxControl(sandbox, 'POST', '/_sandbox/faults', {
      rules: [six[1], six[4]].map((id) => ({ method: 'PATCH', path: `/conversations/${id}/archive`, status: 502 })),
    })
    await bar.getByRole('button', { name: catalog.bulk.archive }).click()
    await expect(panel.getByRole('status')).toHaveText(filled(catalog.bulk.finished.archive, 4, 6), {
      timeout: 60_000,
    })
    await expect(panel.getByRole('listitem')).toHaveCount(2)
    await expect(panel.getByRole('button', { name: catalog.bulk.retry })).toBeVisible()
    await shoot(page, `bulk-failures-${suffix}`)
  })
}
