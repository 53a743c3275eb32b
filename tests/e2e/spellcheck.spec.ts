/**
 * Spell-check languages (issue 14): they follow the UI language until the agent picks some in Settings →
 * Language; the choice reaches Chromium (session.setSpellCheckerLanguages, recorded by the shim, which offers
 * Chromium's Hunspell list) and is kept across a restart. And the right-click menu the shell builds from
 * Chromium's `context-menu` event (emitted here with the parameters Chromium gives for a misspelled word, since
 * the shim's page has no spell checker to ask): suggestions, Add to dictionary, editing, translated.
 */
import type { Page } from '@playwright/test'
import ptBR from '../../src/shared/i18n/catalogs/pt-BR.json'
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
  test.skip(app.kind !== 'shim', 'reads the shim’s record of setSpellCheckerLanguages')
  const page = await connectToSandbox(app, sandbox)
  // English UI, no choice yet: English (United States), the UI language's dictionary.
  await expect.poll(() => lastLanguages(app)).toEqual(['en-US'])
  const region = await openLanguageSettings(page)
  const picker = region
    .locator('input:not([type=hidden])')
    .and(page.getByLabel('Spell-check languages', { exact: true }))
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
  // The picker's pills (its option list holds the same names, hidden).
  await expect(after.locator('.mantine-Pill-label')).toHaveText(['English (United States)', 'Portuguese (Brazil)'])

  // Switching the UI language no longer moves a choice the agent made.
  await after
    .locator('input')
    .and(again.getByLabel('Language', { exact: true }))
    .click()
  await again.getByRole('option', { name: 'Deutsch', exact: true }).click()
  await expect(again.locator('html')).toHaveAttribute('lang', 'de')
  expect(await lastLanguages(app)).toEqual(['en-US', 'pt-BR'])
})

/** What Chromium's `context-menu` event says for a right click on a misspelled word in the reply box. */
const onMisspelling = {
  isEditable: true,
  selectionText: '',
  misspelledWord: 'ordr',
  dictionarySuggestions: ['order', 'odor'],
  editFlags: { canCut: false, canCopy: false, canPaste: true, canSelectAll: true },
}

type PopupItem = { label: string; type: string; enabled: boolean; role?: string; click(): void }
type ShimMenu = { lastPopup?: { items: PopupItem[] } }

async function rightClickMisspelling(app: InboxDeskApp): Promise<{ label: string; enabled: boolean }[]> {
  return app.evaluate(({ BrowserWindow, Menu }, params) => {
    ;(Menu as unknown as ShimMenu).lastPopup = undefined
    BrowserWindow.getAllWindows()[0]!.webContents.emit('context-menu', { preventDefault() {} }, params)
    const items = (Menu as unknown as ShimMenu).lastPopup?.items ?? []
    return items.map((item) => ({ label: item.type === 'separator' ? '—' : item.label, enabled: item.enabled }))
  }, onMisspelling)
}

async function clickPopupItem(app: InboxDeskApp, label: string): Promise<void> {
  await app.evaluate(({ Menu }, wanted) => {
    const item = (Menu as unknown as ShimMenu).lastPopup?.items.find((entry) => entry.label === wanted)
    if (!item) throw new Error(`No context menu item "${wanted}"`)
    item.click()
  }, label)
}

test('the reply box’s context menu offers the suggestions and Add to dictionary, in the UI language', async ({
  app,
  sandbox,
}) => {
  test.skip(app.kind !== 'shim', 'reads the menu through the shim’s Menu.lastPopup')
  const page = await connectToSandbox(app, sandbox)
  await page.getByRole('textbox', { name: 'Search conversations' }).fill('Kwame')
  await page
    .getByRole('listbox', { name: 'Conversations' })
    .getByRole('option', { name: /Kwame Mensah/ })
    .click()
  await page.getByRole('textbox', { name: 'Reply' }).fill('Your ordr ships today')

  expect(await rightClickMisspelling(app)).toEqual([
    { label: 'order', enabled: true },
    { label: 'odor', enabled: true },
    { label: 'Add “ordr” to the dictionary', enabled: true },
    { label: '—', enabled: true },
    { label: 'Cut', enabled: false },
    { label: 'Copy', enabled: false },
    { label: 'Paste', enabled: true },
    { label: 'Select all', enabled: true },
  ])
  await clickPopupItem(app, 'Add “ordr” to the dictionary')
  await rightClickMisspelling(app)
  await clickPopupItem(app, 'order')
  const { spellChecker } = await app.records()
  expect(spellChecker?.addedWords).toEqual(['ordr'])
  expect(spellChecker?.replacements).toEqual(['order'])

  // The UI language switches: so does the menu, at once.
  const region = await openLanguageSettings(page)
  await region
    .locator('input')
    .and(page.getByLabel('Language', { exact: true }))
    .click()
  await page.getByRole('option', { name: 'Português (Brasil)', exact: true }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR')
  const labels = (await rightClickMisspelling(app)).map((item) => item.label)
  expect(labels.slice(2)).toEqual([
    ptBR.contextMenu.addToDictionary.replace('{{word}}', 'ordr'),
    '—',
    ptBR.contextMenu.cut,
    ptBR.contextMenu.copy,
    ptBR.contextMenu.paste,
    ptBR.contextMenu.selectAll,
  ])
})
