/**
 * The inbox as the end-to-end specs (and the screenshots) drive it, by the
 * accessible names listed in src/renderer/README.md.
 */
import type { Locator, Page } from '@playwright/test'
import { expect } from './fixtures'

/** The conversation list (a listbox; virtualized, so only visible rows are in the DOM). */
export const conversationList = (page: Page): Locator => page.getByRole('listbox', { name: 'Conversations' })

/** The row of a contact, by name (or number) as it shows in the row. */
export const conversationRow = (page: Page, name: string): Locator =>
  conversationList(page).getByRole('option', { name: new RegExp(name) })

/** Finds the conversation with the search box (rows far down are not in the DOM), opens it, clears the search. */
export async function openConversation(page: Page, name: string): Promise<void> {
  const search = page.getByRole('textbox', { name: 'Search conversations' })
  await search.fill(name)
  await conversationRow(page, name).click()
  await search.fill('')
  await expect(page.getByRole('region', { name: `Messages with ${name}` })).toBeVisible()
}
