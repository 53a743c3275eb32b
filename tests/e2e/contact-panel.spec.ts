/**
 * The contact panel (issue 13 §3) through the harness: who the contact is, their other conversations across
 * channels (a click opens one), collapsed and remembered over a restart, and an error state (not a blank) when
 * its data fails to load (a 502 on a long thread not stored), with a Retry that works; a stored thread asks nothing.
 */
import type { Page } from '@playwright/test'
import { SANDBOX_ACCOUNTS } from '../../src/sandbox'
import type { RunningSandbox } from '../../src/sandbox'
import { connectToSandbox, connectWithoutBackfill, expect, sandboxControl, sandboxRequests, test } from './fixtures'
import { bridgeConversations, chatIdOf, conversationRow, openConversation } from './inbox-page'

const KWAME_PHONE = '+233244559012'

/** Kwame writes again, by SMS, under a shorter name: the same contact by their number. */
async function kwameBySms(page: Page, sandbox: RunningSandbox): Promise<string> {
  const { chatId } = await sandboxControl<{ chatId: string }>(sandbox, 'POST', '/_sandbox/inbound', {
    apiKey: SANDBOX_ACCOUNTS.acme.apiKey,
    channelId: 'ch_acme_sms',
    contact: { name: 'K. Mensah', phoneNumber: KWAME_PHONE },
    text: 'Texting you from my other phone plan: any news on the blender?',
  })
  await expect
    .poll(async () => (await bridgeConversations(page)).some((c) => c.id === chatId), { timeout: 30_000 })
    .toBe(true)
  return chatId
}

const panelOf = (page: Page, name: string) => page.getByRole('complementary', { name: `Contact details: ${name}` })

test('the contact panel shows the contact and opens their conversation on another channel', async ({
  app,
  sandbox,
}) => {
  const page = await connectToSandbox(app, sandbox)
  await kwameBySms(page, sandbox)
  await openConversation(page, 'Kwame Mensah')

  const panel = panelOf(page, 'Kwame Mensah')
  await expect(panel.getByText('Kwame Mensah', { exact: true })).toBeVisible()
  await expect(panel.getByText(KWAME_PHONE)).toBeVisible()
  await expect(panel.getByText('Acme WhatsApp', { exact: true })).toBeVisible()
  await expect(panel.getByText('Unassigned', { exact: true })).toBeVisible()
  // The first message comes from the server (the thread's first page): a date, not a spinner or a blank.
  await expect(panel.locator('dd time')).toHaveCount(2)
  const other = panel.getByRole('button', { name: /Open the conversation on Acme SMS/ })
  await expect(other).toContainText('any news on the blender?')

  await other.click()
  await expect(page.getByRole('region', { name: 'Messages with K. Mensah' })).toBeVisible()
  const back = panelOf(page, 'K. Mensah').getByRole('button', { name: /Open the conversation on Acme WhatsApp/ })
  await expect(back).toBeVisible()
  await back.click()
  await expect(page.getByRole('region', { name: 'Messages with Kwame Mensah' })).toBeVisible()

  // A contact who writes on one channel only says so.
  await openConversation(page, 'Sofía Hernández')
  await expect(panelOf(page, 'Sofía Hernández').getByText('No other conversations with this contact.')).toBeVisible()
})

test('the contact panel collapses and stays collapsed after a restart', async ({ app, sandbox }) => {
  const page = await connectToSandbox(app, sandbox)
  await openConversation(page, 'Kwame Mensah')
  await panelOf(page, 'Kwame Mensah').getByRole('button', { name: 'Hide contact details' }).click()
  await expect(panelOf(page, 'Kwame Mensah')).toHaveCount(0)
  const show = page.getByRole('button', { name: 'Show contact details' })
  await expect(show).toHaveAttribute('aria-expanded', 'false')

  await app.restart()
  const again = await app.firstWindow()
  await openConversation(again, 'Kwame Mensah')
  await expect(again.getByRole('button', { name: 'Show contact details' })).toBeVisible()
  await expect(panelOf(again, 'Kwame Mensah')).toHaveCount(0)
  await again.getByRole('button', { name: 'Show contact details' }).click()
  await expect(panelOf(again, 'Kwame Mensah').getByText(KWAME_PHONE)).toBeVisible()
})

test('a stored thread: a 502 changes nothing (the panel asks the server nothing); a dropped connection neither', async ({
  app,
  sandbox,
}) => {
  const page = await connectToSandbox(app, sandbox)
  const smsChat = await kwameBySms(page, sandbox)
  const whatsappChat = await chatIdOf(page, 'Kwame Mensah')
  await openConversation(page, 'Kwame Mensah')
  const panel = panelOf(page, 'Kwame Mensah')
  await expect(panel.locator('dd time')).toHaveCount(2)

  // Its pages are on this computer now (the thread's page reached its start): a 502 is never even met.
  await sandboxControl(sandbox, 'POST', '/_sandbox/faults', {
    rules: [{ method: 'GET', path: `/conversations/${whatsappChat}/messages`, status: 502 }],
  })
  await page.getByRole('textbox', { name: 'Search conversations' }).fill('K. Mensah')
  await conversationRow(page, 'K. Mensah').click()
  await page.getByRole('textbox', { name: 'Search conversations' }).fill('')
  await openConversation(page, 'Kwame Mensah')
  await expect(panel.locator('dd time')).toHaveCount(2)
  await expect(panel.getByRole('alert')).toHaveCount(0)
  const firstMessageReads = (await sandboxRequests(sandbox)).filter(
    (r) => r.path === `/conversations/${whatsappChat}/messages` && /idFrom/.test(JSON.stringify(r.query)),
  )
  expect(firstMessageReads).toEqual([])

  // The connection drops while the other conversation's panel loads: main answers from this computer.
  await sandboxControl(sandbox, 'POST', '/_sandbox/faults', {
    rules: [{ method: 'GET', path: `/conversations/${smsChat}/messages`, mode: 'drop-before-commit' }],
  })
  await panel.getByRole('button', { name: /Open the conversation on Acme SMS/ }).click()
  const smsPanel = panelOf(page, 'K. Mensah')
  await expect(smsPanel.locator('dd time')).toHaveCount(2)
  await expect(smsPanel.getByRole('alert')).toHaveCount(0)
})

test('a long thread not stored: a 502 on its first page shows an error with Retry, and Retry works', async ({
  app,
  sandbox,
}) => {
  await sandboxControl(sandbox, 'POST', '/_sandbox/reset', { seed: { conversations: 3, messagesPerConversation: 250 } })
  // Nothing stored ahead (the backfill off): the first message is on the thread's oldest page, asked of the server.
  const page = await connectWithoutBackfill(app, sandbox)
  const conversations = await page.evaluate(() => window.inboxDesk.listConversations({}))
  if (!conversations.ok) throw new Error(conversations.error.message)
  const target = conversations.value[0]!
  await sandboxControl(sandbox, 'POST', '/_sandbox/faults', {
    rules: [{ method: 'GET', path: `/conversations/${target.id}/messages`, status: 502 }],
  })
  await page.getByRole('listbox', { name: 'Conversations' }).getByRole('option').first().click()
  const panel = page.getByRole('complementary', { name: /^Contact details/ })
  const error = panel.getByRole('alert').filter({ hasText: 'Could not load the first message' })
  await expect(error).toBeVisible({ timeout: 60_000 })
  // What the panel knows without the server is still there.
  await expect(panel.locator('dd time')).toHaveCount(1) // the last message's date, from the list

  await sandboxControl(sandbox, 'DELETE', '/_sandbox/faults')
  await error.getByRole('button', { name: 'Retry' }).click()
  await expect(error).toHaveCount(0)
  await expect(panel.locator('dd time')).toHaveCount(2)
})
