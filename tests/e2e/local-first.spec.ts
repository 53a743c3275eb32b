/**
 * Local-first (issue 11 §2, §3): the inbox a restart finds on disk. A restart
 * paints the stored inbox while the server holds its list unanswered; started
 * with the sandbox stopped, the stored inbox and a thread read before are on
 * screen. The proof that the rows came from disk is the sandbox's request log:
 * a held request is logged only once it is answered.
 */
import { SANDBOX_ACCOUNTS, startSandbox } from '../../src/sandbox'
import { connectToSandbox, expect, sandboxControl, sandboxRequests, test, waitForInbox } from './fixtures'
import { conversationNamed, conversationRow as row, openConversation } from './inbox-page'

const SLOW = { timeout: 20_000 }

test('a restart paints the stored inbox while the server withholds its answer; the badge is right at once', async ({
  app,
  sandbox,
}) => {
  const page = await connectToSandbox(app, sandbox)
  await expect(row(page, 'Kwame Mensah')).toBeVisible(SLOW)
  await expect(row(page, 'Sofía Hernández')).toBeVisible()
  const stored = await conversationNamed(page, 'Kwame Mensah')
  await expect.poll(() => app.badgeCount(), SLOW).toBeGreaterThan(0)
  const badge = await app.badgeCount()

  // Every list request from now on is held for a minute before it is answered.
  await sandboxControl(sandbox, 'POST', '/_sandbox/faults', {
    rules: [{ method: 'GET', path: '/conversations', delayMs: 60_000 }],
  })
  const logged = (await sandboxRequests(sandbox)).length
  await app.restart()
  const restarted = await app.firstWindow()
  await waitForInbox(restarted)
  await expect(row(restarted, 'Kwame Mensah')).toBeVisible(SLOW)
  await expect(row(restarted, 'Sofía Hernández')).toBeVisible()
  expect(await app.badgeCount()).toBe(badge)
  // A held request is logged when its answer leaves: no list has been answered since the restart,
  // so the rows and the badge came from the database.
  const answeredLists = (await sandboxRequests(sandbox)).slice(logged).filter((r) => r.path === '/conversations')
  expect(answeredLists).toEqual([])

  // Sync reconciles in place once the server answers.
  await sandboxControl(sandbox, 'DELETE', '/_sandbox/faults')
  await sandboxControl(sandbox, 'POST', '/_sandbox/inbound', {
    apiKey: SANDBOX_ACCOUNTS.acme.apiKey,
    chatId: stored.id,
    text: 'Arrived after the restart',
  })
  await expect(row(restarted, 'Kwame Mensah')).toContainText('Arrived after the restart', { timeout: 90_000 })
})

test('started with the sandbox stopped, the stored inbox and a thread read before are shown', async ({ app }) => {
  const sandbox = await startSandbox({ port: 0, seed: 'demo', deliveryMs: 200 })
  let stopped = false
  try {
    const page = await connectToSandbox(app, sandbox)
    await openConversation(page, 'Kwame Mensah')
    const thread = page.getByRole('region', { name: 'Messages with Kwame Mensah' })
    await expect(thread.getByText('<b>Out of stock</b>', { exact: false })).toBeVisible()
    // The server goes away (app.close() would delete the profile: restart keeps it), then the app starts again.
    await sandbox.close()
    stopped = true

    await app.restart()
    const offline = await app.firstWindow()
    await waitForInbox(offline)
    await expect(row(offline, 'Kwame Mensah')).toBeVisible(SLOW)
    await expect(row(offline, 'Sofía Hernández')).toBeVisible()
    await openConversation(offline, 'Kwame Mensah')
    await expect(
      offline.getByRole('region', { name: 'Messages with Kwame Mensah' }).getByText('<b>Out of stock</b>', {
        exact: false,
      }),
    ).toBeVisible(SLOW)
  } finally {
    if (!stopped) await sandbox.close()
  }
})
