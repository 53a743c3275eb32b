/**
 * Bulk actions (issue 13 §2): the list's multi-select (checkbox, Shift+click range, Ctrl+click, X, Shift+J/K,
 * Esc, select all in the view) and a batch run by main against the sandbox: 200 conversations archived under
 * injected 502s and 429s (with Retry-After), the ones that still fail listed and archived by Retry, the whole
 * batch undone by one Undo, and Cancel stopping the requests mid-batch. What the server holds is read from the
 * sandbox itself, not only from the screen.
 */
import type { Locator, Page } from '@playwright/test'
import { SANDBOX_ACCOUNTS, type RunningSandbox } from '../../src/sandbox'
import { connectWithoutBackfill, expect, sandboxControl, sandboxRequests, test } from './fixtures'
import { conversationList } from './inbox-page'

// A wait, not a speed limit: a batch of 200 under faults, on a loaded 2-core CI machine, can take minutes.
const SLOW = { timeout: 120_000 }
const apiKey = SANDBOX_ACCOUNTS.acme.apiKey

/** The server's conversations for the acme account (archived too), in its default order. */
async function serverConversations(sandbox: RunningSandbox): Promise<{ id: string; archived: boolean }[]> {
  const response = await fetch(new URL('/conversations?archived=any', sandbox.url), {
    headers: { 'X-API-Key': apiKey },
  })
  expect(response.status).toBe(200)
  return ((await response.json()) as { data: { id: string; archived: boolean }[] }).data
}

const archivedOnServer = async (sandbox: RunningSandbox): Promise<string[]> =>
  (await serverConversations(sandbox)).filter((c) => c.archived).map((c) => c.id)

/** A fresh numeric seed of `count` conversations, then connected (no history backfill: its requests would mix in). */
async function connectWith(app: Parameters<typeof connectWithoutBackfill>[0], sandbox: RunningSandbox, count: number) {
  await sandboxControl(sandbox, 'POST', '/_sandbox/reset', {
    seed: { conversations: count, messagesPerConversation: 1 },
  })
  const page = await connectWithoutBackfill(app, sandbox)
  await expect(conversationList(page).getByRole('option').first()).toBeVisible()
  return page
}

const rows = (page: Page): Locator => conversationList(page).getByRole('option')
const bar = (page: Page): Locator => page.getByRole('toolbar', { name: 'Bulk actions' })
const panel = (page: Page): Locator => page.getByRole('region', { name: 'Bulk action' })
const checkedCount = (page: Page): Promise<number> =>
  conversationList(page).locator('[aria-checked="true"][role="option"]').count()

async function checkedIndexes(page: Page): Promise<number[]> {
  const states = await rows(page).evaluateAll((options) => options.map((o) => o.getAttribute('aria-checked')))
  return states.flatMap((state, index) => (state === 'true' ? [index] : []))
}

/** Selects every conversation of the view through the bar's "Select all in this view". */
async function selectAll(page: Page, total: number): Promise<void> {
  await rows(page).first().getByRole('checkbox').click()
  await bar(page)
    .getByRole('button', { name: `Select all in this view (${total})` })
    .click()
  await expect(bar(page).getByRole('status')).toHaveText(`${total} selected`)
}

const archivePath = (id: string) => `/conversations/${id}/archive`

test('Shift+click selects a range, Ctrl+click and X toggle one, Shift+J extends, Esc clears', async ({
  app,
  sandbox,
}) => {
  const page = await connectWith(app, sandbox, 30)
  await expect(bar(page)).toHaveCount(0)

  await rows(page)
    .nth(1)
    .getByRole('checkbox', { name: /^Select / })
    .click()
  await expect(bar(page).getByRole('status')).toHaveText('1 selected')
  await rows(page)
    .nth(4)
    .click({ modifiers: ['Shift'] })
  await expect.poll(() => checkedIndexes(page)).toEqual([1, 2, 3, 4])
  // The range opened nothing.
  await expect(page.getByRole('region', { name: /^Messages with/ })).toHaveCount(0)
  await rows(page)
    .nth(6)
    .click({ modifiers: ['Control'] })
  await rows(page)
    .nth(2)
    .click({ modifiers: ['Control'] })
  await expect.poll(() => checkedIndexes(page)).toEqual([1, 3, 4, 6])
  await expect(bar(page).getByRole('status')).toHaveText('4 selected')

  // The keyboard: J puts the cursor on the first row, X toggles it, Shift+J takes the next ones.
  await page.locator('body').click({ position: { x: 5, y: 700 } })
  await page.keyboard.press('j')
  await page.keyboard.press('x')
  await expect.poll(() => checkedIndexes(page)).toEqual([0, 1, 3, 4, 6])
  await page.keyboard.press('x')
  await expect.poll(() => checkedIndexes(page)).toEqual([1, 3, 4, 6])
  await page.keyboard.press('Shift+J')
  await page.keyboard.press('Shift+J')
  await expect.poll(() => checkedIndexes(page)).toEqual([0, 1, 2, 3, 4, 6])
  await expect(rows(page).nth(2)).toHaveAttribute('data-active', 'true')
  await page.keyboard.press('Shift+K')
  await expect(rows(page).nth(1)).toHaveAttribute('data-active', 'true')

  await page.keyboard.press('Escape')
  await expect(bar(page)).toHaveCount(0)
  expect(await checkedCount(page)).toBe(0)

  // A view change starts with nothing selected.
  await page.keyboard.press('x')
  await expect(bar(page)).toBeVisible()
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('button', { name: /^Unassigned/ })
    .click()
  await expect(bar(page)).toHaveCount(0)

  await page.keyboard.press('?')
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(sheet.getByRole('row', { name: /Select or unselect the conversation/ })).toContainText('X')
  await expect(sheet.getByRole('row', { name: /Extend the selection/ })).toContainText('Shift J')
})

test('200 archived under 502s and 429s: the rest listed, Retry archives them, one Undo puts all back', async ({
  app,
  sandbox,
}) => {
  test.setTimeout(420_000)
  const page = await connectWith(app, sandbox, 200)
  const ids = (await serverConversations(sandbox)).map((c) => c.id)
  expect(ids).toHaveLength(200)
  expect(await archivedOnServer(sandbox)).toEqual([])
  await selectAll(page, 200)

  // 429s with a Retry-After of 1 s (the whole batch waits; those are not failures), 502s the API client's own
  // retries get past, and 502s on every try: those three end in the failed list.
  const limited = ids.slice(10, 15)
  const flaky = ids.slice(20, 40)
  const broken = ids.slice(60, 63)
  await sandboxControl(sandbox, 'POST', '/_sandbox/faults', {
    rules: [
      ...limited.map((id) => ({ method: 'PATCH', path: archivePath(id), status: 429, retryAfter: 1, times: 1 })),
      ...flaky.map((id) => ({ method: 'PATCH', path: archivePath(id), status: 502, times: 1 })),
      ...broken.map((id) => ({ method: 'PATCH', path: archivePath(id), status: 502 })),
    ],
  })
  await bar(page).getByRole('button', { name: 'Archive selected' }).click()
  await expect(bar(page)).toHaveCount(0)
  const headline = panel(page).getByRole('status')
  await expect(headline).toHaveText('Archived 197 of 200', SLOW)
  const failed = panel(page).getByRole('list', { name: 'Not changed (3)' }).getByRole('listitem')
  await expect(failed).toHaveCount(3)
  await expect(failed.first()).toContainText('502')

  // The server holds what the screen says: all but the three archived; each rate-limited one was sent again.
  expect((await archivedOnServer(sandbox)).sort()).toEqual(ids.filter((id) => !broken.includes(id)).sort())
  const log = (await sandboxRequests(sandbox)).filter((r) => r.method === 'PATCH' && r.path.endsWith('/archive'))
  for (const id of limited) {
    expect(log.filter((r) => r.path === archivePath(id)).map((r) => r.status)).toEqual([429, 204])
  }
  expect(log.filter((r) => r.status === 502).length).toBeGreaterThanOrEqual(flaky.length + broken.length)

  // The server mends; Retry sends only the three.
  await sandboxControl(sandbox, 'DELETE', '/_sandbox/faults')
  const before = log.length
  await panel(page).getByRole('button', { name: 'Retry' }).click()
  await expect(headline).toHaveText('Archived 200 of 200', SLOW)
  await expect(panel(page).getByRole('list')).toHaveCount(0)
  expect((await archivedOnServer(sandbox)).sort()).toEqual([...ids].sort())
  const retried = (await sandboxRequests(sandbox))
    .filter((r) => r.method === 'PATCH' && r.path.endsWith('/archive'))
    .slice(before)
  expect(retried.map((r) => r.path).sort()).toEqual(broken.map(archivePath).sort())

  // One Undo: every conversation the batch archived is back in the inbox, on the server and in the list.
  await panel(page).getByRole('button', { name: 'Undo' }).click()
  await expect(headline).toHaveText('Undone: 200 of 200 put back', SLOW)
  expect(await archivedOnServer(sandbox)).toEqual([])
  await expect(rows(page).first()).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^All/ })).toContainText(
    '200',
  )
})

test('Cancel mid-batch: no request starts after it, and what was archived stays listed for Undo', async ({
  app,
  sandbox,
}) => {
  test.setTimeout(120_000)
  const page = await connectWith(app, sandbox, 200)
  const ids = (await serverConversations(sandbox)).map((c) => c.id)
  await selectAll(page, 200)
  // Every archive is a slow commit, so the batch is still going when Cancel is pressed.
  await sandboxControl(sandbox, 'POST', '/_sandbox/faults', {
    rules: ids.slice(0, 100).map((id) => ({ method: 'PATCH', path: archivePath(id), delayMs: 250 })),
  })
  await sandboxControl(sandbox, 'POST', '/_sandbox/faults', {
    rules: ids.slice(100).map((id) => ({ method: 'PATCH', path: archivePath(id), delayMs: 250 })),
  })
  await bar(page).getByRole('button', { name: 'Archive selected' }).click()
  const headline = panel(page).getByRole('status')
  await expect(headline).toHaveText(/^Archiving (1[2-9]|[2-9]\d) of 200$/, SLOW)
  await panel(page).getByRole('button', { name: 'Cancel' }).click()
  await expect(headline).toHaveText(/^Cancelled: \d+ of 200 were changed, the rest was not sent$/, SLOW)
  const changed = Number(/Cancelled: (\d+)/.exec((await headline.textContent()) ?? '')![1])
  expect(changed).toBeLessThan(200)

  // Cancelled is told once every request in flight has come back: the server saw exactly those, and no more come.
  const archiveRequests = async () =>
    (await sandboxRequests(sandbox)).filter((r) => r.method === 'PATCH' && r.path.endsWith('/archive'))
  expect(await archiveRequests()).toHaveLength(changed)
  expect(await archivedOnServer(sandbox)).toHaveLength(changed)
  // Wait for the next list sync to reach the server (a request made after the cancel), then count again.
  const logged = (await sandboxRequests(sandbox)).length
  await expect
    .poll(async () => (await sandboxRequests(sandbox)).slice(logged).some((r) => r.method === 'GET'), SLOW)
    .toBe(true)
  expect(await archiveRequests()).toHaveLength(changed)

  await sandboxControl(sandbox, 'DELETE', '/_sandbox/faults')
  await panel(page).getByRole('button', { name: 'Undo' }).click()
  await expect(headline).toHaveText(`Undone: ${changed} of ${changed} put back`, SLOW)
  expect(await archivedOnServer(sandbox)).toEqual([])
})

test('Snooze selected: each conversation snoozed (archived on the server until it wakes), one Undo wakes them', async ({
  app,
  sandbox,
}) => {
  const page = await connectWith(app, sandbox, 30)
  await rows(page).nth(0).getByRole('checkbox').click()
  await rows(page)
    .nth(2)
    .click({ modifiers: ['Shift'] })
  const ids = await rows(page).evaluateAll((options) =>
    options.slice(0, 3).map((o) => o.id.replace('conversation-', '')),
  )
  await bar(page).getByRole('button', { name: 'Snooze selected' }).click()
  await page.getByRole('group', { name: 'Snooze until' }).getByRole('button').first().click()
  const headline = panel(page).getByRole('status')
  await expect(headline).toHaveText('Snoozed 3 of 3', SLOW)
  expect((await archivedOnServer(sandbox)).sort()).toEqual([...ids].sort())

  await panel(page).getByRole('button', { name: 'Undo' }).click()
  await expect(headline).toHaveText('Undone: 3 of 3 put back', SLOW)
  expect(await archivedOnServer(sandbox)).toEqual([])
})
