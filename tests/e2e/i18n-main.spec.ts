/**
 * Main's own words follow the UI language, live (src/main/i18n): the tray's menu and tooltip, and a
 * notification main composes ("Assigned to you"), switched from Settings without a restart. The words are
 * checked against the shipped catalogs.
 */
import { SANDBOX_ACCOUNTS } from '../../src/sandbox'
import ptBR from '../../src/shared/i18n/catalogs/pt-BR.json'
import { connectToSandbox, expect, sandboxControl, test } from './fixtures'
import { bridgeConversations } from './inbox-page'

const acme = SANDBOX_ACCOUNTS.acme
const MAYA = 'usr_acme_maya'
/** Long enough for a background poll (about 10 s) and its follow-up on a loaded machine. */
const SYNC = { timeout: 30_000 }

test('the tray and a notification speak the language picked in Settings, at once', async ({ app, sandbox }) => {
  const page = await connectToSandbox(app, sandbox)
  const menuLabels = async () =>
    (await app.tray())!.menu.filter((item) => item.type !== 'separator').map((item) => item.label)
  expect(await menuLabels()).toEqual(['Open Inbox Desk', 'Do not disturb', 'Quit'])

  await page.getByRole('button', { name: 'Settings' }).click()
  await page
    .locator('input')
    .and(page.getByLabel('Language', { exact: true }))
    .click()
  await page.getByRole('option', { name: 'Português (Brasil)', exact: true }).click()
  await page.keyboard.press('Escape')

  await expect.poll(menuLabels).toEqual([ptBR.tray.open, ptBR.notify.doNotDisturb, ptBR.tray.quit])
  const tooltip = (await app.tray())!.tooltip
  const unread = /(\d+\+?)/.exec(tooltip)?.[1]
  expect(unread, `a count in "${tooltip}"`).toBeTruthy()
  const form = unread === '1' ? ptBR.tray.tooltip_one : ptBR.tray.tooltip_other
  expect(tooltip).toBe(form.replace('{{badge}}', unread!))

  // Who am I, then a sync that baselines who is mine (a new contact's message), then a colleague's assignment.
  expect(await page.evaluate((me) => window.inboxDesk.updateSettings({ meUserId: me }), MAYA)).toMatchObject({
    ok: true,
  })
  const baseline = await sandboxControl<{ chatId: string; messageId: number }>(sandbox, 'POST', '/_sandbox/inbound', {
    apiKey: acme.apiKey,
    channelId: 'ch_acme_sms',
    contact: { name: 'Baseline Idioma', phoneNumber: '+15550100702' },
    text: 'Olá',
  })
  await expect
    .poll(
      async () => (await bridgeConversations(page)).find((c) => c.id === baseline.chatId)?.lastMessage?.id ?? 0,
      SYNC,
    )
    .toBeGreaterThanOrEqual(baseline.messageId)
  const target = (await bridgeConversations(page)).find(
    (c) => !c.archived && c.assignee?.id !== MAYA && c.id !== baseline.chatId,
  )!
  const response = await fetch(new URL(`/conversations/${target.id}/assignee`, sandbox.url), {
    method: 'POST',
    headers: { 'x-api-key': acme.apiKey, 'content-type': 'application/json' },
    body: JSON.stringify({ userId: MAYA }),
  })
  expect(response.status).toBe(204)
  await expect
    .poll(async () => (await app.notifications()).filter((n) => n.tag === `chat:${target.id}`).map((n) => n.body), SYNC)
    .toEqual([ptBR.notify.assignedBody])
})
