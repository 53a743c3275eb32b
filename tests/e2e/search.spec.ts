/**
 * Full-text search over the stored history (issue 11 §5), through the built app: a word from an old message
 * (no longer on the thread's newest page) is found as the agent types, shown highlighted in its snippet, and
 * opens the thread at that message, highlighted; FTS5 syntax typed in the box never shows an error; the
 * keyboard reaches it (Ctrl+F, /, the palette, arrows + Enter); and it answers from the local database with the
 * server gone, after a restart too.
 */
import type { Page } from '@playwright/test'
import { SANDBOX_ACCOUNTS } from '../../src/sandbox'
import { connectToSandbox, expect, sandboxControl, test } from './fixtures'
import { conversationNamed } from './inbox-page'
import type { RunningSandbox } from '../../src/sandbox'

const NAME = 'Kwame Mensah'
/** Newer messages written after the old one: more than the thread's newest page (100) holds. */
const NEWER_MESSAGES = 110
const SYNCED = { timeout: 30_000 }

const searchBox = (page: Page) => page.getByRole('textbox', { name: 'Search conversations' })
const results = (page: Page) => page.getByRole('listbox', { name: 'Messages found' })
const thread = (page: Page) => page.getByRole('region', { name: `Messages with ${NAME}` })

/** Writes the old message, then enough newer ones to push it off the newest page; waits until main has
 * stored them (the sync reads the new messages of a changed conversation and writes them through). */
async function writeHistory(sandbox: RunningSandbox, page: Page): Promise<number> {
  const { id: chatId } = await conversationNamed(page, NAME)
  const inbound = (text: string) =>
    sandboxControl<{ messageId: number }>(sandbox, 'POST', '/_sandbox/inbound', {
      apiKey: SANDBOX_ACCOUNTS.acme.apiKey,
      chatId,
      text,
    })
  const { messageId } = await inbound('Can you ship the blue kettle to Zanzibar by sea freight?')
  for (let i = 1; i <= NEWER_MESSAGES; i++) await inbound(`Follow-up number ${i}`)
  await expect
    .poll(async () => {
      const stored = await page.evaluate(() => window.inboxDesk.searchInbox({ query: 'follow 110', view: 'all' }))
      return stored.ok ? stored.value.groups.length : stored.error.message
    }, SYNCED)
    .toBe(1)
  return messageId
}

test('a word from an old message is found as you type and opens the thread at that message, highlighted', async ({
  app,
  sandbox,
}) => {
  const page = await connectToSandbox(app, sandbox)
  const messageId = await writeHistory(sandbox, page)

  // The start of a word, in another case, with no diacritics to fold here: "zanz" finds "Zanzibar".
  await searchBox(page).fill('ZANZ')
  const hit = results(page).getByRole('option')
  await expect(hit).toHaveCount(1)
  await expect(hit).toContainText('Can you ship the blue kettle to Zanzibar')
  await expect(hit.locator('mark')).toHaveText('Zanzibar')
  await expect(results(page).getByRole('group', { name: NAME })).toBeVisible()

  await hit.click()
  const target = thread(page).locator(`[data-message-id="${messageId}"]`)
  await expect(target).toBeInViewport()
  await expect(target).toHaveAttribute('data-highlighted', 'true')
  await expect(target).toHaveAttribute('aria-current', 'true')
  // Only that one is highlighted, and the thread was loaded around it (the newest page does not reach it).
  await expect(thread(page).locator('[data-highlighted]')).toHaveCount(1)
  await expect(thread(page).locator(`[data-message-id="${messageId + NEWER_MESSAGES}"]`)).toHaveCount(0)

  // A new message that matches joins the results on its own, once the sync has stored it.
  await sandboxControl(sandbox, 'POST', '/_sandbox/inbound', {
    apiKey: SANDBOX_ACCOUNTS.acme.apiKey,
    chatId: (await conversationNamed(page, NAME)).id,
    text: 'Zanzibar again: any news?',
  })
  await expect(hit).toHaveCount(2, SYNCED)
  await expect(hit.first()).toContainText('Zanzibar again')

  // Scrolling down loads the newer pages until the newest message.
  await expect(async () => {
    await thread(page).evaluate((element) => element.scrollTo({ top: element.scrollHeight }))
    await expect(thread(page).locator(`[data-message-id="${messageId + NEWER_MESSAGES}"]`)).toBeVisible({
      timeout: 1_000,
    })
  }).toPass(SYNCED)
})

test('FTS syntax in the box never shows an error; the keyboard finds and opens results', async ({ app, sandbox }) => {
  const page = await connectToSandbox(app, sandbox)
  const messageId = await writeHistory(sandbox, page)

  // Quotes, *, parentheses and - are not FTS5 syntax here: the words between them are searched.
  for (const query of ['"zanzibar', 'zanzibar*', '"zanzibar"', '(zanzibar', 'zanzibar)', '-zanz', '*zanz*)"']) {
    await searchBox(page).fill(query)
    await expect(results(page).getByRole('option'), query).toHaveCount(1)
    await expect(page.getByRole('alert')).toHaveCount(0)
  }
  // Operators are words like any other (NEAR finds "near…"), or nothing at all: never an error.
  for (const query of ['"', '*', '((', 'NEAR(', 'NEAR(kettle sea', '"" AND OR NOT', ':^', 'kettle NEAR/2 sea']) {
    await searchBox(page).fill(query)
    await expect(page.getByRole('region', { name: 'Search results' })).toBeVisible()
    await expect(page.getByRole('alert')).toHaveCount(0)
  }
  await searchBox(page).fill('*')
  await expect(page.getByText('Type a word or a number to search messages.')).toBeVisible()
  await searchBox(page).fill('kettle nowhere-to-be-found')
  await expect(page.getByText('No stored message in All matches “kettle nowhere-to-be-found”.')).toBeVisible()

  // Ctrl+F from the page, / from the page, the palette's command: each puts the cursor in the box.
  await searchBox(page).fill('')
  await page.locator('body').click()
  await page.keyboard.press('Control+f')
  await expect(searchBox(page)).toBeFocused()
  await page.locator('body').click()
  await page.keyboard.press('/')
  await expect(searchBox(page)).toBeFocused()
  await page.locator('body').click()
  await page.keyboard.press('Control+k')
  await page.getByRole('dialog', { name: 'Command palette' }).getByRole('textbox').fill('Search messages')
  await page.keyboard.press('Enter')
  await expect(searchBox(page)).toBeFocused()

  // Arrows move through the results from the box; Enter opens the thread at the active one.
  await page.keyboard.type('sea freight')
  const option = results(page).getByRole('option')
  await expect(option).toHaveCount(1)
  await page.keyboard.press('ArrowDown')
  await expect(option).toHaveAttribute('aria-selected', 'true')
  await expect(searchBox(page)).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id'))!)
  await page.keyboard.press('Enter')
  await expect(thread(page).locator(`[data-message-id="${messageId}"][data-highlighted]`)).toBeInViewport()
})

test('search answers from the stored history with the server gone, and after a restart offline', async ({
  app,
  sandbox,
}) => {
  const page = await connectToSandbox(app, sandbox)
  await writeHistory(sandbox, page)
  await sandbox.close()
  await app.setOnline(false)

  await searchBox(page).fill('kettle')
  await expect(results(page).getByRole('option')).toContainText('Zanzibar')
  await expect(page.getByText('Offline: searching the history stored on this computer.')).toBeVisible(SYNCED)

  await app.restart()
  const again = await app.firstWindow()
  await searchBox(again).fill('zanzibar')
  await expect(results(again).getByRole('option')).toContainText('blue kettle')
  await expect(results(again).locator('mark')).toHaveText('Zanzibar')
})
