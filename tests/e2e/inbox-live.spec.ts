/**
 * What needs main's live inbox engine (sync events and the outbox): changes
 * pushed to the UI, replies and their status, the stale-send guard, and
 * opening a conversation from a notification.
 */
import { connectToSandbox, expect, sandboxControl, test } from './fixtures'
import { chatIdOf, conversationList as list, conversationRow as row, openConversation } from './inbox-page'

const ACME_KEY = 'sandbox-acme-key'

test('a new conversation appears, and the counts rise, without a reload', async ({ app, sandbox }) => {
  const page = await connectToSandbox(app, sandbox)
  const nav = page.getByRole('navigation', { name: 'Views' })
  const countOf = async (view: string) =>
    Number(
      await nav
        .getByRole('button', { name: new RegExp(`^${view}`) })
        .getByText(/^\d+$/)
        .textContent(),
    )
  await expect(list(page).getByRole('option').first()).toBeVisible()
  const all = await countOf('All')
  await sandboxControl(sandbox, 'POST', '/_sandbox/inbound', {
    apiKey: ACME_KEY,
    channelId: 'ch_acme_sms',
    contact: { name: 'Brand New Customer', phoneNumber: '+15550009999' },
    text: 'Hello, is anyone there?',
  })
  await expect(row(page, 'Brand New Customer')).toBeVisible({ timeout: 20_000 })
  await expect.poll(() => countOf('All'), { timeout: 20_000 }).toBe(all + 1)
})

test('a reply appears at once, then follows its real status to delivered', async ({ app, sandbox }) => {
  const page = await connectToSandbox(app, sandbox)
  await openConversation(page, 'Kwame Mensah')
  const reply = page.getByRole('textbox', { name: 'Reply' })
  await reply.fill('The blender ships tomorrow.')
  await reply.press('Shift+Enter')
  await reply.pressSequentially('Tracking follows.')
  await expect(reply).toHaveValue('The blender ships tomorrow.\nTracking follows.')
  await reply.press('Enter')
  await expect(reply).toHaveValue('')
  const messages = page.getByRole('region', { name: 'Messages with Kwame Mensah' })
  const bubble = messages.locator('[data-message-id], [data-client-id]').filter({ hasText: 'Tracking follows.' })
  await expect(bubble).toBeVisible()
  await expect(bubble).toContainText(/Delivered|Read/, { timeout: 30_000 })
  await expect(bubble).toHaveCount(1)
})

test('messages that arrive while typing are shown before the reply goes', async ({ app, sandbox }) => {
  const page = await connectToSandbox(app, sandbox)
  await openConversation(page, 'Kwame Mensah')
  const reply = page.getByRole('textbox', { name: 'Reply' })
  await reply.fill('Your order is on its way.')
  await sandboxControl(sandbox, 'POST', '/_sandbox/inbound', {
    apiKey: ACME_KEY,
    chatId: await chatIdOf(page, 'Kwame Mensah'),
    text: 'Actually, please cancel it!',
  })
  const messages = page.getByRole('region', { name: 'Messages with Kwame Mensah' })
  await expect(messages.getByText('Actually, please cancel it!')).toBeVisible({ timeout: 20_000 })
  await reply.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'New messages arrived while you were typing' })
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText('Actually, please cancel it!')
  await dialog.getByRole('button', { name: 'Edit my reply' }).click()
  await expect(reply).toHaveValue('Your order is on its way.')
  // Now seen: the next Enter sends.
  await reply.press('Enter')
  await expect(reply).toHaveValue('')
})

test('clicking a notification opens its conversation', async ({ app, sandbox }) => {
  const page = await connectToSandbox(app, sandbox)
  await openConversation(page, 'Kwame Mensah')
  await sandboxControl(sandbox, 'POST', '/_sandbox/inbound', {
    apiKey: ACME_KEY,
    chatId: await chatIdOf(page, 'Sofía Hernández'),
    text: 'Hola, ¿hay novedades?',
  })
  await expect
    .poll(async () => (await app.notifications()).filter((n) => n.body.includes('novedades')).length, {
      timeout: 20_000,
    })
    .toBeGreaterThan(0)
  await app.clickNotification((notification) => notification.body.includes('novedades'))
  await expect(page.getByRole('region', { name: 'Messages with Sofía Hernández' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Messages with Sofía Hernández' })).toContainText(
    'Hola, ¿hay novedades?',
  )
})

test('sync trouble shows a banner with the next attempt, and it goes away when sync recovers', async ({
  app,
  sandbox,
}) => {
  const page = await connectToSandbox(app, sandbox)
  await sandboxControl(sandbox, 'POST', '/_sandbox/faults', {
    rules: [{ method: 'GET', path: '/conversations', status: 503 }],
  })
  const banner = page.getByRole('status').filter({ hasText: /Sync is having trouble|You are offline/ })
  await expect(banner).toBeVisible({ timeout: 30_000 })
  await expect(banner).toContainText(/Trying again at|Next try at/)
  await sandboxControl(sandbox, 'DELETE', '/_sandbox/faults')
  await expect(banner).toHaveCount(0, { timeout: 60_000 })
})

test('a refused key is announced once: dismissed, it stays away while the key is still refused', async ({
  app,
  sandbox,
}) => {
  const page = await connectToSandbox(app, sandbox)
  await sandboxControl(sandbox, 'POST', '/_sandbox/faults', {
    rules: [{ method: 'GET', path: '/conversations', status: 401 }],
  })
  const banner = page.getByRole('alert').filter({ hasText: 'Your API key was refused' })
  await expect(banner).toBeVisible({ timeout: 30_000 })
  await expect(banner).toHaveCount(1)
  await banner.getByRole('button', { name: 'Dismiss' }).click()
  await expect(banner).toHaveCount(0)
  // Still refused after further sync status events: it stays dismissed.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const stop = window.inboxDesk.on('syncStatus', () => {
          stop()
          resolve()
        })
        setTimeout(resolve, 15_000)
      }),
  )
  await expect(banner).toHaveCount(0)
})

test('"Update key" on the refused-key banner opens the connect form with the address', async ({ app, sandbox }) => {
  const page = await connectToSandbox(app, sandbox)
  await sandboxControl(sandbox, 'POST', '/_sandbox/faults', {
    rules: [{ method: 'GET', path: '/conversations', status: 401 }],
  })
  const banner = page.getByRole('alert').filter({ hasText: 'Your API key was refused' })
  await expect(banner).toBeVisible({ timeout: 30_000 })
  await banner.getByRole('button', { name: 'Update key' }).click()
  await expect(page.getByLabel('API address', { exact: true })).toHaveValue(sandbox.url)
})

test('a reply outside the WhatsApp window ends failed, with the reason explained', async ({ app, sandbox }) => {
  const page = await connectToSandbox(app, sandbox)
  await openConversation(page, 'Fatima Al-Sayed')
  const reply = page.getByRole('textbox', { name: 'Reply' })
  await reply.fill('Sorry for the delay, Fatima.')
  await reply.press('Enter')
  await page
    .getByRole('dialog', { name: 'This reply will probably fail' })
    .getByRole('button', { name: 'Send anyway' })
    .click()
  const messages = page.getByRole('region', { name: 'Messages with Fatima Al-Sayed' })
  const bubble = messages.locator('[data-message-id], [data-client-id]').filter({ hasText: 'Sorry for the delay' })
  await expect(bubble).toContainText('Failed', { timeout: 30_000 })
  await expect(bubble).toContainText('within 24 hours')
})
