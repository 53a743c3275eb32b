/**
 * axe on the overlays an agent opens all day (assign picker, snooze picker,
 * shortcuts sheet, command palette), in both themes. The welcome screen, the inbox, the thread
 * and the settings drawer are checked in onboarding, inbox-list and
 * inbox-thread specs.
 */
import type { Page } from '@playwright/test'
import { seriousAxeViolations } from './axe'
import { connectToSandbox, expect, test } from './fixtures'

async function openKwame(page: Page) {
  await page
    .getByRole('listbox', { name: 'Conversations' })
    .getByRole('option', { name: /Kwame Mensah/ })
    .click()
  await expect(page.getByRole('region', { name: 'Messages with Kwame Mensah' })).toBeVisible()
}

for (const theme of ['light', 'dark'] as const) {
  test(`assign picker, snooze picker, shortcuts sheet and command palette have no serious axe violation (${theme})`, async ({
    app,
    sandbox,
  }) => {
    const page = await connectToSandbox(app, sandbox)
    const updated = await page.evaluate((value) => window.inboxDesk.updateSettings({ theme: value }), theme)
    expect(updated.ok).toBe(true)
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', theme)
    await openKwame(page)

    await page.getByRole('button', { name: 'Assign', exact: true }).click()
    await expect(page.getByRole('textbox', { name: 'Search teammates' })).toBeVisible()
    // The teammates list loaded (not the loading state) before axe looks at it.
    await expect(
      page.getByRole('list', { name: 'Teammates' }).getByRole('button', { name: /Tomás Ortega/ }),
    ).toBeVisible()
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.keyboard.press('Escape')
    await expect(page.getByRole('textbox', { name: 'Search teammates' })).toHaveCount(0)

    await page.locator('body').click({ position: { x: 5, y: 700 } })
    await page.keyboard.press('z')
    await expect(page.getByRole('group', { name: 'Snooze until' })).toBeVisible()
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.keyboard.press('Escape')
    await expect(page.getByRole('group', { name: 'Snooze until' })).toHaveCount(0)

    await page.locator('body').click({ position: { x: 5, y: 700 } })
    await page.keyboard.press('?')
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.keyboard.press('Escape')
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0)

    await page.keyboard.press('Control+k')
    await expect(page.getByRole('textbox', { name: 'Command palette' })).toBeVisible()
    expect(await seriousAxeViolations(page)).toEqual([])
  })
}
