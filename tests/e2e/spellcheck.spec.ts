/**
 * Spell-check languages (issue 14): they follow the UI language until the agent picks some in Settings →
 * Language; the choice reaches Chromium (session.setSpellCheckerLanguages, recorded by the shim, which offers
 * Chromium's Hunspell list) and is kept across a restart.
 */
import type { Page } from '@playwright/test'
import { connectToSandbox, expect, test, waitForInbox, type InboxDeskApp } from './fixtures'

async function lastLanguages(app: InboxDeskApp): Promise<string[] | undefined> {
  return (await app.records()).spellChecker?.languageCalls.at(-1)
}

async function openLanguageSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  return page.getByRole('region', { name: 'Language' })
}

test('the spell-check languages persist across a restart and reach setSpellCheckerLanguages', async ({
  app,
  sandbox,
}) => {
  const page = await connectToSandbox(app, sandbox)
  // English UI, no choice yet: English (United States), the UI language's dictionary.
  await expect.poll(() => lastLanguages(app)).toEqual(['en-US'])
  const region = await openLanguageSettings(page)
  const picker = region.getByRole('textbox', { name: 'Spell-check languages' })
  await expect(region.getByText('Same as the interface language')).toBeVisible()

  await picker.click()
  await picker.fill('Portuguese (Brazil)')
  await page.getByRole('option', { name: 'Portuguese (Brazil)', exact: true }).click()
  await expect.poll(() => lastLanguages(app)).toEqual(['en-US', 'pt-BR'])

  await app.restart()
  const again = await app.firstWindow()
  await waitForInbox(again)
  // Applied at start, before any window asks: the first call of the new process is the saved choice.
  expect((await app.records()).spellChecker?.languageCalls).toEqual([['en-US', 'pt-BR']])
  const after = await openLanguageSettings(again)
  await expect(after.getByText('Portuguese (Brazil)', { exact: true })).toBeVisible()
  await expect(after.getByText('English (United States)', { exact: true })).toBeVisible()

  // Switching the UI language no longer moves a choice the agent made.
  await after
    .locator('input')
    .and(again.getByLabel('Language', { exact: true }))
    .click()
  await again.getByRole('option', { name: 'Deutsch', exact: true }).click()
  await expect(again.locator('html')).toHaveAttribute('lang', 'de')
  expect(await lastLanguages(app)).toEqual(['en-US', 'pt-BR'])
})
