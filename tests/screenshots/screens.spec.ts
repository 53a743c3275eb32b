/**
 * `npm run screenshots`: the main screens of the built app, light and dark, as PNGs in docs/screenshots/
 * (shown in the README). The app runs through the end-to-end harness against the sandbox's demo seed, in a
 * 1280×800 window; the theme is the default ("follow the system"), with the system's colour scheme set
 * light or dark, so each screenshot is also a check that both themes apply everywhere.
 *
 * Each step also asserts what it shows (a screenshot of an error page would otherwise pass silently).
 */
import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { connectWithoutBackfill, expect, sandboxControl, test } from '../e2e/fixtures'
import { chatIdOf, openConversation } from '../e2e/inbox-page'

const OUT_DIR = resolve(__dirname, '../../docs/screenshots')
const WINDOW = { width: 1280, height: 800 }

async function shoot(page: Page, name: string, scheme: 'light' | 'dark') {
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme)
  // Fonts and the last layout pass settle before the picture.
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((done) => requestAnimationFrame(done))))
  await page.screenshot({ path: `${OUT_DIR}/${name}-${scheme}.png`, animations: 'disabled', caret: 'hide' })
}

for (const scheme of ['light', 'dark'] as const) {
  test(`main screens, ${scheme}`, async ({ app, sandbox }) => {
    const page = await app.firstWindow()
    await app.setWindowBounds(WINDOW)
    await page.emulateMedia({ colorScheme: scheme })

    await expect(page.getByRole('button', { name: 'Connect an account' })).toBeVisible()
    await shoot(page, 'welcome', scheme)

    // The history backfill off: the error state below needs a thread that is not stored yet.
    await connectWithoutBackfill(app, sandbox)
    // Who am I: Maya Chen, so "Mine" and "Assign to me" mean something.
    await page.getByRole('button', { name: 'Settings' }).click()
    await page.getByRole('combobox', { name: 'I am' }).click()
    await page.getByRole('option', { name: 'Maya Chen', exact: true }).click()
    await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible()
    await shoot(page, 'settings', scheme)
    await page.getByRole('button', { name: 'Close settings' }).click()
    await expect(page.getByRole('dialog', { name: 'Settings' })).toHaveCount(0)

    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^All/ }).click()
    await openConversation(page, 'Kwame Mensah')
    await page.getByRole('textbox', { name: 'Reply' }).fill('Thanks, Kwame! The replacement blender ships today.')
    await shoot(page, 'inbox', scheme)

    await page.getByRole('button', { name: 'Assign', exact: true }).click()
    await expect(page.getByRole('button', { name: /Tomás Ortega/ })).toBeVisible()
    await shoot(page, 'assign', scheme)
    await page.keyboard.press('Escape')
    await expect(page.getByRole('textbox', { name: 'Search teammates' })).toHaveCount(0)

    await page.keyboard.press('Control+k')
    await expect(page.getByRole('textbox', { name: 'Command palette' })).toBeVisible()
    await page.getByRole('textbox', { name: 'Command palette' }).fill('go to')
    await shoot(page, 'palette', scheme)
    await page.keyboard.press('Escape')
    await expect(page.getByRole('textbox', { name: 'Command palette' })).toHaveCount(0)

    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click()
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
    await shoot(page, 'shortcuts', scheme)
    await page.keyboard.press('Escape')
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0)

    // Empty state: a search that matches nothing.
    await page.getByRole('textbox', { name: 'Search conversations' }).fill('nobody by this name')
    await expect(page.getByText('No conversation matches “nobody by this name”.')).toBeVisible()
    // Error state, for real: the server fails every page of messages, and a conversation not opened yet is opened.
    await sandboxControl(sandbox, 'POST', '/_sandbox/faults', {
      rules: [
        { method: 'GET', path: `/conversations/${await chatIdOf(page, 'Fatima Al-Sayed')}/messages`, status: 500 },
      ],
    })
    await page.getByRole('textbox', { name: 'Search conversations' }).fill('Fatima')
    await page
      .getByRole('listbox', { name: 'Conversations' })
      .getByRole('option', { name: /Fatima Al-Sayed/ })
      .click()
    await expect(page.getByRole('alert').filter({ hasText: 'The messages did not load' })).toBeVisible({
      timeout: 30_000,
    })
    await shoot(page, 'error', scheme)
    await page.getByRole('textbox', { name: 'Search conversations' }).fill('nobody by this name')
    await expect(page.getByText('No conversation matches “nobody by this name”.')).toBeVisible()
    await shoot(page, 'empty', scheme)
  })
}
