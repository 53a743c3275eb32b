/**
 * Local-first (issue 11 §2, §3): the inbox a restart finds on disk. A restart
 * paints the stored inbox while the server holds its list unanswered; started
 * with the sandbox stopped, the stored inbox and a thread read before are on
 * screen; a damaged database file is set aside and rebuilt with its unsent reply kept,
 * and the agent is told once. The proof that the rows came from disk is the sandbox's request log:
 * a held request is logged only once it is answered.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SANDBOX_ACCOUNTS, startSandbox } from '../../src/sandbox'
import { damageRootPage } from '../../src/main/store/testing/damage'
import type { Page } from '@playwright/test'
import { launchApp } from './harness'
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

/** The drafts main keeps (in the account's database), as the bridge answers them. */
async function savedDrafts(page: Page): Promise<string[]> {
  const drafts = await page.evaluate(() => window.inboxDesk.getDrafts())
  return drafts.ok ? Object.values(drafts.value) : []
}

/** Overwrites the root page of a table of the app's database with garbage: a damaged file. */
function damageDatabase(userDataDir: string, table: string): string {
  const name = readdirSync(userDataDir).find((file) => /^inbox-[0-9a-f]{16}\.sqlite3$/.test(file))
  if (!name) throw new Error(`no inbox database in ${userDataDir}`)
  const file = join(userDataDir, name)
  damageRootPage(file, table)
  return file
}

test('a corrupt database file is recovered with the outbox intact, and the agent is told once', async ({ sandbox }) => {
  test.setTimeout(180_000)
  // A profile of our own: the file is damaged between two launches (restart() would give no moment for it).
  const userDataDir = mkdtempSync(join(tmpdir(), 'inbox-desk-e2e-corrupt-'))
  let app = await launchApp({ userDataDir })
  try {
    const page = await connectToSandbox(app, sandbox)
    const chat = await conversationNamed(page, 'Kwame Mensah')
    // The provider is down: the reply waits in the outbox.
    await sandboxControl(sandbox, 'POST', '/_sandbox/faults', {
      rules: [{ method: 'POST', path: '/conversations/reply', status: 503 }],
    })
    await openConversation(page, 'Kwame Mensah')
    const text = 'Typed before the file was damaged.'
    const reply = page.getByRole('textbox', { name: 'Reply' })
    await reply.fill(text)
    await reply.press('Enter')
    await expect.poll(async () => (await page.evaluate(() => window.inboxDesk.listOutbox())).ok).toBe(true)
    await expect
      .poll(async () => {
        const outbox = await page.evaluate(() => window.inboxDesk.listOutbox())
        return outbox.ok ? outbox.value.map((entry) => entry.text) : []
      })
      .toEqual([text])
    // And a draft typed in another conversation, saved to the database.
    await openConversation(page, 'Sofía Hernández')
    await page.getByRole('textbox', { name: 'Reply' }).fill('A draft the damage must not take')
    await expect(row(page, 'Sofía Hernández')).toContainText('Draft:')
    await openConversation(page, 'Kwame Mensah')
    await expect.poll(() => savedDrafts(page)).toContain('A draft the damage must not take')
    await app.close()
    damageDatabase(userDataDir, 'conversations')

    app = await launchApp({ userDataDir })
    const recovered = await app.firstWindow()
    await waitForInbox(recovered)
    const notice = recovered.getByRole('alert').filter({ hasText: 'The inbox saved on this computer was damaged' })
    await expect(notice).toBeVisible(SLOW)
    await expect(notice).toContainText('Unsent replies kept: 1')
    await expect(notice).toContainText('Drafts kept: 1')
    await expect(row(recovered, 'Sofía Hernández')).toContainText('A draft the damage must not take', SLOW)
    await recovered.screenshot({ path: 'docs/screenshots/local-data-rebuilt.png' })
    // The inbox comes back from the server, and the kept reply goes out once the provider is back.
    await expect(row(recovered, 'Kwame Mensah')).toBeVisible(SLOW)
    await sandboxControl(sandbox, 'DELETE', '/_sandbox/faults')
    await expect
      .poll(
        async () => {
          const page1 = await fetch(
            `${sandbox.url}/conversations/${chat.id}/messages?idTo=${chat.lastMessage!.id + 1000}`,
            {
              headers: { 'x-api-key': SANDBOX_ACCOUNTS.acme.apiKey },
            },
          )
          const body = (await page1.json()) as { data: Array<{ content: { text?: string } }> }
          return body.data.filter((m) => m.content.text === text).length
        },
        { timeout: 90_000 },
      )
      .toBe(1)
    // Told once: dismissed, and not again at the next start.
    await notice.getByRole('button', { name: 'Dismiss' }).click()
    await expect(notice).toHaveCount(0)
    await app.close()
    app = await launchApp({ userDataDir })
    const later = await app.firstWindow()
    await waitForInbox(later)
    await expect(row(later, 'Kwame Mensah')).toBeVisible(SLOW)
    await expect(later.getByRole('alert').filter({ hasText: 'was damaged' })).toHaveCount(0)
  } finally {
    await app.close()
    rmSync(userDataDir, { recursive: true, force: true })
  }
})

test('the drafts.json of an earlier version is imported once and kept across restarts; a damaged one is set aside with a notice', async ({
  sandbox,
}) => {
  test.setTimeout(180_000)
  const userDataDir = mkdtempSync(join(tmpdir(), 'inbox-desk-e2e-drafts-'))
  let app = await launchApp({ userDataDir })
  try {
    const page = await connectToSandbox(app, sandbox)
    const kwame = await conversationNamed(page, 'Kwame Mensah')
    const sofia = await conversationNamed(page, 'Sofía Hernández')
    await app.close()
    // What an earlier version left: every draft in one JSON file in userData.
    const file = join(userDataDir, 'drafts.json')
    writeFileSync(file, JSON.stringify({ drafts: { [kwame.id]: 'Written by the version before' } }))

    app = await launchApp({ userDataDir })
    const upgraded = await app.firstWindow()
    await waitForInbox(upgraded)
    await expect(row(upgraded, 'Kwame Mensah')).toContainText('Written by the version before', SLOW)
    expect(existsSync(file)).toBe(false)
    expect(existsSync(`${file}.imported`)).toBe(true)
    // Sent (cleared) since: a second import would bring it back.
    await openConversation(upgraded, 'Kwame Mensah')
    await expect(upgraded.getByRole('textbox', { name: 'Reply' })).toHaveValue('Written by the version before')
    await upgraded.getByRole('textbox', { name: 'Reply' }).fill('')
    await openConversation(upgraded, 'Sofía Hernández')
    await expect.poll(() => savedDrafts(upgraded)).toEqual([])
    await app.close()

    // A damaged drafts.json (a write cut short): the legible draft is kept, the file set aside, the agent told.
    writeFileSync(file, `{"drafts": {"${sofia.id}": "Legible before the cut", "${kwame.id}": "cut in the mid`)
    app = await launchApp({ userDataDir })
    const damaged = await app.firstWindow()
    await waitForInbox(damaged)
    await expect(row(damaged, 'Kwame Mensah')).not.toContainText('Draft:', SLOW)
    await expect(row(damaged, 'Sofía Hernández')).toContainText('Legible before the cut', SLOW)
    const notice = damaged.getByRole('alert').filter({ hasText: 'Drafts from an earlier version' })
    await expect(notice).toContainText('Drafts recovered from it: 1')
    await expect(notice).toContainText('drafts.json.unreadable-')
    await damaged.screenshot({ path: 'docs/screenshots/local-data-drafts-set-aside.png' })
    expect(readdirSync(userDataDir).filter((name) => name.startsWith('drafts.json.unreadable-'))).toHaveLength(1)
    await app.close()

    app = await launchApp({ userDataDir })
    const later = await app.firstWindow()
    await waitForInbox(later)
    await expect(row(later, 'Sofía Hernández')).toContainText('Legible before the cut', SLOW)
    await expect(later.getByRole('alert').filter({ hasText: 'Drafts from an earlier version' })).toHaveCount(0)
  } finally {
    await app.close()
    rmSync(userDataDir, { recursive: true, force: true })
  }
})
