/**
 * How the shell presents what the core decides to notify: one native
 * notification per conversation (a newer one closes the older), a click that
 * brings the window back from the tray and opens the conversation, and the
 * unread total on the badge and in the tray. Which events deserve a
 * notification is the notify policy's business (src/main/notify); these specs
 * only need one that does.
 */
import { SANDBOX_ACCOUNTS } from '../../src/sandbox'
import { connectToSandbox, expect, sandboxControl, test } from './fixtures'

const acme = SANDBOX_ACCOUNTS.acme
/** Long enough for a background poll (about 10 s) and its follow-up on a loaded machine. */
const SYNC = { timeout: 30_000 }

async function writeFromNewContact(sandbox: Parameters<typeof sandboxControl>[0], text: string, chatId?: string) {
  return sandboxControl<{ chatId: string; messageId: number }>(
    sandbox,
    'POST',
    '/_sandbox/inbound',
    chatId
      ? { apiKey: acme.apiKey, chatId, text }
      : {
          apiKey: acme.apiKey,
          channelId: 'ch_acme_sms',
          contact: { name: 'Shell Test Contact', phoneNumber: '+15550100999' },
          text,
        },
  )
}

test('one notification per conversation: a newer message closes the older notification', async ({ app, sandbox }) => {
  // Focused (fast polling) but not on this conversation: a notification is still due.
  await connectToSandbox(app, sandbox)
  const { chatId } = await writeFromNewContact(sandbox, 'First question about my order')
  await expect
    .poll(async () => (await app.notifications()).filter((n) => n.body.includes('First question')), SYNC)
    .toHaveLength(1)

  await writeFromNewContact(sandbox, 'Second question, still about my order', chatId)
  await expect
    .poll(async () => (await app.notifications()).filter((n) => n.body.includes('Second question')), SYNC)
    .toHaveLength(1)
  const mine = (await app.notifications()).filter((n) => n.body.includes('question'))
  expect(mine).toHaveLength(2)
  expect(mine[0]!.tag).toBeTruthy()
  expect(mine[1]!.tag).toBe(mine[0]!.tag)
  expect(mine[0]!.closed).toBe(true)
  expect(mine[1]!.closed).toBe(false)
})

test('clicking a notification brings the window back from the tray and opens that conversation', async ({
  app,
  sandbox,
}) => {
  const page = await connectToSandbox(app, sandbox)
  await page.evaluate(() => {
    window.inboxDesk.on('openConversation', ({ chatId }) => {
      ;(window as unknown as { openedChat?: string }).openedChat = chatId
    })
  })
  await app.closeWindow() // to the tray
  await expect.poll(async () => (await app.windowState()).visible).toBe(false)
  const { chatId } = await writeFromNewContact(sandbox, 'Are you open on Sunday?')
  await expect.poll(async () => (await app.notifications()).some((n) => n.body.includes('Sunday')), SYNC).toBe(true)

  await app.clickNotification((n) => n.body.includes('Sunday'))
  await expect.poll(async () => (await app.windowState()).visible).toBe(true)
  expect((await app.windowState()).focused).toBe(true)
  await expect.poll(() => page.evaluate(() => (window as unknown as { openedChat?: string }).openedChat)).toBe(chatId)
})

test('the badge and the tray show the unread total', async ({ app, sandbox }) => {
  await connectToSandbox(app, sandbox)
  await expect.poll(() => app.badgeCount(), SYNC).toBeGreaterThan(0)
  const before = await app.badgeCount()
  const tray = await app.tray()
  expect(tray!.tooltip).toBe(`Inbox Desk — ${before > 99 ? '99+' : before} unread`)
  const imageBefore = tray!.image.png.toString('base64')

  await writeFromNewContact(sandbox, 'One more unread message')
  await expect.poll(() => app.badgeCount(), SYNC).toBe(before + 1)
  const after = await app.tray()
  expect(after!.tooltip).toBe(`Inbox Desk — ${before + 1 > 99 ? '99+' : before + 1} unread`)
  if (before + 1 <= 99) expect(after!.image.png.toString('base64')).not.toBe(imageBefore)
})
