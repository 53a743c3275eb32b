/**
 * Auto-update in the built app, against the e2e build's stand-in electron-updater
 * (tests/e2e/electron-shim/electron-updater.cjs): a found update downloads, the banner offers "Restart to
 * update", and a reply still in the outbox holds the restart back until it is sent; Settings → Updates shows
 * the version, the channel and the last check, or why updates are off. The stand-in never restarts anything:
 * `quitAndInstall` calls are recorded and read here.
 *
 * INBOX_DESK_E2E_UPDATES=1 makes the unpackaged test build count as an updatable install (it is "development"
 * otherwise, see the last test); INBOX_DESK_E2E_UPDATE_OFFER is the version the stand-in's feed offers.
 */
import type { Page } from '@playwright/test'
import type { RunningSandbox } from '../../src/sandbox'
import { connectToSandbox, expect, sandboxControl, test, type InboxDeskApp } from './fixtures'
import { openConversation } from './inbox-page'

const REPLY_PATH = '/conversations/reply'
const CURRENT_VERSION = '0.1.0' // package.json

interface StandInRecord {
  checks: number
  autoInstallOnAppQuit: boolean[]
  quitAndInstall: { isSilent: boolean; isForceRunAfter: boolean }[]
}

/** What the app asked of the stand-in electron-updater, read in main. */
function updaterRecord(app: InboxDeskApp): Promise<StandInRecord> {
  return app.evaluate(() => {
    const standIn = (globalThis as Record<symbol, { record: StandInRecord }>)[Symbol.for('inbox-desk.e2e.updater')]
    if (!standIn) throw new Error('No stand-in updater: is this the e2e build (npm run build:e2e)?')
    return JSON.parse(JSON.stringify(standIn.record)) as StandInRecord
  })
}

const banner = (page: Page) => page.getByRole('status', { name: 'A new version is ready' })
const updatesSection = (page: Page) => page.getByRole('region', { name: 'Updates' })

async function openUpdatesSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  const section = updatesSection(page)
  await section.scrollIntoViewIfNeeded()
  return section
}

/** Sends a reply the sandbox answers 429 (Retry-After 10 s) once: it stays in the outbox for those seconds. */
async function sendHeldReply(page: Page, sandbox: RunningSandbox, text: string) {
  await sandboxControl(sandbox, 'POST', '/_sandbox/faults', {
    rules: [{ method: 'POST', path: REPLY_PATH, status: 429, retryAfter: 10, times: 1 }],
  })
  await openConversation(page, 'Kwame Mensah')
  const reply = page.getByRole('textbox', { name: 'Reply' })
  await reply.fill(text)
  await reply.press('Enter')
  await expect
    .poll(async () => {
      const outbox = await page.evaluate(() => window.inboxDesk.listOutbox())
      return outbox.ok ? outbox.value.map((entry) => entry.state) : []
    })
    .toEqual([expect.stringMatching(/^(pending|sending)$/)])
}

test.describe('with updates on (an updatable install)', () => {
  test.use({ appLaunchOptions: { env: { INBOX_DESK_E2E_UPDATES: '1', INBOX_DESK_E2E_UPDATE_OFFER: '0.2.0' } } })

  test('available → downloaded → banner; Restart with a reply in the outbox waits for it', async ({ app, sandbox }) => {
    test.setTimeout(90_000)
    const page = await connectToSandbox(app, sandbox)
    const section = await openUpdatesSettings(page)
    await expect(section).toContainText(`Version${CURRENT_VERSION}`)
    await expect(section).toContainText('Channellatest')
    await section.getByRole('button', { name: 'Check now' }).click()
    await expect(section).toContainText('Version 0.2.0 is ready. Restart to update.')
    // The last check, in the UI language's date and time (the same Intl format the window uses).
    const status = await page.evaluate(() => window.inboxDesk.getUpdateStatus())
    if (!status.ok || !status.value.lastCheckedAt) throw new Error('no last check in the status')
    const lastChecked = status.value.lastCheckedAt
    const expected = await page.evaluate(
      (iso) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
      lastChecked,
    )
    await expect(section).toContainText(`Last check${expected}`)
    await page.getByRole('button', { name: 'Close settings' }).click()

    await expect(banner(page)).toContainText(`Inbox Desk 0.2.0 has been downloaded.`)
    const text = 'Your refund is on its way.'
    await sendHeldReply(page, sandbox, text)
    // A reply in flight: quitting would not install it either.
    await expect.poll(async () => (await updaterRecord(app)).autoInstallOnAppQuit.at(-1)).toBe(false)

    await banner(page).getByRole('button', { name: 'Restart to update' }).click()
    await expect(banner(page)).toContainText('Restarting once 1 reply has been sent.')
    expect((await updaterRecord(app)).quitAndInstall).toEqual([])

    // The 429's Retry-After passes, the reply is accepted, and only then does the app restart to install.
    await expect.poll(async () => (await updaterRecord(app)).quitAndInstall.length, { timeout: 45_000 }).toBe(1)
    const outbox = await page.evaluate(() => window.inboxDesk.listOutbox())
    expect(outbox.ok && outbox.value.map((entry) => entry.state)).toEqual(['accepted'])
    expect((await updaterRecord(app)).quitAndInstall).toEqual([{ isSilent: true, isForceRunAfter: true }])
  })

  test('a waiting restart can be cancelled, and the banner dismissed comes back at the next start', async ({
    app,
    sandbox,
  }) => {
    test.setTimeout(90_000)
    const page = await connectToSandbox(app, sandbox)
    const section = await openUpdatesSettings(page)
    await section.getByRole('button', { name: 'Check now' }).click()
    await page.getByRole('button', { name: 'Close settings' }).click()
    await sendHeldReply(page, sandbox, 'Cancelled restart, kept reply.')
    await banner(page).getByRole('button', { name: 'Restart to update' }).click()
    await banner(page).getByRole('button', { name: 'Cancel restart' }).click()
    await expect(banner(page).getByRole('button', { name: 'Restart to update' })).toBeVisible()
    await expect
      .poll(
        async () => {
          const outbox = await page.evaluate(() => window.inboxDesk.listOutbox())
          return outbox.ok ? outbox.value.map((entry) => entry.state) : []
        },
        { timeout: 45_000 },
      )
      .toEqual(['accepted'])
    expect((await updaterRecord(app)).quitAndInstall).toEqual([])

    await banner(page).getByRole('button', { name: 'Dismiss' }).click()
    await expect(banner(page)).toBeHidden()
    await app.restart()
    const again = await app.firstWindow()
    await (await openUpdatesSettings(again)).getByRole('button', { name: 'Check now' }).click()
    await again.getByRole('button', { name: 'Close settings' }).click()
    await expect(banner(again)).toBeVisible()
  })

  test('a failed check says why in words and keeps "Check now"', async ({ app, sandbox }) => {
    const page = await connectToSandbox(app, sandbox)
    await app.evaluate(() => {
      const standIn = (globalThis as Record<symbol, { failWith: string | null }>)[Symbol.for('inbox-desk.e2e.updater')]
      standIn!.failWith = 'net::ERR_PROXY_CONNECTION_FAILED'
    })
    const section = await openUpdatesSettings(page)
    await section.getByRole('button', { name: 'Check now' }).click()
    await expect(section.getByRole('alert')).toHaveText(
      'The update server could not be reached. Check the connection or the proxy.',
    )
    await expect(section.getByRole('button', { name: 'Check now' })).toBeEnabled()
    await expect(banner(page)).toBeHidden()
  })
})

test('in the unpackaged build, Settings says updates are off and why, and nothing is checked', async ({
  app,
  sandbox,
}) => {
  const page = await connectToSandbox(app, sandbox)
  const section = await openUpdatesSettings(page)
  await expect(section).toContainText(`Version${CURRENT_VERSION}`)
  await expect(section).toContainText('Updates are off')
  await expect(section).toContainText('This is a development build: it does not update itself.')
  await expect(section.getByRole('button', { name: 'Check now' })).toHaveCount(0)
  expect((await updaterRecord(app)).checks).toBe(0)
})
