/**
 * `npm run screenshots`: the snooze picker (Z on an open conversation) in English light and dark and Arabic dark
 * (right to left), and the Snoozed view with four snoozed conversations, one of them late (its wake answered 502),
 * light and dark, into docs/screenshots/.
 */
import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { connectToSandbox, expect, sandboxControl, test } from '../e2e/fixtures'
import { bridgeConversations, openConversation } from '../e2e/inbox-page'
import { moveMainClock } from '../e2e/main-clock'

const OUT_DIR = resolve(__dirname, '../../docs/screenshots')
const HOUR = 60 * 60 * 1000

async function shoot(page: Page, name: string, scheme: 'light' | 'dark') {
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme)
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((done) => requestAnimationFrame(done))))
  await page.screenshot({ path: `${OUT_DIR}/${name}-${scheme}.png`, animations: 'disabled', caret: 'hide' })
}

async function start(
  app: Parameters<typeof connectToSandbox>[0],
  sandbox: Parameters<typeof connectToSandbox>[1],
  scheme: 'light' | 'dark',
) {
  const page = await app.firstWindow()
  await app.setWindowBounds({ width: 1280, height: 800 })
  await page.emulateMedia({ colorScheme: scheme })
  return connectToSandbox(app, sandbox)
}

const pickers = [
  { name: 'snooze-picker', scheme: 'light', locale: 'en', group: 'Snooze until', preset: /^Tomorrow, / },
  { name: 'snooze-picker', scheme: 'dark', locale: 'en', group: 'Snooze until', preset: /^Tomorrow, / },
  { name: 'snooze-picker-ar', scheme: 'dark', locale: 'ar', group: 'تأجيل حتى', preset: /^غدًا، / },
] as const

for (const { name, scheme, locale, group, preset } of pickers) {
  test(`snooze picker, ${locale}, ${scheme}`, async ({ app, sandbox }) => {
    const page = await start(app, sandbox, scheme)
    // Opened in English (the helper finds it by the English names), then the language switched live.
    await openConversation(page, 'Kwame Mensah')
    if (locale === 'ar') {
      await page.evaluate(() => window.inboxDesk.updateSettings({ locale: 'ar' }))
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
    }
    await page.locator('body').click({ position: { x: 5, y: 700 } })
    await page.keyboard.press('z')
    const choices = page.getByRole('group', { name: group })
    await expect(choices.getByRole('button', { name: preset })).toBeVisible()
    await page.mouse.move(640, 780)
    await shoot(page, name, scheme)
  })
}

for (const scheme of ['light', 'dark'] as const) {
  test(`Snoozed view, one late, ${scheme}`, async ({ app, sandbox }) => {
    const page = await start(app, sandbox, scheme)
    const chats = (await bridgeConversations(page))
      .filter((c) => !c.archived && c.contact.name.trim() !== '')
      .slice(0, 4)
    expect(chats).toHaveLength(4)
    const [late, ...rest] = chats
    const now = Date.now()
    const untils = [now + 2 * HOUR, now + 20 * HOUR, now + 75 * HOUR]
    for (const [i, chat] of rest.entries()) {
      const result = await page.evaluate((args) => window.inboxDesk.snoozeConversation(args), {
        chatId: chat.id,
        untilMs: untils[i]!,
      })
      expect(result.ok).toBe(true)
    }
    // The late one: due in a minute, its wake refused by the server, and the machine's clock a few minutes on.
    await sandboxControl(sandbox, 'POST', '/_sandbox/faults', {
      rules: [{ method: 'PATCH', path: `/conversations/${late!.id}/unarchive`, status: 502 }],
    })
    const snoozed = await page.evaluate((args) => window.inboxDesk.snoozeConversation(args), {
      chatId: late!.id,
      untilMs: now + 60_000,
    })
    expect(snoozed.ok).toBe(true)
    await moveMainClock(app, 3 * 60_000)
    await page.locator('[data-view="snoozed"]').click()
    const pane = page.getByRole('region', { name: 'Snoozed conversations' })
    await expect(pane.locator('li')).toHaveCount(4)
    await expect(pane.getByText('Late', { exact: true })).toBeVisible({ timeout: 30_000 })
    await page.mouse.move(900, 600)
    await shoot(page, 'snoozed-view', scheme)
  })
}
