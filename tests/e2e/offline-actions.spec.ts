/**
 * Actions that need the server say so (issue 11 §3): offline (the OS says so) or with the server out of
 * reach (the sandbox stopped), archive and assign show a translated message that nothing was changed, the
 * conversation stays as the server last had it, and nothing reached the server. Mark read on opening a thread
 * says the same. Back online, the same action goes through.
 */
import { startSandbox } from '../../src/sandbox'
import { connectToSandbox, expect, sandboxRequests, test } from './fixtures'
import { conversationNamed, conversationRow as row, openConversation } from './inbox-page'

const SLOW = { timeout: 20_000 }

test('offline, Archive says it needs the server and changes nothing; back online it archives', async ({
  app,
  sandbox,
}) => {
  const page = await connectToSandbox(app, sandbox)
  await openConversation(page, 'Kwame Mensah')
  await app.setOnline(false)
  await expect(page.getByRole('status').filter({ hasText: 'You are offline' })).toBeVisible(SLOW)
  const logged = (await sandboxRequests(sandbox)).length

  await page.getByRole('button', { name: 'Archive', exact: true }).click()
  const toast = page.getByRole('alert').filter({ hasText: 'Could not archive' })
  await expect(toast).toContainText('Archiving needs a connection to the server; nothing was changed.')
  await expect(row(page, 'Kwame Mensah')).toBeVisible()
  expect((await conversationNamed(page, 'Kwame Mensah')).archived).toBe(false)
  // Nothing left for the server: not even a try.
  const sent = (await sandboxRequests(sandbox)).slice(logged).filter((r) => r.method !== 'GET')
  expect(sent).toEqual([])
  await page.screenshot({ path: 'docs/screenshots/offline-action-refused.png' })

  await app.setOnline(true)
  await expect(page.getByRole('status').filter({ hasText: 'You are offline' })).toHaveCount(0, SLOW)
  await page.getByRole('button', { name: 'Archive', exact: true }).click()
  await expect(page.getByText('Conversation archived')).toBeVisible()
  await expect.poll(async () => (await conversationNamed(page, 'Kwame Mensah')).archived).toBe(true)
})

test('with the server out of reach, assigning says it needs the server and the assignee stays', async ({ app }) => {
  const sandbox = await startSandbox({ port: 0, seed: 'demo', deliveryMs: 200 })
  let stopped = false
  try {
    const page = await connectToSandbox(app, sandbox)
    await openConversation(page, 'Kwame Mensah')
    // The teammates are listed while the server is there; then it goes away.
    await page.getByRole('button', { name: 'Assign', exact: true }).click()
    await expect(page.getByRole('button', { name: /Tomás Ortega/ })).toBeVisible(SLOW)
    await sandbox.close()
    stopped = true
    await expect(page.getByRole('status').filter({ hasText: 'Cannot reach the server' })).toBeVisible(SLOW)

    await page.getByRole('button', { name: /Tomás Ortega/ }).click()
    const toast = page.getByRole('alert').filter({ hasText: 'Could not assign' })
    await expect(toast).toContainText('Assigning needs a connection to the server; nothing was changed.', SLOW)
    expect((await conversationNamed(page, 'Kwame Mensah')).assignee).toBeNull()
    await expect(page.getByRole('button', { name: /Assigned to Tomás Ortega/ })).toHaveCount(0)
  } finally {
    if (!stopped) await sandbox.close()
  }
})
