/**
 * The inbox as the end-to-end specs (and the screenshots) drive it, by the
 * accessible names listed in src/renderer/README.md.
 */
import type { Locator, Page } from '@playwright/test'
import type { Conversation } from '../../src/shared/api/schemas'
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

/** Every conversation main holds (archived too), through the bridge as the page sees it. */
export async function bridgeConversations(page: Page): Promise<Conversation[]> {
  const result = await page.evaluate(() => window.inboxDesk.listConversations({ archived: 'any' }))
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

/** The conversation with this contact name, through the bridge; throws when there is none. */
export async function conversationNamed(page: Page, name: string): Promise<Conversation> {
  const found = (await bridgeConversations(page)).find((conversation) => conversation.contact.name === name)
  if (!found) throw new Error(`no conversation with ${name}`)
  return found
}

export const chatIdOf = async (page: Page, name: string): Promise<string> => (await conversationNamed(page, name)).id
