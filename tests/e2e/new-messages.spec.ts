/**
 * The "New messages" divider (issue 13 §5): it sits before the first message that was unread when the
 * conversation was opened, N (and the palette) jumps to it, and with nothing unread there is none.
 */
import { SANDBOX_ACCOUNTS } from '../../src/sandbox'
import { connectToSandbox, expect, sandboxControl, test } from './fixtures'
import { chatIdOf, conversationNamed, openConversation } from './inbox-page'

const UNREAD = 30

test('the divider appears at the first unread message and N jumps to it', async ({ app, sandbox }) => {
  const page = await connectToSandbox(app, sandbox)
  const chatId = await chatIdOf(page, 'Kwame Mensah')
  // Read first (on the server too), so exactly the 30 below are unread.
  const read = await page.evaluate((id) => window.inboxDesk.markRead({ chatId: id }), chatId)
  expect(read.ok).toBe(true)
  for (let i = 1; i <= UNREAD; i++) {
    await sandboxControl(sandbox, 'POST', '/_sandbox/inbound', {
      apiKey: SANDBOX_ACCOUNTS.acme.apiKey,
      chatId,
      text: `Still waiting, update ${i}`,
    })
  }
  // The sandbox raised unreadCount by one per message; the app sees it on its next sync.
  await expect
    .poll(async () => (await conversationNamed(page, 'Kwame Mensah')).unreadCount, { timeout: 30_000 })
    .toBe(UNREAD)

  await openConversation(page, 'Kwame Mensah')
  const messages = page.getByRole('region', { name: 'Messages with Kwame Mensah' })
  await expect(messages.getByText(`Still waiting, update ${UNREAD}`)).toBeVisible()
  const divider = messages.getByRole('heading', { name: 'New messages' })
  // The thread opens at the bottom: 30 messages up, the divider is out of sight.
  await expect(divider).not.toBeInViewport()

  await messages.focus() // out of the search box: a single key is a shortcut
  await page.keyboard.press('n')
  await expect(divider).toBeInViewport()
  await expect(divider).toBeFocused()
  // It is just before the first of the 30, and after the last message read before them.
  const rowText = (delta: number) =>
    divider.evaluate((element, d) => {
      const row = element.closest('[data-index]')
      const index = Number(row?.getAttribute('data-index')) + d
      return row?.parentElement?.querySelector(`[data-index="${index}"]`)?.textContent ?? ''
    }, delta)
  expect(await rowText(1)).toMatch(/Still waiting, update 1(?!\d)/)
  expect(await rowText(-1)).not.toContain('Still waiting')
  // Opening marked it read; the divider stays while the thread is open.
  await expect.poll(async () => (await conversationNamed(page, 'Kwame Mensah')).unreadCount).toBe(0)
  await expect(divider).toHaveCount(1)

  // Away and back: nothing is unread any more, so no divider, and N says so.
  await openConversation(page, 'Sofía Hernández')
  await openConversation(page, 'Kwame Mensah')
  await expect(messages.getByText(`Still waiting, update ${UNREAD}`)).toBeVisible()
  await expect(messages.getByRole('heading', { name: 'New messages' })).toHaveCount(0)
  await messages.focus() // out of the search box: a single key is a shortcut
  await page.keyboard.press('n')
  await expect(page.getByText('No new messages in this conversation.')).toBeVisible()
})

test('the shortcuts sheet lists N', async ({ app, sandbox }) => {
  const page = await connectToSandbox(app, sandbox)
  await page.keyboard.press('?')
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(sheet.getByRole('row', { name: 'N Jump to the new messages' })).toBeVisible()
})
