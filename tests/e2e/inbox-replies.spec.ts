/**
 * Replies that meet trouble, checked on the server as well as on screen: a dropped connection after the server
 * committed, a restart with a reply still queued, a refused reply retried or discarded, a reply whose outcome
 * cannot be confirmed (Resend). Also the Archive view
 * and the date filter, the WhatsApp window's countdown, and error states on real server failures.
 */
import type { Page } from '@playwright/test'
import type { RunningSandbox } from '../../src/sandbox'
import { connectToSandbox, connectWithoutBackfill, expect, sandboxControl, sandboxRequests, test } from './fixtures'
import { conversationList as list, conversationNamed, conversationRow as row, openConversation } from './inbox-page'

const ACME_KEY = 'sandbox-acme-key'
/** The API's send-reply operation (the conversation is in the body). */
const REPLY_PATH = '/conversations/reply'
const views = (page: Page) => page.getByRole('navigation', { name: 'Views' })

interface ServerMessage {
  id: number
  direction: string
  status: string
  content: { text?: string }
}
/** Straight from the sandbox's API (not through the app): the messages of a conversation with this text. */
async function serverMessagesWithText(sandbox: RunningSandbox, chatId: string, text: string): Promise<ServerMessage[]> {
  const messages: ServerMessage[] = []
  let idFrom = 1
  for (;;) {
    const response = await fetch(`${sandbox.url}/conversations/${chatId}/messages?idFrom=${idFrom}`, {
      headers: { 'x-api-key': ACME_KEY },
    })
    if (!response.ok) throw new Error(`GET messages answered ${response.status}`)
    const page = (await response.json()) as { data: ServerMessage[]; hasMore: boolean }
    messages.push(...page.data)
    if (!page.hasMore || page.data.length === 0) break
    idFrom = page.data.at(-1)!.id + 1
  }
  return messages.filter((message) => message.content.text === text)
}

async function loggedRequests(sandbox: RunningSandbox, method: string, path: string) {
  return (await sandboxRequests(sandbox)).filter((request) => request.method === method && request.path === path)
}

/** The bubble of a reply (queued from the outbox, or the server's message) with this text. */
const replyBubble = (page: Page, name: string, text: string) =>
  page
    .getByRole('region', { name: `Messages with ${name}` })
    .locator('[data-message-id], [data-client-id]')
    .filter({ hasText: text })

test('a reply whose connection drops after the server committed it makes exactly one message', async ({
  app,
  sandbox,
}) => {
  const page = await connectToSandbox(app, sandbox)
  const chat = await conversationNamed(page, 'Kwame Mensah')
  await sandboxControl(sandbox, 'POST', '/_sandbox/faults', {
    rules: [{ method: 'POST', path: REPLY_PATH, mode: 'drop-after-commit', times: 1 }],
  })
  await openConversation(page, 'Kwame Mensah')
  const text = 'Your replacement blender left the warehouse this morning.'
  const reply = page.getByRole('textbox', { name: 'Reply' })
  await reply.fill(text)
  await reply.press('Enter')

  // The server did the work and the socket was destroyed without an answer.
  await expect.poll(async () => (await loggedRequests(sandbox, 'POST', REPLY_PATH)).some((r) => r.dropped)).toBe(true)
  // Sync brings the server's message in, usually before the outbox has checked the thread: the queued bubble
  // then makes way for it at once, so the reply never shows twice.
  const bubble = replyBubble(page, 'Kwame Mensah', text)
  await expect(bubble.and(page.locator('[data-message-id]'))).toBeVisible({ timeout: 20_000 })
  expect(await bubble.count()).toBe(1)
  // The outbox waits a moment, then checks the thread and finds the message there instead of sending again.
  await expect
    .poll(async () => {
      const outbox = await page.evaluate(() => window.inboxDesk.listOutbox())
      return outbox.ok ? outbox.value.map((entry) => entry.state) : []
    })
    .toEqual(['accepted'])
  await expect(bubble).toHaveCount(1)
  await expect(bubble).toContainText(/Delivered|Read/, { timeout: 30_000 })
  await expect(bubble).toHaveCount(1)
  await expect(bubble).not.toContainText(/Failed|Not sent/)
  // The outbox found its message in the thread instead of sending again.
  expect(await serverMessagesWithText(sandbox, chat.id, text)).toHaveLength(1)
  expect(await loggedRequests(sandbox, 'POST', REPLY_PATH)).toHaveLength(1)
})

test('a reply still queued when the app restarts is sent exactly once', async ({ app, sandbox }) => {
  // A 502 is ambiguous: after the restart the outbox reads the thread until that attempt's 30 s window has passed.
  test.setTimeout(120_000)
  const page = await connectToSandbox(app, sandbox)
  const chat = await conversationNamed(page, 'Kwame Mensah')
  // The provider is down: every send answers 502, so the reply waits in the outbox.
  await sandboxControl(sandbox, 'POST', '/_sandbox/faults', {
    rules: [{ method: 'POST', path: REPLY_PATH, status: 502 }],
  })
  await openConversation(page, 'Kwame Mensah')
  const text = 'Queued while the provider was down.'
  const reply = page.getByRole('textbox', { name: 'Reply' })
  await reply.fill(text)
  await reply.press('Enter')
  await expect(replyBubble(page, 'Kwame Mensah', text)).toContainText(/Queued/)
  await expect.poll(async () => (await loggedRequests(sandbox, 'POST', REPLY_PATH)).length).toBeGreaterThan(0)
  const outbox = await page.evaluate(() => window.inboxDesk.listOutbox())
  expect(outbox.ok && outbox.value.map((entry) => [entry.text, entry.state])).toEqual([[text, 'pending']])

  await app.restart()
  const again = await app.firstWindow()
  await expect(views(again)).toBeVisible({ timeout: 20_000 })
  await sandboxControl(sandbox, 'DELETE', '/_sandbox/faults')
  await expect.poll(() => serverMessagesWithText(sandbox, chat.id, text), { timeout: 60_000 }).toHaveLength(1)
  await openConversation(again, 'Kwame Mensah')
  const bubble = replyBubble(again, 'Kwame Mensah', text)
  await expect(bubble).toContainText(/Delivered|Read/, { timeout: 30_000 })
  await expect(bubble).toHaveCount(1)
  expect(await serverMessagesWithText(sandbox, chat.id, text)).toHaveLength(1)
  const accepted = (await loggedRequests(sandbox, 'POST', REPLY_PATH)).filter((request) => request.status === 202)
  expect(accepted).toHaveLength(1)
})

test('a refused reply can be retried, or discarded with its text back in the reply box', async ({ app, sandbox }) => {
  const page = await connectToSandbox(app, sandbox)
  const chat = await conversationNamed(page, 'Kwame Mensah')
  await openConversation(page, 'Kwame Mensah')
  const reply = page.getByRole('textbox', { name: 'Reply' })
  /** Sends a reply the server refuses (400) and waits until its bubble says so. */
  const sendRefusedReply = async (text: string) => {
    await sandboxControl(sandbox, 'POST', '/_sandbox/faults', {
      rules: [{ method: 'POST', path: REPLY_PATH, status: 400, times: 1 }],
    })
    await reply.fill(text)
    await reply.press('Enter')
    const bubble = replyBubble(page, 'Kwame Mensah', text)
    await expect(bubble).toContainText('Not sent', { timeout: 30_000 })
    return bubble
  }

  const first = 'First try: your refund is on its way.'
  const firstBubble = await sendRefusedReply(first)
  await expect(firstBubble.getByRole('note')).toContainText('Injected fault')
  await firstBubble.getByRole('button', { name: 'Retry' }).click()
  await expect(firstBubble).toContainText(/Delivered|Read/, { timeout: 30_000 })
  await expect(firstBubble).toHaveCount(1)
  expect(await serverMessagesWithText(sandbox, chat.id, first)).toHaveLength(1)

  const second = 'Second message, which the agent will take back.'
  const secondBubble = await sendRefusedReply(second)
  await reply.fill('Typed meanwhile.')
  await secondBubble.getByRole('button', { name: 'Discard' }).click()
  await expect(secondBubble).toHaveCount(0)
  // Nothing lost: the discarded text is back in the box, after what was typed meanwhile, and kept as the draft.
  await expect(reply).toHaveValue(`Typed meanwhile.\n${second}`)
  await expect
    .poll(async () => {
      const drafts = await page.evaluate(() => window.inboxDesk.getDrafts())
      return drafts.ok ? drafts.value[chat.id] : null
    })
    .toBe(`Typed meanwhile.\n${second}`)
  const outbox = await page.evaluate(() => window.inboxDesk.listOutbox())
  expect(outbox.ok && outbox.value.filter((entry) => entry.text === second)).toEqual([])
  expect(await serverMessagesWithText(sandbox, chat.id, second)).toHaveLength(0)
})

test('a reply whose outcome cannot be confirmed stops visibly, is never resent on its own, and Resend sends it once', async ({
  app,
  sandbox,
}) => {
  test.setTimeout(120_000) // the outbox reads the thread for its whole ambiguity window (30 s) first
  const page = await connectToSandbox(app, sandbox)
  const chat = await conversationNamed(page, 'Kwame Mensah')
  await openConversation(page, 'Kwame Mensah')
  // The connection drops before the server made the reply: the outbox cannot tell.
  await sandboxControl(sandbox, 'POST', '/_sandbox/faults', {
    rules: [{ method: 'POST', path: REPLY_PATH, mode: 'drop-before-commit', delayMs: 500, times: 1 }],
  })
  const text = 'Did this one go? Nobody can say yet.'
  const reply = page.getByRole('textbox', { name: 'Reply' })
  await reply.fill(text)
  await reply.press('Enter')
  const bubble = replyBubble(page, 'Kwame Mensah', text)
  await expect(bubble).toContainText('Sending…')
  // ...and the thread cannot be read until the window has passed.
  await sandboxControl(sandbox, 'POST', '/_sandbox/faults', {
    rules: [{ method: 'GET', path: `/conversations/${chat.id}/messages`, status: 503 }],
  })
  await expect(bubble).toContainText('Not confirmed', { timeout: 60_000 })
  await expect(bubble.getByRole('note')).toHaveText(
    "Couldn't confirm this was sent — check the conversation, then Resend or Discard.",
  )
  await page.screenshot({ path: test.info().outputPath('unconfirmed-bubble.png') })
  expect(await loggedRequests(sandbox, 'POST', REPLY_PATH)).toHaveLength(1) // not resent on its own

  await sandboxControl(sandbox, 'DELETE', '/_sandbox/faults')
  await bubble.getByRole('button', { name: 'Resend' }).click()
  await expect(bubble).toContainText(/Delivered|Read/, { timeout: 30_000 })
  await expect(bubble).toHaveCount(1)
  expect(await serverMessagesWithText(sandbox, chat.id, text)).toHaveLength(1)
  expect(await loggedRequests(sandbox, 'POST', REPLY_PATH)).toHaveLength(2)
})

test('switching conversations leaves only the open one’s messages on screen', async ({ app, sandbox }) => {
  const page = await connectToSandbox(app, sandbox)
  await openConversation(page, 'Kwame Mensah')
  await openConversation(page, 'Marcus Johnson')
  await expect(page.locator('[data-testid="message-list"]')).toHaveCount(1)
  await expect(page.getByRole('region', { name: 'Messages with Kwame Mensah' })).toHaveCount(0)
})

test('the Archive view lists the archived conversations, unarchive brings one back, and the date filter narrows the list', async ({
  app,
  sandbox,
}) => {
  const page = await connectToSandbox(app, sandbox)
  const archived = await page.evaluate(() => window.inboxDesk.listConversations({ archived: 'true' }))
  if (!archived.ok) throw new Error(archived.error.message)
  expect(archived.value.length).toBeGreaterThan(1)
  expect(archived.value.length).toBeLessThan(12) // all fit on screen: the virtual list renders them all
  await views(page)
    .getByRole('button', { name: /^Archive/ })
    .click()
  await expect(views(page).getByRole('button', { name: /^Archive/ })).toHaveAttribute('aria-current', 'page')
  await expect(list(page).getByRole('option')).toHaveCount(archived.value.length)
  await expect(row(page, 'Agnieszka Nowak')).toBeVisible()

  // "Active since" today: conversations last active days ago leave the list.
  const today = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  await page.getByRole('button', { name: 'Filter and sort' }).click()
  await page
    .getByRole('textbox', { name: 'Active since' })
    .fill(`${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`)
  await page.keyboard.press('Escape')
  await expect(page.getByRole('button', { name: 'Filter and sort (1 filter on)' })).toBeVisible()
  await expect(row(page, 'Agnieszka Nowak')).toHaveCount(0)
  const startOfToday = new Date(today.getFullYear(), today.getMonth(), today.getDate()).getTime()
  const activeToday = archived.value.filter((c) => Date.parse(c.updatedDate) >= startOfToday)
  if (activeToday.length === 0) await expect(page.getByText('No conversation matches these filters.')).toBeVisible()
  else await expect(list(page).getByRole('option')).toHaveCount(activeToday.length)
  await page.getByRole('button', { name: 'Filter and sort (1 filter on)' }).click()
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await page.keyboard.press('Escape')
  await expect(list(page).getByRole('option')).toHaveCount(archived.value.length)

  await row(page, 'Agnieszka Nowak').click()
  await page
    .getByRole('region', { name: 'Conversation with Agnieszka Nowak' })
    .getByRole('button', { name: 'Unarchive' })
    .click()
  await expect(row(page, 'Agnieszka Nowak')).toHaveCount(0)
  await expect(list(page).getByRole('option')).toHaveCount(archived.value.length - 1)
  await expect.poll(async () => (await conversationNamed(page, 'Agnieszka Nowak')).archived).toBe(false)
  await views(page).getByRole('button', { name: /^All/ }).click()
  await page.getByRole('textbox', { name: 'Search conversations' }).fill('Agnieszka')
  await expect(row(page, 'Agnieszka Nowak')).toBeVisible()
})

test('the WhatsApp window shows the time left, and warns when under an hour is left', async ({ app, sandbox }) => {
  const page = await connectToSandbox(app, sandbox)
  const chat = await conversationNamed(page, 'Kwame Mensah')
  await openConversation(page, 'Kwame Mensah')
  const header = page.getByRole('region', { name: 'Conversation with Kwame Mensah' })
  await expect(header.getByText(/^2[23] h \d+ min left$/)).toBeVisible()

  // 23 h 30 min later, for the server (sandbox clock) and for the app's window (its clock; main keeps real time).
  const later = Date.parse(chat.lastInboundDate!) + (23 * 60 + 30) * 60_000
  await sandboxControl(sandbox, 'POST', '/_sandbox/clock', { advanceMs: later - Date.now() })
  await page.clock.setSystemTime(later)
  // The header re-reads the clock every 30 s.
  await expect(header.getByText(/^Window closes in (29|30) min$/)).toBeVisible({ timeout: 40_000 })
  await expect(header.getByText(/The WhatsApp reply window closes in (29|30) min/)).toBeVisible()

  // Still open on the server: a reply sent now goes through.
  const text = 'Just in time: yes, we can still swap the colour.'
  const reply = page.getByRole('textbox', { name: 'Reply' })
  await reply.fill(text)
  await reply.press('Enter')
  await expect(replyBubble(page, 'Kwame Mensah', text)).toContainText(/Delivered|Read/, { timeout: 30_000 })
})

test('a conversation whose messages fail to load says so, and Retry recovers', async ({ app, sandbox }) => {
  // Not stored: a thread the history backfill stored opens without asking the server.
  const page = await connectWithoutBackfill(app, sandbox)
  const chat = await conversationNamed(page, 'Marcus Johnson')
  await sandboxControl(sandbox, 'POST', '/_sandbox/faults', {
    rules: [{ method: 'GET', path: `/conversations/${chat.id}/messages`, status: 500 }],
  })
  const search = page.getByRole('textbox', { name: 'Search conversations' })
  await search.fill('Marcus Johnson')
  await row(page, 'Marcus Johnson').click()
  const alert = page.getByRole('alert').filter({ hasText: 'The messages did not load' })
  await expect(alert).toBeVisible({ timeout: 30_000 })
  await expect(alert).toContainText('HTTP 500')
  await sandboxControl(sandbox, 'DELETE', '/_sandbox/faults')
  // The thread's Retry (the contact panel, which reads the same thread, has its own).
  await page
    .getByRole('region', { name: 'Conversation with Marcus Johnson' })
    .getByRole('button', { name: 'Retry' })
    .click()
  await expect(page.getByRole('region', { name: 'Messages with Marcus Johnson' })).toBeVisible({ timeout: 20_000 })
  await expect(alert).toHaveCount(0)
})

test('when the conversation list cannot load at start, the stored inbox shows, the banner says why, and sync recovers', async ({
  app,
  sandbox,
}) => {
  // Since issue 11 the inbox a restart finds is the one saved on this computer: a failing list no longer
  // empties the window (tests/e2e/local-first.spec.ts has the held and the offline starts).
  await connectToSandbox(app, sandbox)
  // The server fails every list from now on; the app starts again with it down.
  await sandboxControl(sandbox, 'POST', '/_sandbox/faults', {
    rules: [{ method: 'GET', path: '/conversations', status: 500 }],
  })
  await app.restart()
  const page = await app.firstWindow()
  await expect(row(page, 'Kwame Mensah')).toBeVisible({ timeout: 20_000 })
  const banner = page.getByRole('status').filter({ hasText: 'Sync is having trouble' })
  await expect(banner).toBeVisible({ timeout: 60_000 })
  await expect(banner).toContainText('HTTP 500')
  await expect(page.getByRole('alert').filter({ hasText: 'The conversations did not load' })).toHaveCount(0)
  await sandboxControl(sandbox, 'DELETE', '/_sandbox/faults')
  await expect(banner).toHaveCount(0, { timeout: 60_000 })
  await expect(row(page, 'Kwame Mensah')).toBeVisible()
})
