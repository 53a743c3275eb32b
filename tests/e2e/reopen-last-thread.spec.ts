/**
 * The last open thread reopens after a restart (issue 11 §2) before any network call returns: main keeps the
 * conversation last opened per account in its database, the window opens it again at start, and its pages come
 * from the store. Proved with the sandbox holding every list and thread read for a minute, then stopped.
 */
import { startSandbox } from '../../src/sandbox'
import { connectToSandbox, expect, sandboxControl, test, waitForInbox } from './fixtures'
import { conversationNamed, openConversation } from './inbox-page'

const SLOW = { timeout: 20_000 }

test('the thread open at quit is open again after a restart, from the store, with the server held or gone', async ({
  app,
}) => {
  test.setTimeout(180_000)
  const sandbox = await startSandbox({ port: 0, seed: 'demo', deliveryMs: 200 })
  let stopped = false
  try {
    const page = await connectToSandbox(app, sandbox)
    await openConversation(page, 'Sofía Hernández')
    await openConversation(page, 'Kwame Mensah')
    const thread = (p: typeof page) => p.getByRole('region', { name: 'Messages with Kwame Mensah' })
    await expect(thread(page).getByText('<b>Out of stock</b>', { exact: false })).toBeVisible(SLOW)
    const kwame = await conversationNamed(page, 'Kwame Mensah')

    // The server answers nothing for a minute: not the list, not the thread.
    await sandboxControl(sandbox, 'POST', '/_sandbox/faults', {
      rules: [
        { method: 'GET', path: '/conversations', delayMs: 60_000 },
        { method: 'GET', path: `/conversations/${kwame.id}/messages`, delayMs: 60_000 },
      ],
    })
    await app.restart()
    const held = await app.firstWindow()
    await waitForInbox(held)
    await expect(thread(held).getByText('<b>Out of stock</b>', { exact: false })).toBeVisible(SLOW)
    await expect(held.getByRole('textbox', { name: 'Reply' })).toBeVisible()

    // And with the server gone altogether.
    await sandbox.close()
    stopped = true
    await app.restart()
    const offline = await app.firstWindow()
    await waitForInbox(offline)
    await expect(thread(offline).getByText('<b>Out of stock</b>', { exact: false })).toBeVisible(SLOW)
    await offline.screenshot({ path: 'docs/screenshots/reopened-last-thread-offline.png' })
  } finally {
    if (!stopped) await sandbox.close()
  }
})
