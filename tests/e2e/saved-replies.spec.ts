/**
 * Saved replies with fields (issue 13 §4) through the harness: an unknown variable is an error in the editor;
 * a prompted reply asks for each field in order and cannot be sent before every one is filled (in the
 * composer, and again in main's send path); import and export as JSON, where a bad file changes nothing.
 */
import type { Page } from '@playwright/test'
import { connectToSandbox, expect, sandboxRequests, test } from './fixtures'
import { chatIdOf, openConversation } from './inbox-page'

const ORDER_REPLY =
  'Hi {{contact.firstName}}, order {{?Order number}} ships on {{?Ship date}}. {{agent.name}}, {{channel}}'

async function addCannedReply(page: Page, shortcut: string, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Shortcut' }).fill(shortcut)
  await page.getByRole('textbox', { name: 'Reply text' }).fill(text)
  await page.getByRole('button', { name: 'Add canned reply' }).click()
}

/** Replies POSTed to the sandbox so far. */
async function replyPosts(sandbox: Parameters<typeof sandboxRequests>[0]): Promise<number> {
  return (await sandboxRequests(sandbox)).filter((r) => r.method === 'POST' && r.path === '/conversations/reply').length
}

async function threadTexts(page: Page, chatId: string): Promise<string[]> {
  const result = await page.evaluate((id) => window.inboxDesk.getMessages({ chatId: id }), chatId)
  if (!result.ok) throw new Error(result.error.message)
  return result.value.data.map((m) => (m.content.type === 'text' ? m.content.text : ''))
}

test('a prompted saved reply cannot be sent with a field still unfilled', async ({ app, sandbox }) => {
  const page = await connectToSandbox(app, sandbox)
  await page.getByRole('button', { name: 'Settings' }).click()
  // An unknown variable is an error as it is typed, and Add keeps it out.
  await page.getByRole('textbox', { name: 'Shortcut' }).fill('ship')
  await page.getByRole('textbox', { name: 'Reply text' }).fill('Hi {{contact.nme}}')
  await expect(page.getByText('{{contact.nme}} is not a field.', { exact: false })).toBeVisible()
  await page.getByRole('button', { name: 'Add canned reply' }).click()
  await expect(page.getByRole('textbox', { name: 'Reply text' })).toHaveValue('Hi {{contact.nme}}')
  await expect(page.getByText('/ship', { exact: true })).toHaveCount(0)
  await addCannedReply(page, 'ship', ORDER_REPLY)
  await expect(page.getByText('/ship', { exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'Close settings' }).click()

  await openConversation(page, 'Kwame Mensah')
  const chatId = await chatIdOf(page, 'Kwame Mensah')
  const postsBefore = await replyPosts(sandbox)
  const box = page.getByRole('textbox', { name: 'Reply' })
  await box.pressSequentially('/ship')
  await page.keyboard.press('Enter')

  const fields = page.getByRole('group', { name: 'Fill in /ship' })
  const orderNumber = fields.getByRole('textbox', { name: 'Order number' })
  await expect(orderNumber).toBeFocused()
  // "Who am I" is not set: the agent's name is asked for, and the panel says why.
  await expect(fields.getByText(/“Who am I” is not set in Settings/)).toBeVisible()
  const preview = fields.getByRole('region', { name: 'Preview' }).locator('[data-preview-text]')
  await expect(preview).toHaveText('Hi Kwame, order [Order number] ships on [Ship date]. [agent.name], WhatsApp')

  // Enter in an empty field, Send, and Enter in the (empty) box: nothing goes, and each says what is missing.
  await orderNumber.press('Enter')
  await expect(fields.getByText('Fill in Order number.')).toBeVisible()
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(page.getByText('Fill in the fields of /ship and insert it before sending.')).toBeVisible()
  await box.press('Enter')
  await expect(page.getByText('Fill in the fields of /ship and insert it before sending.')).toBeVisible()

  // Tab goes from field to field, in the order they appear.
  await orderNumber.fill('A-10482')
  await page.keyboard.press('Tab')
  const shipDate = fields.getByRole('textbox', { name: 'Ship date' })
  await expect(shipDate).toBeFocused()
  await shipDate.fill('Monday')
  await page.keyboard.press('Tab')
  const agentName = fields.getByRole('textbox', { name: 'Your name' })
  await expect(agentName).toBeFocused()
  await agentName.press('Enter')
  await expect(fields.getByText('Fill in Your name.')).toBeVisible()
  await expect(box).toHaveValue('')
  await agentName.fill('Maya')
  await expect(preview).toHaveText('Hi Kwame, order A-10482 ships on Monday. Maya, WhatsApp')
  expect(await replyPosts(sandbox)).toBe(postsBefore)

  await agentName.press('Enter')
  await expect(fields).toHaveCount(0)
  const filled = 'Hi Kwame, order A-10482 ships on Monday. Maya, WhatsApp'
  await expect(box).toHaveValue(filled)
  await box.press('Enter')
  await expect.poll(() => threadTexts(page, chatId)).toContain(filled)
  expect(await replyPosts(sandbox)).toBe(postsBefore + 1)

  // A field typed by hand is refused by the composer, and by main if something skips the composer.
  await box.fill('Your order {{?Order number}} is late')
  await box.press('Enter')
  await expect(page.getByText('The reply still has a field to fill in: {{?Order number}}')).toBeVisible()
  await expect(box).toHaveValue('Your order {{?Order number}} is late')
  const direct = await page.evaluate(
    (id) => window.inboxDesk.sendReply({ chatId: id, clientId: 'client-e2e-unfilled', text: 'Hi {{contact.name}}' }),
    chatId,
  )
  expect(direct.ok).toBe(false)
  if (!direct.ok) {
    expect(direct.error.kind).toBe('invalid_argument')
    expect(direct.error.message).toMatch(/still has a field to fill in/)
  }
  expect(await replyPosts(sandbox)).toBe(postsBefore + 1)
})

test('with "Who am I" set, {{agent.name}} is filled and a reply without prompted fields goes in at once', async ({
  app,
  sandbox,
}) => {
  const page = await connectToSandbox(app, sandbox)
  await page.getByRole('button', { name: 'Settings' }).click()
  await page.getByRole('combobox', { name: 'I am' }).click()
  await page.getByRole('option', { name: 'Maya Chen', exact: true }).click()
  await addCannedReply(page, 'hello', 'Hi {{contact.name}}, {{agent.name}} here.')
  await expect(page.getByRole('region', { name: 'Preview with a sample contact' })).toHaveCount(0)
  await page.getByRole('textbox', { name: 'Reply text' }).fill('Hi {{contact.firstName}}, {{agent.name}} here.')
  await expect(
    page.getByRole('region', { name: 'Preview with a sample contact' }).locator('[data-preview-text]'),
  ).toHaveText('Hi Sofía, Maya Chen here.')
  await page.getByRole('button', { name: 'Close settings' }).click()

  await openConversation(page, 'Kwame Mensah')
  const box = page.getByRole('textbox', { name: 'Reply' })
  await box.pressSequentially('/hello')
  await page.keyboard.press('Enter')
  await expect(box).toHaveValue('Hi Kwame Mensah, Maya Chen here.')
  await expect(page.getByRole('group', { name: 'Fill in /hello' })).toHaveCount(0)
})

test('canned replies export to JSON and import back; a bad file changes nothing and says why', async ({
  app,
  sandbox,
}) => {
  const page = await connectToSandbox(app, sandbox)
  await page.getByRole('button', { name: 'Settings' }).click()
  // The defaults include /thanks and /order.
  await addCannedReply(page, 'welcome', 'Welcome, {{contact.firstName}}!')
  await expect(page.getByText('/welcome', { exact: true })).toBeVisible()
  const fileInput = page.locator('input[type="file"]')

  const bad = async (name: string, content: string, message: RegExp) => {
    await fileInput.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) })
    await expect(page.getByRole('alert').filter({ hasText: `Nothing was imported from ${name}` })).toContainText(
      message,
    )
  }
  await bad('broken.json', '{"replies": [', /the file is not JSON/)
  await bad('other.json', '{"hello": 1}', /not a list of canned replies/)
  await bad(
    'typo.json',
    JSON.stringify([
      { shortcut: 'ok', text: 'Fine.' },
      { shortcut: 'typo', text: 'Hi {{contact.nme}}' },
    ]),
    /reply 2 \(\/typo\): \{\{contact\.nme\}\} is not a field/,
  )
  // Nothing of the bad files arrived, nothing that was there went.
  await expect(page.getByText('/ok', { exact: true })).toHaveCount(0)
  await expect(page.getByText('/welcome', { exact: true })).toBeVisible()

  await fileInput.setInputFiles({
    name: 'team.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify([
        { shortcut: 'thanks', text: 'Many thanks, {{contact.firstName}}!' },
        { shortcut: 'eta', text: 'Order {{?Order number}} is on its way.' },
      ]),
    ),
  })
  await expect(page.getByRole('status').filter({ hasText: '1 canned reply added.' })).toContainText(
    '1 with the same shortcut replaced.',
  )
  await expect(page.getByText('/eta', { exact: true })).toBeVisible()
  await expect(page.getByText('Many thanks, {{contact.firstName}}!')).toBeVisible()

  // Export is a download (Electron asks where to save it; the shim's Chromium refuses to keep downloads, so
  // the file's content is pinned by cannedFile.test.ts's round trip, and its name here).
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export to a file' }).click()
  expect((await download).suggestedFilename()).toBe('canned-replies.json')
  // Kept by main: still there after a restart.
  await app.restart()
  const again = await app.firstWindow()
  await again.getByRole('button', { name: 'Settings' }).click()
  await expect(again.getByText('/eta', { exact: true })).toBeVisible()
})
