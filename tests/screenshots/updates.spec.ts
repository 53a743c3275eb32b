/**
 * `npm run screenshots`: the update banner and Settings → Updates, light and dark, into docs/screenshots/.
 * The stand-in electron-updater of the e2e build offers 0.2.0 (tests/e2e/updates.spec.ts says how).
 */
import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { connectToSandbox, expect, test } from '../e2e/fixtures'

const OUT_DIR = resolve(__dirname, '../../docs/screenshots')

async function shoot(page: Page, name: string, scheme: 'light' | 'dark') {
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme)
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((done) => requestAnimationFrame(done))))
  await page.screenshot({ path: `${OUT_DIR}/${name}-${scheme}.png`, animations: 'disabled', caret: 'hide' })
}

test.use({ appLaunchOptions: { env: { INBOX_DESK_E2E_UPDATES: '1', INBOX_DESK_E2E_UPDATE_OFFER: '0.2.0' } } })

for (const scheme of ['light', 'dark'] as const) {
  test(`update banner and settings, ${scheme}`, async ({ app, sandbox }) => {
    const page = await app.firstWindow()
    await app.setWindowBounds({ width: 1280, height: 800 })
    await page.emulateMedia({ colorScheme: scheme })
    await connectToSandbox(app, sandbox)
    await page.getByRole('button', { name: 'Settings', exact: true }).click()
    const section = page.getByRole('region', { name: 'Updates' })
    await section.getByRole('button', { name: 'Check now' }).click()
    await expect(section).toContainText('Version 0.2.0 is ready. Restart to update.')
    await section.scrollIntoViewIfNeeded()
    await shoot(page, 'updates-settings', scheme)
    await page.getByRole('button', { name: 'Close settings' }).click()
    await expect(page.getByRole('status', { name: 'A new version is ready' })).toBeVisible()
    await expect(page.getByRole('dialog', { name: 'Settings' })).toBeHidden()
    await page.mouse.move(900, 600) // away from the header's tooltips
    await expect(page.getByRole('tooltip')).toHaveCount(0)
    await shoot(page, 'update-banner', scheme)
  })
}

test('update banner and settings in Arabic (right to left), light', async ({ app, sandbox }) => {
  const page = await app.firstWindow()
  await app.setWindowBounds({ width: 1280, height: 800 })
  await page.emulateMedia({ colorScheme: 'light' })
  await connectToSandbox(app, sandbox)
  await page.evaluate(() => window.inboxDesk.updateSettings({ locale: 'ar' }))
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await page.getByRole('button', { name: 'الإعدادات', exact: true }).click()
  const section = page.getByRole('region', { name: 'التحديثات' })
  await section.getByRole('button', { name: 'تحقق الآن' }).click()
  await expect(section).toContainText('الإصدار 0.2.0 جاهز')
  await section.scrollIntoViewIfNeeded()
  await shoot(page, 'updates-settings-ar', 'light')
  await page.keyboard.press('Escape')
  await expect(page.getByRole('status', { name: 'إصدار جديد جاهز' })).toBeVisible()
  await page.mouse.move(400, 600)
  await shoot(page, 'update-banner-ar', 'light')
})
