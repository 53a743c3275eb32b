/**
 * `npm run screenshots`, issue 13: the contact panel beside a thread with its "New messages" divider, and a
 * saved reply's fields panel, in English (light, dark) and Arabic (dark, right to left). Each step asserts what
 * it shows.
 */
import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import ar from '../../src/shared/i18n/catalogs/ar.json'
import en from '../../src/shared/i18n/catalogs/en.json'
import { SANDBOX_ACCOUNTS } from '../../src/sandbox'
import { connectToSandbox, expect, sandboxControl, test } from '../e2e/fixtures'
import { chatIdOf } from '../e2e/inbox-page'

const OUT_DIR = resolve(__dirname, '../../docs/screenshots')
const WINDOW = { width: 1280, height: 800 }
const SHIP = 'Hi {{contact.firstName}}, order {{?Order number}} ships on {{?Ship date}}. {{agent.name}}'

async function shoot(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((done) => requestAnimationFrame(done))))
  await page.screenshot({ path: `${OUT_DIR}/${name}.png`, animations: 'disabled', caret: 'hide' })
}

const cases = [
  { locale: 'en', scheme: 'light', catalog: en, suffix: 'light' },
  { locale: 'en', scheme: 'dark', catalog: en, suffix: 'dark' },
  { locale: 'ar', scheme: 'dark', catalog: ar, suffix: 'ar-dark' },
] as const

for (const { locale, scheme, catalog, suffix } of cases) {
  test(`contact panel, divider and saved reply fields, ${suffix}`, async ({ app, sandbox }) => {
    const page = await app.firstWindow()
    await app.setWindowBounds(WINDOW)
    await page.emulateMedia({ colorScheme: scheme })
    await connectToSandbox(app, sandbox)
    const apiKey = SANDBOX_ACCOUNTS.acme.apiKey
    const chatId = await chatIdOf(page, 'Kwame Mensah')
    await page.evaluate((id) => window.inboxDesk.markRead({ chatId: id }), chatId)
    await sandboxControl(sandbox, 'POST', '/_sandbox/inbound', {
      apiKey,
      channelId: 'ch_acme_sms',
      contact: { name: 'K. Mensah', phoneNumber: '+233244559012' },
      text: 'Texting you from my other phone plan: any news on the blender?',
    })
    for (const text of ['Hello? Any news?', 'The courier says the parcel is still in Accra.']) {
      await sandboxControl(sandbox, 'POST', '/_sandbox/inbound', { apiKey, chatId, text })
    }
    const state = await page.evaluate(() => window.inboxDesk.getAppState())
    if (!state.ok) throw new Error(state.error.message)
    const saved = await page.evaluate((patch) => window.inboxDesk.updateSettings(patch), {
      locale: locale as 'en' | 'ar',
      meUserId: 'usr_acme_maya',
      cannedReplies: [...state.value.settings.cannedReplies, { shortcut: 'ship', text: SHIP }],
    })
    expect(saved.ok).toBe(true)
    await expect(page.locator('html')).toHaveAttribute('lang', locale)
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme)
    await expect
      .poll(
        async () => {
          const list = await page.evaluate(() => window.inboxDesk.listConversations({ archived: 'any' }))
          return list.ok ? list.value.find((c) => c.id === chatId)?.unreadCount : -1
        },
        { timeout: 30_000 },
      )
      .toBe(2)

    await page.locator('[data-search-box]').fill('Kwame Mensah')
    await page
      .getByRole('listbox', { name: catalog.list.label })
      .getByRole('option', { name: /Kwame Mensah/ })
      .click()
    await page.locator('[data-search-box]').fill('')
    const panel = page.getByRole('complementary', {
      name: catalog.contactPanel.label.replace('{{name}}', 'Kwame Mensah'),
    })
    await expect(panel.getByRole('button', { name: /Acme SMS/ })).toBeVisible()
    await expect(panel.locator('dd time')).toHaveCount(2)
    await expect(page.getByRole('heading', { name: catalog.thread.newMessages })).toBeInViewport()
    await shoot(page, `contact-panel-${suffix}`)

    const box = page.getByRole('textbox', { name: catalog.composer.reply })
    await box.pressSequentially('/ship')
    await page.keyboard.press('Enter')
    const fields = page.getByRole('group', { name: catalog.template.fieldsTitle.replace('{{shortcut}}', 'ship') })
    await fields.getByRole('textbox', { name: 'Order number' }).fill('A-10482')
    await expect(fields.locator('[data-preview-text]')).toContainText('A-10482')
    await shoot(page, `saved-reply-fields-${suffix}`)
  })
}
