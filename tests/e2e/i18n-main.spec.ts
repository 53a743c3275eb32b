/**
 * Main's own words follow the UI language, live (src/main/i18n): the tray's menu and tooltip, and a
 * notification main composes ("Assigned to you"), switched from Settings without a restart. The errors main
 * words itself reach the window by their code and read in the UI language (src/shared/i18n/error-texts.ts),
 * and a first start seeds the example canned replies in it. The words are checked against the shipped catalogs.
 */
import { SANDBOX_ACCOUNTS } from '../../src/sandbox'
import de from '../../src/shared/i18n/catalogs/de.json'
import ptBR from '../../src/shared/i18n/catalogs/pt-BR.json'
import { appState, connectToSandbox, expect, sandboxControl, test } from './fixtures'
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

test.describe('on a German system', () => {
  test.use({ appLaunchOptions: { systemLocales: ['de-DE', 'en-US'] } })

  test("main's errors read in German, and the first start's canned replies are German", async ({ app, sandbox }) => {
    const page = await app.firstWindow()
    await expect(page.locator('html')).toHaveAttribute('lang', 'de')
    await page.getByRole('button', { name: de.connect.title }).click()
    // An address main refuses (the key would travel unencrypted): main's sentence, in German, with its host.
    await page.getByLabel(new RegExp(`^${de.connect.address}`)).fill('http://api.example.com')
    await page.getByLabel(new RegExp(`^${de.connect.key}`)).fill(acme.apiKey)
    await page.getByRole('button', { name: de.connect.connect, exact: true }).click()
    await expect(page.getByRole('alert')).toContainText(
      de.errors.address.plainHttp.replace('{{host}}', 'api.example.com'),
    )
    // Nothing typed is lost: fix the address and connect.
    await expect(page.getByLabel(new RegExp(`^${de.connect.key}`))).toHaveValue(acme.apiKey)
    await page.getByLabel(new RegExp(`^${de.connect.address}`)).fill(sandbox.url)
    await page.getByRole('button', { name: de.connect.connect, exact: true }).click()
    await expect.poll(async () => (await appState(page)).account, SYNC).not.toBeNull()
    await expect(page.getByRole('navigation', { name: de.views.label })).toBeVisible(SYNC)

    // The server fails the list (503): the sync banner words main's error in German, the phrase inside too.
    await sandboxControl(sandbox, 'POST', '/_sandbox/faults', {
      rules: [{ method: 'GET', path: '/conversations', status: 503 }],
    })
    const banner = page.getByRole('status').filter({ hasText: de.sync.troubleTitle })
    await expect(banner).toBeVisible(SYNC)
    await expect(banner).toContainText(de.errors.during.listConversations)
    await expect(banner).toContainText('(HTTP 503)')
    await expect(banner).not.toContainText('while loading')
    await sandboxControl(sandbox, 'DELETE', '/_sandbox/faults')
    await expect(banner).toHaveCount(0, { timeout: 60_000 })

    // The example canned replies of a first start, in German.
    const cannedReplies = (await appState(page)).settings.cannedReplies
    expect(cannedReplies.map((reply) => reply.shortcut)).toEqual([
      de.canned.seed.thanksShortcut,
      de.canned.seed.refundShortcut,
      de.canned.seed.hoursShortcut,
      de.canned.seed.orderShortcut,
    ])
    await page.getByRole('button', { name: de.header.settings, exact: true }).click()
    await expect(page.getByText(`/${de.canned.seed.thanksShortcut}`, { exact: true })).toBeVisible()
    await expect(page.getByText(de.canned.seed.thanks, { exact: true })).toBeVisible()
  })
})
