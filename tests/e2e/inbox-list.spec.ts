/**
 * The conversation list through the harness, against the sandbox: views with
 * counts, search, filters that reach the API, rows, virtualization.
 */
import type { Page } from '@playwright/test'
import { seriousAxeViolations } from './axe'
import { connectToSandbox, expect, sandboxControl, test } from './fixtures'

const list = (page: Page) => page.getByRole('listbox', { name: 'Conversations' })

test('views show live counts, and each view lists its conversations', async ({ app, sandbox }) => {
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
  expect(all).toBeGreaterThan(5)
  const unread = await countOf('Unread')
  expect(unread).toBeGreaterThan(0)

  // The counts are those of the API's data.
  const fromApi = await page.evaluate(() => window.inboxDesk.listConversations({ archived: 'any' }))
  if (!fromApi.ok) throw new Error(fromApi.error.message)
  const active = fromApi.value.filter((conversation) => !conversation.archived)
  expect(all).toBe(active.length)
  expect(unread).toBe(active.filter((conversation) => conversation.unreadCount > 0).length)
  expect(await countOf('Archive')).toBe(fromApi.value.length - active.length)

  // The list is virtualized: check the rows it renders.
  await nav.getByRole('button', { name: /^Unread/ }).click()
  const rows = list(page).getByRole('option')
  await expect(rows.first().getByLabel(/\d+ unread/)).toBeVisible()
  for (const row of await rows.all()) await expect(row.getByLabel(/\d+ unread/)).toBeVisible()

  await nav.getByRole('button', { name: /^Archive/ }).click()
  const archivedIds = fromApi.value.filter((c) => c.archived).map((c) => `conversation-${c.id}`)
  await expect(rows.first()).toBeVisible()
  await expect
    .poll(async () =>
      (await rows.evaluateAll((elements) => elements.map((e) => e.id))).every((id) => archivedIds.includes(id)),
    )
    .toBe(true)
})

test('rows show the phone number when the name is empty, and the channel', async ({ app, sandbox }) => {
  const page = await connectToSandbox(app, sandbox)
  const row = list(page).getByRole('option', { name: /\+14155550123/ })
  await expect(row).toBeVisible()
  await expect(row.getByRole('img', { name: 'SMS' })).toBeVisible()
  const whatsapp = list(page).getByRole('option', { name: /Kwame Mensah/ })
  await expect(whatsapp.getByRole('img', { name: 'WhatsApp' })).toBeVisible()
  await expect(whatsapp).toContainText('left to reply')
  expect(await seriousAxeViolations(page)).toEqual([])
})

test('local search matches names, numbers and previews', async ({ app, sandbox }) => {
  const page = await connectToSandbox(app, sandbox)
  const search = page.getByRole('textbox', { name: 'Search conversations' })
  await search.fill('kwame')
  await expect(list(page).getByRole('option')).toHaveCount(1)
  await expect(list(page).getByRole('option')).toContainText('Kwame Mensah')
  await search.fill('4155550123')
  await expect(list(page).getByRole('option')).toHaveCount(1)
  await search.fill('blender')
  await expect(list(page).getByRole('option', { name: /Kwame Mensah/ })).toBeVisible()
  await search.fill('zzz-nothing-like-this')
  await expect(page.getByText('No conversation matches')).toBeVisible()
})

test('the channel filter and the sort change what the list shows', async ({ app, sandbox }) => {
  const page = await connectToSandbox(app, sandbox)
  await expect(list(page).getByRole('option').first()).toBeVisible()
  await page.getByRole('button', { name: 'Filter and sort' }).click()
  await page.getByRole('combobox', { name: 'Channels' }).click()
  await page.getByRole('option', { name: /Acme SMS/ }).click()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('button', { name: /Filter and sort \(1 filter on\)/ })).toBeVisible()
  const rows = list(page).getByRole('option')
  await expect(rows.first()).toBeVisible()
  await expect(list(page).getByRole('img', { name: 'WhatsApp' })).toHaveCount(0)
  for (const row of await rows.all()) await expect(row.getByRole('img', { name: 'SMS' })).toBeVisible()

  // Most unread first.
  await page.getByRole('button', { name: /Filter and sort/ }).click()
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await page.getByRole('combobox', { name: 'Sort' }).click()
  await page.getByRole('option', { name: 'Most unread' }).click()
  await page.keyboard.press('Escape')
  const unreadCounts = async () =>
    (
      await list(page)
        .getByLabel(/\d+ unread/)
        .allTextContents()
    )
      .slice(0, 5)
      .map(Number)
  await expect
    .poll(async () => {
      const counts = await unreadCounts()
      return counts.length > 1 && counts.every((count, index) => index === 0 || counts[index - 1]! >= count)
    })
    .toBe(true)
})

test.describe('with thousands of conversations', () => {
  test('the list keeps only the visible rows in the DOM and scrolls to the end', async ({ app, sandbox }) => {
    await sandboxControl(sandbox, 'POST', '/_sandbox/reset', {
      seed: { conversations: 3000, messagesPerConversation: 1 },
    })
    const page = await connectToSandbox(app, sandbox)
    await expect(list(page).getByRole('option').first()).toBeVisible({ timeout: 30_000 })
    const nav = page.getByRole('navigation', { name: 'Views' })
    await expect(nav.getByRole('button', { name: /^All/ })).toContainText('3000')
    expect(await list(page).getByRole('option').count()).toBeLessThan(60)
    await list(page).evaluate((element) => element.scrollTo({ top: element.scrollHeight }))
    await expect
      .poll(async () => list(page).getByRole('option').last().getAttribute('id'))
      .not.toBe(await list(page).getByRole('option').first().getAttribute('id'))
    expect(await list(page).getByRole('option').count()).toBeLessThan(60)
  })
})
