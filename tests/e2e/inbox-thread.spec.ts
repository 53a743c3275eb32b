/**
 * The open conversation through the harness, against the sandbox: messages
 * as text, mark read, keyboard, archive with undo, the assign picker (and its
 * error state), replies and drafts.
 */
import { seriousAxeViolations } from './axe'
import { connectToSandbox, expect, sandboxControl, test } from './fixtures'
import { conversationList as list, conversationNamed, conversationRow as row, openConversation } from './inbox-page'

test('HTML-looking text is shown as text, never run or rendered', async ({ app, sandbox }) => {
  const page = await connectToSandbox(app, sandbox)
  await openConversation(page, 'Kwame Mensah')
  const messages = page.getByRole('region', { name: 'Messages with Kwame Mensah' })
  await expect(messages.getByText('<b>Out of stock</b>', { exact: false })).toBeVisible()
  await expect(messages.getByText('<script>alert(1)</script>', { exact: false })).toBeVisible()
  expect(await messages.locator('b, script').count()).toBe(0)
})

test('opening a conversation marks it read at once, and on the server', async ({ app, sandbox }) => {
  const page = await connectToSandbox(app, sandbox)
  const before = await conversationNamed(page, 'Kwame Mensah')
  expect(before.unreadCount).toBeGreaterThan(0)
  await expect(row(page, 'Kwame Mensah').getByLabel(/\d+ unread/)).toBeVisible()
  await openConversation(page, 'Kwame Mensah')
  await expect(row(page, 'Kwame Mensah').getByLabel(/\d+ unread/)).toHaveCount(0)
  await expect.poll(async () => (await conversationNamed(page, 'Kwame Mensah')).unreadCount).toBe(0)
  expect(await seriousAxeViolations(page)).toEqual([])
})

test('links in messages open through the safe opener', async ({ app, sandbox }) => {
  const page = await connectToSandbox(app, sandbox)
  const chat = await conversationNamed(page, 'Kwame Mensah')
  await sandboxControl(sandbox, 'POST', '/_sandbox/inbound', {
    apiKey: 'sandbox-acme-key',
    chatId: chat.id,
    text: 'The product page is https://example.com/blender?id=7, see?',
  })
  // Opening fetches the newest page, so the new message shows even without sync events.
  await page.reload()
  await openConversation(page, 'Kwame Mensah')
  const link = page.getByRole('link', { name: 'https://example.com/blender?id=7' })
  await expect(link).toBeVisible()
  await link.click()
  await expect.poll(async () => (await app.records()).openedExternalUrls).toContain('https://example.com/blender?id=7')
})

test('keyboard: J/K move, Enter opens, ? lists the shortcuts, Ctrl+K opens the palette', async ({ app, sandbox }) => {
  const page = await connectToSandbox(app, sandbox)
  await expect(list(page).getByRole('option').first()).toBeVisible()
  await page.locator('body').click({ position: { x: 5, y: 700 } })
  await page.keyboard.press('j')
  await page.keyboard.press('j')
  await page.keyboard.press('k')
  const first = list(page).getByRole('option').first()
  await expect(first).toHaveAttribute('data-active', 'true')
  await page.keyboard.press('Enter')
  await expect(first).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByRole('region', { name: /^Messages with/ })).toBeVisible()

  await page.keyboard.press('r')
  await expect(page.getByRole('textbox', { name: 'Reply' })).toBeFocused()
  await page.keyboard.press('Escape')

  await page.keyboard.press('a')
  await expect(page.getByRole('textbox', { name: 'Search teammates' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('textbox', { name: 'Search teammates' })).toHaveCount(0)

  await page.keyboard.press('?')
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0)

  await page.keyboard.press('Control+k')
  const palette = page.getByRole('textbox', { name: 'Command palette' })
  await expect(palette).toBeVisible()
  await palette.fill('Go to Archive')
  await page.keyboard.press('Enter')
  await expect(
    page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Archive/ }),
  ).toHaveAttribute('aria-current', 'page')
})

test('E archives the open conversation, and Undo brings it back', async ({ app, sandbox }) => {
  const page = await connectToSandbox(app, sandbox)
  await openConversation(page, 'Kwame Mensah')
  await page.locator('body').click({ position: { x: 5, y: 700 } })
  await page.keyboard.press('e')
  await expect(page.getByText('Conversation archived')).toBeVisible()
  await expect(row(page, 'Kwame Mensah')).toHaveCount(0)
  await expect.poll(async () => (await conversationNamed(page, 'Kwame Mensah')).archived).toBe(true)

  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(row(page, 'Kwame Mensah')).toBeVisible()
  await expect.poll(async () => (await conversationNamed(page, 'Kwame Mensah')).archived).toBe(false)
})

test('the assign picker searches teammates, assigns, assigns to me and unassigns', async ({ app, sandbox }) => {
  const page = await connectToSandbox(app, sandbox)
  // Who am I: Maya Chen.
  await page.getByRole('button', { name: 'Settings' }).click()
  await page.getByRole('combobox', { name: 'I am' }).click()
  await page.getByRole('option', { name: 'Maya Chen', exact: true }).click()
  await page.getByRole('button', { name: 'Close settings' }).click()

  await openConversation(page, 'Kwame Mensah')
  await page.getByRole('button', { name: 'Assign', exact: true }).click()
  await page.getByRole('textbox', { name: 'Search teammates' }).fill('tom')
  await page.getByRole('button', { name: /Tomás Ortega/ }).click()
  await expect(page.getByRole('button', { name: /Assigned to Tomás Ortega/ })).toBeVisible()
  await expect.poll(async () => (await conversationNamed(page, 'Kwame Mensah')).assignee?.id).toBe('usr_acme_tomas')

  await page.getByRole('button', { name: /Assigned to Tomás Ortega/ }).click()
  await page.getByRole('button', { name: 'Assign to me', exact: true }).click()
  await expect.poll(async () => (await conversationNamed(page, 'Kwame Mensah')).assignee?.id).toBe('usr_acme_maya')
  // Mine now holds it.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Mine/ }).click()
  await expect(row(page, 'Kwame Mensah')).toBeVisible()

  await page.getByRole('button', { name: /Assigned to Maya Chen/ }).click()
  await page.getByRole('button', { name: 'Unassign', exact: true }).click()
  await expect.poll(async () => (await conversationNamed(page, 'Kwame Mensah')).assignee ?? null).toBeNull()
})

test('when the teammates list keeps failing, the picker says so and offers Retry', async ({ app, sandbox }) => {
  const page = await connectToSandbox(app, sandbox)
  await sandboxControl(sandbox, 'POST', '/_sandbox/faults', {
    rules: [{ method: 'GET', path: '/conversations/assignable-users', status: 502 }],
  })
  await openConversation(page, 'Kwame Mensah')
  await page.getByRole('button', { name: 'Assign', exact: true }).click()
  const alert = page.getByRole('alert').filter({ hasText: 'The teammates list did not load' })
  await expect(alert).toBeVisible({ timeout: 30_000 })
  await sandboxControl(sandbox, 'DELETE', '/_sandbox/faults')
  await alert.getByRole('button', { name: 'Retry' }).click()
  await expect(page.getByRole('button', { name: /Tomás Ortega/ })).toBeVisible({ timeout: 20_000 })
})

test('a draft is kept per conversation, across a restart', async ({ app, sandbox }) => {
  const page = await connectToSandbox(app, sandbox)
  await openConversation(page, 'Kwame Mensah')
  await page.getByRole('textbox', { name: 'Reply' }).fill('Half-written answer about the blender')
  await expect(row(page, 'Kwame Mensah')).toContainText('Draft:')
  await expect
    .poll(async () => {
      const drafts = await page.evaluate(() => window.inboxDesk.getDrafts())
      return drafts.ok ? Object.values(drafts.value) : []
    })
    .toContain('Half-written answer about the blender')

  await app.restart()
  const again = await app.firstWindow()
  await expect(row(again, 'Kwame Mensah')).toContainText('Half-written answer', { timeout: 20_000 })
  await openConversation(again, 'Kwame Mensah')
  await expect(again.getByRole('textbox', { name: 'Reply' })).toHaveValue('Half-written answer about the blender')
})

test('/shortcut inserts a canned reply from settings', async ({ app, sandbox }) => {
  const page = await connectToSandbox(app, sandbox)
  await page.getByRole('button', { name: 'Settings' }).click()
  await page.getByRole('textbox', { name: 'Shortcut' }).fill('bad shortcut!')
  await page.getByRole('textbox', { name: 'Reply text' }).fill('Thanks for your patience!')
  await page.getByRole('button', { name: 'Add canned reply' }).click()
  await expect(page.getByText(/letters, digits, - and _ only/)).toBeVisible()
  // Nothing typed is lost.
  await expect(page.getByRole('textbox', { name: 'Reply text' })).toHaveValue('Thanks for your patience!')
  await page.getByRole('textbox', { name: 'Shortcut' }).fill('patience')
  await page.getByRole('button', { name: 'Add canned reply' }).click()
  await expect(page.getByText('/patience', { exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'Close settings' }).click()

  await openConversation(page, 'Kwame Mensah')
  const reply = page.getByRole('textbox', { name: 'Reply' })
  await reply.pressSequentially('Hi! /pati')
  await expect(page.getByRole('listbox', { name: 'Canned replies' })).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(reply).toHaveValue('Hi! Thanks for your patience!')
})

test('a closed WhatsApp window is explained before the reply is sent; right-to-left text keeps its direction', async ({
  app,
  sandbox,
}) => {
  const page = await connectToSandbox(app, sandbox)
  await openConversation(page, 'Fatima Al-Sayed')
  const conversation = page.getByRole('region', { name: 'Conversation with Fatima Al-Sayed' })
  await expect(conversation.getByText('Window closed', { exact: true })).toBeVisible()
  await expect(
    conversation.getByText(/A free-form reply will be refused until the customer writes again/),
  ).toBeVisible()
  const arabic = page
    .getByRole('region', { name: 'Messages with Fatima Al-Sayed' })
    .getByText('المندوب اتصل ولم أرد، ماذا أفعل الآن؟')
  await expect(arabic).toBeVisible()
  await expect(arabic.locator('xpath=ancestor-or-self::*[@dir="auto"][1]')).toHaveCount(1)

  const reply = page.getByRole('textbox', { name: 'Reply' })
  await reply.fill('Sorry for the delay, Fatima.')
  await reply.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'This reply will probably fail' })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(reply).toHaveValue('Sorry for the delay, Fatima.')
})
