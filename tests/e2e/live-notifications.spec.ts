/**
 * Issue 5 end to end: what the live engine notifies, and what it does not,
 * through the built app against the sandbox. Inbound messages come from the
 * sandbox's control route; assignments by someone else are direct API calls
 * with the account's key; faults (401, 429) are sandbox fault rules and the
 * proof is the sandbox's request log.
 *
 * Proving that something was *not* notified needs to know that the sync saw
 * it: `waitUntilSynced` polls main's own list (through the bridge) until it
 * holds the message. Main emits its events and runs the notifier in the same
 * turn as it updates that list, so once the list has it, the decision is made.
 *
 * Also here, because they are the same loop seen from the server: polling
 * paused while asleep or offline, a 401 and a 429 (proved with the request
 * log), and a refused mark-read that must not become a request loop.
 *
 * Not duplicated here (see shell-notifications.spec.ts, inbox-live.spec.ts,
 * shell.spec.ts): a second message replacing the first notification, clicking
 * a notification (window visible or in the tray), the badge rising with a new
 * message, the tray menu. The Windows overlay icon is set only on win32
 * (src/main/shell/tray.ts), so the shim on Linux has nothing to record.
 */
import type { Page } from '@playwright/test'
import { SANDBOX_ACCOUNTS, type RunningSandbox } from '../../src/sandbox'
import {
  appState,
  connectToSandbox,
  connectWithoutBackfill,
  expect,
  sandboxControl,
  sandboxRequests,
  test,
  type InboxDeskApp,
  waitForInbox,
} from './fixtures'
import { bridgeConversations, chatIdOf, conversationList as list, openConversation } from './inbox-page'

const acme = SANDBOX_ACCOUNTS.acme
/** Long enough for a background poll (about 10 s) and its follow-up on a loaded machine. */
const SYNC = { timeout: 30_000 }
const MAYA = 'usr_acme_maya'

interface Injected {
  chatId: string
  messageId: number
}

/** A contact writes into an existing conversation. */
function writeInto(sandbox: RunningSandbox, chatId: string, text: string): Promise<Injected> {
  return sandboxControl<Injected>(sandbox, 'POST', '/_sandbox/inbound', { apiKey: acme.apiKey, chatId, text })
}

/** Someone new writes (a new, unassigned conversation on the SMS channel). */
function writeFromNewContact(
  sandbox: RunningSandbox,
  contact: { name: string; phoneNumber: string },
  text: string,
): Promise<Injected> {
  return sandboxControl<Injected>(sandbox, 'POST', '/_sandbox/inbound', {
    apiKey: acme.apiKey,
    channelId: 'ch_acme_sms',
    contact,
    text,
  })
}

/** Resolves once main's synced list holds the message (so detection and the notifier have run for it). */
async function waitUntilSynced(page: Page, { chatId, messageId }: Injected): Promise<void> {
  await expect
    .poll(
      async () =>
        (await bridgeConversations(page)).find((conversation) => conversation.id === chatId)?.lastMessage?.id ?? 0,
      SYNC,
    )
    .toBeGreaterThanOrEqual(messageId)
}

const tagOf = (chatId: string) => `chat:${chatId}`

async function notificationsOf(app: InboxDeskApp, chatId: string) {
  return (await app.notifications()).filter((notification) => notification.tag === tagOf(chatId))
}

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click()
  return page.getByRole('region', { name: 'Notifications' })
}

test('one inbound message gives exactly one notification, titled with the contact (or their number), the text as body', async ({
  app,
  sandbox,
}) => {
  const page = await connectToSandbox(app, sandbox)
  const sofia = await writeInto(sandbox, await chatIdOf(page, 'Sofía Hernández'), 'Do you ship to Valencia?')
  await expect.poll(() => notificationsOf(app, sofia.chatId), SYNC).toHaveLength(1)

  // A contact with no name is titled with their number. Its notification also
  // shows that later syncs have run: still one for Sofía.
  const nameless = await writeFromNewContact(
    sandbox,
    { name: '', phoneNumber: '+15550100777' },
    'Hello, I have no name on file',
  )
  await expect.poll(() => notificationsOf(app, nameless.chatId), SYNC).toHaveLength(1)

  const shown = (await app.notifications()).map(({ title, body, tag }) => ({ title, body, tag }))
  expect(shown).toEqual([
    { title: 'Sofía Hernández', body: 'Do you ship to Valencia?', tag: tagOf(sofia.chatId) },
    { title: '+15550100777', body: 'Hello, I have no name on file', tag: tagOf(nameless.chatId) },
  ])
})

test('across a restart: a message already notified is not notified again; one that came while closed is, once', async ({
  app,
  sandbox,
}) => {
  const page = await connectToSandbox(app, sandbox)
  const sofiaId = await chatIdOf(page, 'Sofía Hernández')
  const kwameId = await chatIdOf(page, 'Kwame Mensah')
  const before = await writeInto(sandbox, sofiaId, 'Before the restart')
  await expect.poll(() => notificationsOf(app, before.chatId), SYNC).toHaveLength(1)

  // From here on this run cannot see the list any more: the next message is one it never saw.
  await sandboxControl(sandbox, 'POST', '/_sandbox/faults', {
    rules: [{ method: 'GET', path: '/conversations', status: 503 }],
  })
  const whileClosed = await writeInto(sandbox, kwameId, 'While the app was closed')
  await app.restart()
  await sandboxControl(sandbox, 'DELETE', '/_sandbox/faults')
  const restarted = await app.firstWindow()
  await waitForInbox(restarted)
  await expect.poll(() => notificationsOf(app, whileClosed.chatId), SYNC).toHaveLength(1)

  // Later syncs (a newer message notified) add nothing for either.
  const after = await writeFromNewContact(
    sandbox,
    { name: 'After Restart', phoneNumber: '+15550100704' },
    'After the restart',
  )
  await expect.poll(() => notificationsOf(app, after.chatId), SYNC).toHaveLength(1)
  await waitUntilSynced(restarted, before)
  expect((await app.notifications()).map(({ body }) => body)).toEqual(['While the app was closed', 'After the restart'])
})

test('quiet only while the window is focused on that conversation', async ({ app, sandbox }) => {
  const page = await connectToSandbox(app, sandbox)
  const kwameId = await chatIdOf(page, 'Kwame Mensah')
  await openConversation(page, 'Kwame Mensah')

  // Focused on Kwame: his message shows in the thread, and does not notify...
  const inView = await writeInto(sandbox, kwameId, 'I can see you are reading this')
  // ...but another conversation's does.
  const elsewhere = await writeInto(sandbox, await chatIdOf(page, 'Sofía Hernández'), 'Anyone there for me?')
  await expect(page.getByRole('region', { name: 'Messages with Kwame Mensah' })).toContainText(
    'I can see you are reading this',
    SYNC,
  )
  await expect.poll(() => notificationsOf(app, elsewhere.chatId), SYNC).toHaveLength(1)
  await waitUntilSynced(page, inView)
  expect(await notificationsOf(app, kwameId)).toEqual([])

  // The agent switches to another app, Kwame still open: now his next message notifies.
  await app.setWindowFocused(false)
  await writeInto(sandbox, kwameId, 'Are you still there?')
  await expect.poll(() => notificationsOf(app, kwameId), SYNC).toHaveLength(1)
  expect((await notificationsOf(app, kwameId))[0]).toMatchObject({
    title: 'Kwame Mensah',
    body: 'Are you still there?',
  })
})

test('an assignment to me by someone else notifies; my own assignment in the app does not', async ({
  app,
  sandbox,
}) => {
  const page = await connectToSandbox(app, sandbox)
  // Who am I: Maya Chen. A sync after that (the new contact's message) baselines who is mine.
  expect(await page.evaluate((me) => window.inboxDesk.updateSettings({ meUserId: me }), MAYA)).toMatchObject({
    ok: true,
  })
  const baseline = await writeFromNewContact(
    sandbox,
    { name: 'Baseline Check', phoneNumber: '+15550100701' },
    'Just checking in',
  )
  await waitUntilSynced(page, baseline)
  const notMine = (await bridgeConversations(page)).filter(
    (c) => !c.archived && c.assignee?.id !== MAYA && c.id !== baseline.chatId,
  )
  const byColleague = notMine[0]!
  const byMe = notMine[1]!

  // A colleague assigns a conversation to me, in their own client: a direct API call.
  const response = await fetch(new URL(`/conversations/${byColleague.id}/assignee`, sandbox.url), {
    method: 'POST',
    headers: { 'x-api-key': acme.apiKey, 'content-type': 'application/json' },
    body: JSON.stringify({ userId: MAYA }),
  })
  expect(response.status).toBe(204)
  await expect.poll(() => notificationsOf(app, byColleague.id), SYNC).toHaveLength(1)
  expect((await notificationsOf(app, byColleague.id))[0]).toMatchObject({
    title: byColleague.contact.name || byColleague.contact.phoneNumber,
    body: 'Assigned to you',
  })

  // I assign one to myself in the app (the bridge call the assign picker makes), with no
  // conversation open, so nothing else would keep it quiet.
  expect(
    await page.evaluate(({ chatId, userId }) => window.inboxDesk.assign({ chatId, userId }), {
      chatId: byMe.id,
      userId: MAYA,
    }),
  ).toMatchObject({ ok: true })
  // A later message elsewhere: once it notified, the sync has seen my assignment too.
  const later = await writeFromNewContact(
    sandbox,
    { name: 'After Assign', phoneNumber: '+15550100702' },
    'A message after the assignment',
  )
  await expect.poll(() => notificationsOf(app, later.chatId), SYNC).toHaveLength(1)
  expect((await bridgeConversations(page)).find((c) => c.id === byMe.id)?.assignee?.id).toBe(MAYA)
  expect(await notificationsOf(app, byMe.id)).toEqual([])
})

test('a notification clicked while the UI is still loading opens its conversation once loaded', async ({
  app,
  sandbox,
}) => {
  test.skip(app.kind !== 'shim', 'reloads the window through the shim to catch it loading')
  const page = await connectToSandbox(app, sandbox)
  const sofia = await writeInto(sandbox, await chatIdOf(page, 'Sofía Hernández'), 'Click me during start-up')
  await expect.poll(() => notificationsOf(app, sofia.chatId), SYNC).toHaveLength(1)

  // The window starts loading the UI again (as after a crash or at launch), and the click comes meanwhile.
  const loadingAtClick = await app.evaluate(async ({ BrowserWindow }) => {
    const win = BrowserWindow.getAllWindows()[0]!
    void win.loadURL(win.webContents.getURL())
    await new Promise((resolve) => setImmediate(resolve))
    return win.webContents.isLoading()
  })
  expect(loadingAtClick).toBe(true)
  await app.clickNotification((notification) => notification.tag === tagOf(sofia.chatId))

  await expect(page.getByRole('region', { name: 'Messages with Sofía Hernández' })).toContainText(
    'Click me during start-up',
    { timeout: 20_000 },
  )
})

test('the badge and the tray tooltip follow reads down to zero, and rise with a new message', async ({
  app,
  sandbox,
}) => {
  const page = await connectToSandbox(app, sandbox)
  await expect.poll(() => app.badgeCount(), SYNC).toBeGreaterThan(0)
  const unread = (await bridgeConversations(page)).filter((c) => !c.archived && c.unreadCount > 0)
  const total = unread.reduce((sum, c) => sum + c.unreadCount, 0)
  expect(await app.badgeCount()).toBe(total)

  // Opening a conversation reads it: the badge drops by its unread count at once. With the
  // machine "asleep" no sync runs, so the badge can only follow the read itself.
  await app.powerEvent('suspend')
  const opened = unread.find((c) => c.contact.name !== '')!
  await openConversation(page, opened.contact.name)
  await expect.poll(() => app.badgeCount()).toBe(total - opened.unreadCount)
  const label = (count: number) => (count > 99 ? '99+' : String(count))
  expect((await app.tray())!.tooltip).toBe(`Inbox Desk — ${label(total - opened.unreadCount)} unread`)

  // Reading the rest clears it.
  for (const conversation of unread.filter((c) => c.id !== opened.id)) {
    expect(await page.evaluate((chatId) => window.inboxDesk.markRead({ chatId }), conversation.id)).toMatchObject({
      ok: true,
    })
  }
  await expect.poll(() => app.badgeCount()).toBe(0)
  expect((await app.tray())!.tooltip).toBe('Inbox Desk')

  // And a new message elsewhere brings it back.
  await app.powerEvent('resume')
  await writeFromNewContact(sandbox, { name: 'Badge Riser', phoneNumber: '+15550100703' }, 'One new message')
  await expect.poll(() => app.badgeCount(), SYNC).toBe(1)
  expect((await app.tray())!.tooltip).toBe('Inbox Desk — 1 unread')
})

test('do not disturb from the tray silences notifications; off in Settings, they come back', async ({
  app,
  sandbox,
}) => {
  const page = await connectToSandbox(app, sandbox)
  await app.clickTrayMenuItem('Do not disturb')
  await expect.poll(async () => (await appState(page)).settings.notifications.doNotDisturb).toBe(true)

  const quiet = await writeInto(sandbox, await chatIdOf(page, 'Sofía Hernández'), 'Sent during do not disturb')
  await waitUntilSynced(page, quiet)
  expect(await app.notifications()).toEqual([])

  const notifications = await openSettings(page)
  const dnd = notifications.getByRole('switch', { name: 'Do not disturb' })
  await expect(dnd).toBeChecked()
  await dnd.click()
  await expect(dnd).not.toBeChecked()
  await expect
    .poll(async () => (await app.tray())!.menu.find((item) => item.label === 'Do not disturb')?.checked)
    .toBe(false)

  const loud = await writeInto(sandbox, await chatIdOf(page, 'Kwame Mensah'), 'Sent after do not disturb')
  await expect.poll(() => notificationsOf(app, loud.chatId), SYNC).toHaveLength(1)
  // What came during do not disturb is not shown late.
  expect((await app.notifications()).map(({ body }) => body)).toEqual(['Sent after do not disturb'])
})

test('quiet hours set in Settings silence notifications while they last', async ({ app, sandbox }) => {
  const page = await connectToSandbox(app, sandbox)
  // Quiet hours around now, in main's local time (the schedule is read there).
  const hour = await app.evaluate(() => new Date().getHours())
  const clock = (h: number) => `${String((h + 24) % 24).padStart(2, '0')}:00`
  const notifications = await openSettings(page)
  await notifications.getByRole('switch', { name: 'Quiet hours every day' }).click()
  await notifications.getByLabel('Quiet from').fill(clock(hour - 1))
  await notifications.getByLabel('Quiet until').fill(clock(hour + 2))
  await notifications.getByLabel('Quiet from').focus() // leaving "until" saves both
  await expect
    .poll(async () => (await appState(page)).settings.notifications.dndSchedule)
    .toEqual({ enabled: true, from: clock(hour - 1), to: clock(hour + 2) })

  const quiet = await writeInto(sandbox, await chatIdOf(page, 'Sofía Hernández'), 'Sent in quiet hours')
  await waitUntilSynced(page, quiet)
  expect(await app.notifications()).toEqual([])

  await notifications.getByRole('switch', { name: 'Quiet hours every day' }).click()
  await expect.poll(async () => (await appState(page)).settings.notifications.dndSchedule.enabled).toBe(false)
  const loud = await writeInto(sandbox, await chatIdOf(page, 'Kwame Mensah'), 'Sent after quiet hours')
  await expect.poll(() => notificationsOf(app, loud.chatId), SYNC).toHaveLength(1)
})

test('the per-kind switches and the sound switch in Settings are honoured', async ({ app, sandbox }) => {
  const page = await connectToSandbox(app, sandbox)
  expect(await page.evaluate((me) => window.inboxDesk.updateSettings({ meUserId: me }), MAYA)).toMatchObject({
    ok: true,
  })
  const all = await bridgeConversations(page)
  const teammates = all.find((c) => !c.archived && c.assignee !== null && c.assignee.id !== MAYA)!
  const unassigned = all.find((c) => !c.archived && c.assignee === null)!
  const notifications = await openSettings(page)
  const toggle = async (name: string, checked: boolean) => {
    const control = notifications.getByRole('switch', { name })
    await control.click()
    await expect(control).toBeChecked({ checked })
  }

  // Defaults: a teammate's conversation does not notify (only mine and unassigned ones do).
  await toggle('Play a sound', false)
  const teammateQuiet = await writeInto(sandbox, teammates.id, 'For your colleague')
  const unassignedLoud = await writeInto(sandbox, unassigned.id, 'For whoever is free')
  await expect.poll(() => notificationsOf(app, unassigned.id), SYNC).toHaveLength(1)
  await waitUntilSynced(page, teammateQuiet)
  expect(await notificationsOf(app, teammates.id)).toEqual([])
  // Sound off: shown silently (the first notification of the run, so not the sound throttle).
  expect((await notificationsOf(app, unassignedLoud.chatId))[0]!.silent).toBe(true)

  // "All conversations" on, "unassigned" off, sound on.
  await toggle('New messages in all conversations', true)
  await toggle('New messages in unassigned conversations', false)
  await toggle('Play a sound', true)
  await expect
    .poll(async () => (await appState(page)).settings.notifications)
    .toMatchObject({ inboundAll: true, inboundUnassigned: false, sound: true })
  await writeInto(sandbox, teammates.id, 'For your colleague, again')
  await expect.poll(() => notificationsOf(app, teammates.id), SYNC).toHaveLength(1)
  expect((await notificationsOf(app, teammates.id))[0]!.silent).toBe(false)

  // "All" off again: an unassigned conversation is now quiet.
  await toggle('New messages in all conversations', false)
  await expect.poll(async () => (await appState(page)).settings.notifications.inboundAll).toBe(false)
  const unassignedQuiet = await writeInto(sandbox, unassigned.id, 'Unassigned, with the switch off')
  await waitUntilSynced(page, unassignedQuiet)
  expect((await notificationsOf(app, unassigned.id)).map(({ body }) => body)).toEqual(['For whoever is free'])
})

/** The app's list requests (the sync's polls) in the sandbox's request log. */
async function listRequests(sandbox: RunningSandbox) {
  return (await sandboxRequests(sandbox)).filter(
    (request) => request.method === 'GET' && request.path === '/conversations',
  )
}

/** Makes the next list request answer 429 with this Retry-After; resolves with when it was answered. */
async function rateLimitNextListRequest(sandbox: RunningSandbox, retryAfterSeconds: number): Promise<string> {
  await sandboxControl(sandbox, 'POST', '/_sandbox/faults', {
    rules: [{ method: 'GET', path: '/conversations', status: 429, retryAfter: retryAfterSeconds, times: 1 }],
  })
  await expect.poll(async () => (await listRequests(sandbox)).some((r) => r.status === 429), SYNC).toBe(true)
  return (await listRequests(sandbox)).find((r) => r.status === 429)!.at
}

/** Every request logged after the 429 (any route: the floor holds for all of them) came after Retry-After.
 * Returns those requests. */
async function expectNothingSentBefore(sandbox: RunningSandbox, limitedAt: string, retryAfterSeconds: number) {
  const after = (await sandboxRequests(sandbox)).filter((r) => r.at > limitedAt)
  for (const request of after) {
    expect(
      Date.parse(request.at) - Date.parse(limitedAt),
      `${request.method} ${request.path} at ${request.at}`,
    ).toBeGreaterThanOrEqual(retryAfterSeconds * 1000)
  }
  return after
}

/**
 * Waits `count` focused poll intervals (about 2 s each). Proving that the app
 * does *not* ask needs time to pass; this is the only fixed wait in these
 * specs, and a slower machine only makes the proof stronger.
 */
async function pauseForIntervals(page: Page, count: number): Promise<void> {
  await page.waitForTimeout(count * 2_000)
}

/**
 * Gives a running sync loop every reason to ask: focus changes, a wake from
 * sleep (each syncs at once when polling), over `rounds` focused intervals.
 */
async function nudgeSync(app: InboxDeskApp, page: Page, rounds: number): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    await app.setWindowFocused(false)
    await app.setWindowFocused(true)
    await app.powerEvent('suspend')
    await app.powerEvent('resume')
    await pauseForIntervals(page, 1)
  }
}

/** The number of list requests once one more interval has passed without a new one. */
async function settledListRequestCount(sandbox: RunningSandbox, page: Page): Promise<number> {
  let count = (await listRequests(sandbox)).length
  // Bounded: a loop that never stops asking is left for the caller's assertion to report.
  for (let round = 0; round < 5; round++) {
    await pauseForIntervals(page, 1)
    const next = (await listRequests(sandbox)).length
    if (next === count) break
    count = next
  }
  return count
}

test('polling pauses while the machine sleeps and resumes on wake; what came meanwhile then notifies', async ({
  app,
  sandbox,
}) => {
  const page = await connectToSandbox(app, sandbox)
  await expect.poll(async () => (await listRequests(sandbox)).length, SYNC).toBeGreaterThan(1)
  await app.powerEvent('suspend')
  // A request already on its way may still land: count from when the log stops moving.
  const countAsleep = await settledListRequestCount(sandbox, page)
  const whileAsleep = await writeInto(sandbox, await chatIdOf(page, 'Sofía Hernández'), 'Written while you slept')
  await pauseForIntervals(page, 3)
  expect(await listRequests(sandbox)).toHaveLength(countAsleep)
  expect(await notificationsOf(app, whileAsleep.chatId)).toEqual([])

  await app.powerEvent('resume')
  await expect.poll(() => notificationsOf(app, whileAsleep.chatId), SYNC).toHaveLength(1)
  expect((await listRequests(sandbox)).length).toBeGreaterThan(countAsleep)
})

test('offline, the app says so and stops polling; back online, it syncs again', async ({ app, sandbox }) => {
  test.skip(app.kind !== 'shim', 'needs the shim to take the network away')
  const page = await connectToSandbox(app, sandbox)
  await app.setOnline(false)
  const offline = page.getByRole('status').filter({ hasText: 'You are offline' })
  await expect(offline).toBeVisible(SYNC)
  const countOffline = await settledListRequestCount(sandbox, page)
  const whileOffline = await writeInto(sandbox, await chatIdOf(page, 'Sofía Hernández'), 'Written while offline')
  await pauseForIntervals(page, 3)
  expect(await listRequests(sandbox)).toHaveLength(countOffline)
  await expect(offline).toBeVisible()

  await app.setOnline(true)
  await expect(offline).toHaveCount(0, SYNC)
  await expect.poll(() => notificationsOf(app, whileOffline.chatId), SYNC).toHaveLength(1)
})

test('a 401 mid-session stops polling and asks for a new key once', async ({ app, sandbox }) => {
  const page = await connectToSandbox(app, sandbox)
  await page.evaluate(() => {
    const seen: string[] = []
    ;(window as unknown as { authPrompts: string[] }).authPrompts = seen
    window.inboxDesk.on('syncStatus', (status) => {
      if (status.state === 'auth_required') seen.push(status.state)
    })
  })
  // The key is revoked on the server (every list request now answers 401).
  await sandboxControl(sandbox, 'POST', '/_sandbox/faults', {
    rules: [{ method: 'GET', path: '/conversations', status: 401 }],
  })
  const banner = page.getByRole('alert').filter({ hasText: 'Your API key was refused' })
  await expect(banner).toBeVisible(SYNC)
  const refused = (await listRequests(sandbox)).filter((request) => request.status === 401)
  expect(refused.length).toBeGreaterThanOrEqual(1)
  const countAfterRefusal = (await listRequests(sandbox)).length

  // Five focused intervals, with focus and wake nudges: no more list requests.
  await nudgeSync(app, page, 5)
  expect(await listRequests(sandbox)).toHaveLength(countAfterRefusal)
  expect(refused).toHaveLength(1)
  // Asked once: one prompt, one banner.
  expect(await page.evaluate(() => (window as unknown as { authPrompts: string[] }).authPrompts)).toHaveLength(1)
  await expect(banner).toHaveCount(1)

  // A new key (the server accepts it again): polling resumes, and new messages notify.
  await sandboxControl(sandbox, 'DELETE', '/_sandbox/faults')
  await banner.getByRole('button', { name: 'Update key' }).click()
  await page.getByLabel('API key').fill(acme.apiKey)
  await page.getByRole('button', { name: 'Connect', exact: true }).click()
  await waitForInbox(page)
  await expect(banner).toHaveCount(0, SYNC)
  const afterNewKey = await writeFromNewContact(
    sandbox,
    { name: 'After New Key', phoneNumber: '+15550100705' },
    'Back in business',
  )
  await expect.poll(() => notificationsOf(app, afterNewKey.chatId), SYNC).toHaveLength(1)
})

test('a 429 with Retry-After is respected: no request before it elapsed, then polling resumes', async ({
  app,
  sandbox,
}) => {
  const page = await connectWithoutBackfill(app, sandbox)
  const RETRY_AFTER_S = 6
  const limitedAt = await rateLimitNextListRequest(sandbox, RETRY_AFTER_S)
  // While it holds, focus and wake would each sync at once: they must wait too.
  await nudgeSync(app, page, 2)
  // Polling resumes after it.
  await expect
    .poll(async () => (await listRequests(sandbox)).filter((r) => r.status === 200 && r.at > limitedAt).length, SYNC)
    .toBeGreaterThan(0)

  const after = await expectNothingSentBefore(sandbox, limitedAt, RETRY_AFTER_S)
  expect(after.length).toBeGreaterThan(0)
})

test('during a Retry-After the agent opening a conversation sends nothing either; the thread loads once it elapsed', async ({
  app,
  sandbox,
}) => {
  const page = await connectWithoutBackfill(app, sandbox)
  const RETRY_AFTER_S = 8
  const limitedAt = await rateLimitNextListRequest(sandbox, RETRY_AFTER_S)

  // The agent opens an unread conversation at once: its messages and the read both wait.
  const search = page.getByRole('textbox', { name: 'Search conversations' })
  await search.fill('Kwame Mensah')
  await list(page)
    .getByRole('option', { name: /Kwame Mensah/ })
    .click()
  const thread = page.getByRole('region', { name: 'Messages with Kwame Mensah' })
  await expect(thread.getByText('<b>Out of stock</b>', { exact: false })).toBeVisible({ timeout: 30_000 })

  const after = await expectNothingSentBefore(sandbox, limitedAt, RETRY_AFTER_S)
  expect(after.some((r) => r.path.endsWith('/messages'))).toBe(true)
})

test('when marking a conversation read fails, the app says so once and does not keep retrying on its own', async ({
  app,
  sandbox,
}) => {
  const page = await connectToSandbox(app, sandbox)
  const kwameId = await chatIdOf(page, 'Kwame Mensah')
  await sandboxControl(sandbox, 'POST', '/_sandbox/faults', {
    rules: [{ method: 'PATCH', path: `/conversations/${kwameId}/read`, status: 400 }],
  })
  await openConversation(page, 'Kwame Mensah')
  await expect(page.getByText('Could not mark as read').first()).toBeVisible()
  await pauseForIntervals(page, 2)
  // One request (and so one toast): the rollback to unread does not start it again.
  expect(
    (await sandboxRequests(sandbox)).filter((r) => r.method === 'PATCH' && r.path === `/conversations/${kwameId}/read`),
  ).toHaveLength(1)

  // A new message in the open conversation is a reason to try again: once.
  await sandboxControl(sandbox, 'DELETE', '/_sandbox/faults')
  await writeInto(sandbox, kwameId, 'One more, read me')
  await expect(page.getByRole('region', { name: 'Messages with Kwame Mensah' })).toContainText(
    'One more, read me',
    SYNC,
  )
  await expect
    .poll(async () => (await bridgeConversations(page)).find((c) => c.id === kwameId)?.unreadCount, SYNC)
    .toBe(0)
})
