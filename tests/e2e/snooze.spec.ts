/**
 * Snooze (issue 13 §1) end to end, with the sandbox's fault controls and main's clock moved as a machine's clock
 * is set (./main-clock.ts): a snoozed conversation leaves the inbox and comes back at its time; a new inbound
 * message brings it back early with its notification; it survives a restart (due while the app was closed: back at
 * start; not yet due: still snoozed); a time that has passed is refused in the picker; a wake the server refuses
 * (502) is late in the Snoozed view until it goes through. Z, the thread's Snooze button and the palette open it.
 */
import type { Page } from '@playwright/test'
import { SANDBOX_ACCOUNTS } from '../../src/sandbox'
import { connectToSandbox, expect, sandboxControl, test, waitForInbox } from './fixtures'
import { bridgeConversations, conversationRow, openConversation } from './inbox-page'
import { clockAheadAtStart, HOUR, moveMainClock } from './main-clock'

const SLOW = { timeout: 20_000 }

/** Active, unassigned conversations of the demo seed (a new message on one notifies with the default settings). */
async function unassignedNames(page: Page, count: number): Promise<{ id: string; name: string }[]> {
  const found = (await bridgeConversations(page))
    .filter((c) => !c.archived && c.assignee === null && c.contact.name.trim() !== '')
    .slice(0, count)
    .map((c) => ({ id: c.id, name: c.contact.name }))
  expect(found).toHaveLength(count)
  return found
}

const picker = (page: Page) => page.getByRole('group', { name: 'Snooze until' })
const snoozedPane = (page: Page) => page.getByRole('region', { name: 'Snoozed conversations' })
const snoozedRow = (page: Page, name: string) => snoozedPane(page).locator('li', { hasText: name })
const toView = (page: Page, view: string) => page.locator(`[data-view="${view}"]`).click()

/** The palette's "Snooze…", from the page (Ctrl+K is the palette's everywhere but in a text box). */
async function snoozeFromPalette(page: Page): Promise<void> {
  await page.locator('body').click({ position: { x: 5, y: 700 } })
  await page.keyboard.press('Control+k')
  await page.getByRole('textbox', { name: 'Command palette' }).fill('Snooze')
  await page.getByRole('button', { name: 'Snooze…' }).click()
  await expect(picker(page)).toBeVisible()
}

/** Z, with the focus on the page (not the search box openConversation leaves it in). */
async function pressZ(page: Page): Promise<void> {
  await page.locator('body').click({ position: { x: 5, y: 700 } })
  await page.keyboard.press('z')
  await expect(picker(page)).toBeVisible()
}

test('a snoozed conversation leaves the inbox and comes back at its time', async ({ app, sandbox }) => {
  const page = await connectToSandbox(app, sandbox)
  const [chat] = await unassignedNames(page, 1)
  await openConversation(page, chat!.name)
  await pressZ(page)
  await picker(page)
    .getByRole('button', { name: /^In 1 hour, \d/ })
    .click()
  await expect(page.getByText(/^Snoozed until (Today|Tomorrow), \d/).first()).toBeVisible()
  await expect(conversationRow(page, chat!.name)).toHaveCount(0)

  await toView(page, 'snoozed')
  await expect(snoozedRow(page, chat!.name)).toContainText(/Wakes (Today|Tomorrow), \d/)
  // An hour passes on the machine's clock: main's next tick finds it due and unarchives it.
  await moveMainClock(app, HOUR + 60_000)
  await expect(snoozedRow(page, chat!.name)).toHaveCount(0, SLOW)
  await expect(snoozedPane(page)).toContainText('Nothing is snoozed')
  await toView(page, 'all')
  await expect(conversationRow(page, chat!.name)).toBeVisible()
})

test('a new inbound message brings it back early, with its notification', async ({ app, sandbox }) => {
  const page = await connectToSandbox(app, sandbox)
  const [chat] = await unassignedNames(page, 1)
  await openConversation(page, chat!.name)
  // The thread's own Snooze button this time.
  await page.getByRole('button', { name: 'Snooze', exact: true }).click()
  await picker(page)
    .getByRole('button', { name: /^Tomorrow, \d/ })
    .click()
  await expect(page.getByRole('button', { name: /^Snoozed until Tomorrow, \d/ })).toBeVisible()
  await expect(conversationRow(page, chat!.name)).toHaveCount(0)
  await app.setWindowFocused(false)
  await sandboxControl(sandbox, 'POST', '/_sandbox/inbound', {
    apiKey: SANDBOX_ACCOUNTS.acme.apiKey,
    chatId: chat!.id,
    text: 'Sorry, one more question',
  })
  await expect
    .poll(async () => (await app.notifications()).map((n) => n.body), SLOW)
    .toContain('Sorry, one more question')
  await expect(conversationRow(page, chat!.name)).toBeVisible(SLOW)
  await expect(page.getByRole('button', { name: 'Snooze', exact: true })).toBeVisible()
  await toView(page, 'snoozed')
  await expect(snoozedPane(page)).toContainText('Nothing is snoozed')
})

test('survives a restart: due while the app was closed comes back at start, the other stays snoozed', async ({
  app,
  sandbox,
}) => {
  test.setTimeout(120_000)
  const page = await connectToSandbox(app, sandbox)
  const [soon, later] = await unassignedNames(page, 2)
  // From the palette: in 1 hour.
  await openConversation(page, soon!.name)
  await snoozeFromPalette(page)
  await picker(page)
    .getByRole('button', { name: /^In 1 hour, \d/ })
    .click()
  await expect(conversationRow(page, soon!.name)).toHaveCount(0)

  // With Z and a time of the agent's own: one that has passed is refused, then three days ahead.
  await openConversation(page, later!.name)
  await pressZ(page)
  const when = picker(page).getByLabel('Pick a date and time')
  const local = (ms: number) =>
    page.evaluate((at) => {
      const d = new Date(at)
      const two = (n: number) => String(n).padStart(2, '0')
      return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`
    }, ms)
  await when.fill(await local(Date.now() - HOUR))
  await expect(picker(page).getByText('That time has already passed. Pick a time in the future.')).toBeVisible()
  await expect(picker(page).getByRole('button', { name: 'Snooze until then' })).toBeDisabled()
  await when.fill(await local(Date.now() + 72 * HOUR))
  await picker(page).getByRole('button', { name: 'Snooze until then' }).click()
  await expect(conversationRow(page, later!.name)).toHaveCount(0)

  // Two hours pass while the app is closed.
  await app.restart({ env: clockAheadAtStart(2 * HOUR) })
  const after = await app.firstWindow()
  await waitForInbox(after)
  await toView(after, 'all')
  await expect(conversationRow(after, soon!.name)).toBeVisible(SLOW)
  await expect(conversationRow(after, later!.name)).toHaveCount(0)
  await toView(after, 'snoozed')
  await expect(snoozedRow(after, later!.name)).toBeVisible()
  await expect(snoozedRow(after, soon!.name)).toHaveCount(0)
})

test('a wake the server refuses (502) is late in the Snoozed view, and comes back once the server takes it', async ({
  app,
  sandbox,
}) => {
  const page = await connectToSandbox(app, sandbox)
  const [chat] = await unassignedNames(page, 1)
  await openConversation(page, chat!.name)
  await pressZ(page)
  await picker(page)
    .getByRole('button', { name: /^In 1 hour, \d/ })
    .click()
  await expect(conversationRow(page, chat!.name)).toHaveCount(0)
  await sandboxControl(sandbox, 'POST', '/_sandbox/faults', {
    rules: [{ method: 'PATCH', path: `/conversations/${chat!.id}/unarchive`, status: 502 }],
  })
  await toView(page, 'snoozed')
  await moveMainClock(app, HOUR + 60_000)
  const row = snoozedRow(page, chat!.name)
  await expect(row.getByText('Late', { exact: true })).toBeVisible(SLOW)
  await expect(row.getByRole('status')).toContainText(
    /^Due (Today|Tomorrow), .* and not back yet: .+ It is tried again\.$/,
  )
  await sandboxControl(sandbox, 'DELETE', '/_sandbox/faults')
  await expect(row).toHaveCount(0, { timeout: 30_000 })
  await toView(page, 'all')
  await expect(conversationRow(page, chat!.name)).toBeVisible()
})

test('Z is in the keyboard shortcuts sheet, and the palette opens the picker', async ({ app, sandbox }) => {
  const page = await connectToSandbox(app, sandbox)
  await page.locator('body').click({ position: { x: 5, y: 700 } })
  await page.keyboard.press('?')
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(sheet.getByRole('row', { name: /Z Snooze the open conversation/ })).toBeVisible()
  await page.keyboard.press('Escape')
  const [chat] = await unassignedNames(page, 1)
  await openConversation(page, chat!.name)
  await snoozeFromPalette(page)
})
