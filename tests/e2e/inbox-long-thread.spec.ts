/**
 * A long thread not stored yet: opens on the newest page in exactly one request, loads older
 * pages on scroll-up without moving what the agent was reading.
 */
import { connectWithoutBackfill, expect, sandboxControl, sandboxRequests, test } from './fixtures'

test('a long thread opens on its newest page in one request and pages back without jumping', async ({
  app,
  sandbox,
}) => {
  await sandboxControl(sandbox, 'POST', '/_sandbox/reset', { seed: { conversations: 3, messagesPerConversation: 450 } })
  // The history backfill off: this is the read when nothing is stored (tests/e2e/backfill.spec.ts has the
  // stored case, which asks nothing), and the request log must hold the thread's requests only.
  const page = await connectWithoutBackfill(app, sandbox)
  // The contact panel reads the thread's oldest page for its "first message" date: collapsed, so the log holds
  // the thread's own reads only (tests/e2e/contact-panel.spec.ts has the panel's).
  const collapsed = await page.evaluate(() => window.inboxDesk.updateSettings({ contactPanel: false }))
  expect(collapsed.ok).toBe(true)
  const conversations = await page.evaluate(() => window.inboxDesk.listConversations({}))
  if (!conversations.ok) throw new Error(conversations.error.message)
  const target = conversations.value[0]!
  const lastId = target.lastMessage!.id

  await page.getByRole('listbox', { name: 'Conversations' }).getByRole('option').first().click()
  const messages = page.getByRole('region', { name: /^Messages with/ })
  await expect(messages.locator(`[data-message-id="${lastId}"]`)).toBeVisible()

  const messageRequests = async () =>
    (await sandboxRequests(sandbox)).filter((request) => request.path === `/conversations/${target.id}/messages`)
  const opening = await messageRequests()
  expect(opening).toHaveLength(1)
  expect(JSON.stringify(opening[0]!.query)).toMatch(new RegExp(`idTo\\W+${lastId}\\b`))

  // The oldest message of that first page: at the top once scrolled up, and still in view after the
  // older page has been put above it.
  const firstPage = await page.evaluate(({ chatId, idTo }) => window.inboxDesk.getMessages({ chatId, idTo }), {
    chatId: target.id,
    idTo: lastId,
  })
  if (!firstPage.ok) throw new Error(firstPage.error.message)
  const anchorId = firstPage.value.data[0]!.id
  const requestsBefore = (await messageRequests()).length

  await messages.evaluate((element) => element.scrollTo({ top: 0 }))
  await expect.poll(async () => (await messageRequests()).length).toBeGreaterThan(requestsBefore)
  const olderShown = messages.locator('[data-message-id]').first()
  await expect.poll(async () => Number(await olderShown.getAttribute('data-message-id'))).toBeLessThan(anchorId)
  await expect(messages.locator(`[data-message-id="${anchorId}"]`)).toBeInViewport()
})
