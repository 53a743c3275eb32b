/**
 * The outbox soak (issue 9 §2), shared by `npm run bench -- soak` (bench/soak.bench.ts, ≥ 500 replies) and the
 * shorter e2e spec (tests/e2e/soak.spec.ts, ~60): the built app through the harness, an agent typing replies into
 * the composer across conversations, about 30 % of reply POSTs faulted by the sandbox, and restarts at random
 * moments, some while a held commit straddles them. At the end every conversation is read back from the sandbox
 * and each typed reply counted: on the server exactly once, lost, duplicated, or refused and shown to the agent.
 *
 * Plain Playwright (no test runner, no `expect`), so the bench can run it; the spec asserts on the result.
 */
import type { Page } from '@playwright/test'
import { SANDBOX_ACCOUNTS, type RequestLogEntry, type RunningSandbox } from '../../src/sandbox'
import { seededRandom } from '../../src/sandbox/seed/random'
import type { OutboxEntry } from '../../src/shared/ipc/contract'
import type { InboxDeskApp } from './harness'
import { sandboxControl, sandboxRequests } from './sandbox-control'

const HELD_PAST_TIMEOUT_MARGIN_MS = 2_000

export interface SoakPlan {
  replies: number
  conversations: number
  restarts: number
  /** Share of reply POSTs faulted: split evenly between 502, drop after commit, and a commit held past the timeout. */
  faultRate: number
  /** Seeds the driver's choices (which conversation, when to restart). */
  seed: number
  /** The app's request timeout: a held commit lands 2 s after it. */
  clientTimeoutMs: number
  log?: (line: string) => void
}

export interface SoakResult {
  typed: number
  exactlyOnce: number
  lost: number
  duplicated: number
  refusedShown: number
  outOfOrder: number
  restarts: number
  restartsWithRepliesInFlight: number
  /** Times the composer said the outbox was full (its cap) and the agent pressed Enter again later. */
  refusedByCap: number
  replyPosts: number
  /** Reply POSTs a fault rule fired on, from the sandbox's request log (`fault`): the exact faulted share's numerator. */
  faulted: number
  answered502: number
  droppedAfterCommit: number
  /** Commits held past the client's timeout (the rate rule): the client timed out, the reply was made. */
  heldPastTimeout: number
  /** Commits held across a restart (one before every other restart). */
  heldAcrossRestart: number
  durationMs: number
}

const REPLY_PATH = '/conversations/reply'
const API_KEY = SANDBOX_ACCOUNTS.acme.apiKey
/** A commit held this long straddles a restart (quit + start take a few seconds). */
const STRADDLE_HOLD_MS = 8_000
const SETTLED_STATES = new Set(['accepted', 'failed', 'unconfirmed'])

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

async function waitUntil<T>(what: string, probe: () => Promise<T | null | false>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe().catch(() => null)
    if (value !== null && value !== false) return value
    if (Date.now() > deadline) throw new Error(`soak: gave up waiting ${timeoutMs} ms for ${what}`)
    await sleep(100)
  }
}

async function outbox(page: Page): Promise<OutboxEntry[]> {
  const result = await page.evaluate(() => window.inboxDesk.listOutbox())
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

/** The welcome screen's connect form, as an agent fills it. */
export async function connect(app: InboxDeskApp, sandbox: RunningSandbox): Promise<Page> {
  const page = await app.firstWindow()
  await page.getByRole('button', { name: 'Connect an account' }).click()
  await page.getByLabel(/^API address/).fill(sandbox.url)
  await page.getByLabel(/^API key/).fill(API_KEY)
  await page.getByRole('button', { name: 'Connect', exact: true }).click()
  return waitForInbox(page)
}

async function waitForInbox(page: Page): Promise<Page> {
  await page.getByRole('navigation', { name: 'Views' }).waitFor({ timeout: 30_000 })
  return page
}

/** Conversations an agent can reply to without a dialog (no WhatsApp window), found by a name no other contains. */
async function pickConversations(page: Page, count: number): Promise<Array<{ id: string; name: string }>> {
  const result = await page.evaluate(() => window.inboxDesk.listConversations({ archived: 'any' }))
  if (!result.ok) throw new Error(result.error.message)
  const names = result.value.map((c) => c.contact.name)
  const usable = result.value.filter(
    (c) =>
      !c.archived &&
      c.channel.type !== 'whatsapp' &&
      c.contact.name.length > 0 &&
      names.filter((n) => n.includes(c.contact.name)).length === 1,
  )
  if (usable.length < count) throw new Error(`soak: only ${usable.length} usable conversations, ${count} asked`)
  return usable.slice(0, count).map((c) => ({ id: c.id, name: c.contact.name }))
}

async function openConversation(page: Page, name: string): Promise<void> {
  const search = page.getByRole('textbox', { name: 'Search conversations' })
  await search.fill(name)
  await page
    .getByRole('listbox', { name: 'Conversations' })
    .getByRole('option', { name: new RegExp(name) })
    .click()
  await search.fill('')
  await page.getByRole('region', { name: `Messages with ${name}` }).waitFor()
}

/**
 * Types the reply and presses Enter; resolves once the outbox holds it. When the outbox is full (its cap of unsent
 * replies), the composer says so and gives the text back: the agent waits a little and presses Enter again.
 * Resolves with the number of such refusals.
 */
async function typeReply(page: Page, text: string): Promise<number> {
  const box = page.getByRole('textbox', { name: 'Reply' })
  await box.click()
  await box.pressSequentially(text)
  for (let refusals = 0; ; refusals += 1) {
    await box.press('Enter')
    const outcome = await waitUntil(
      `"${text}" in the outbox`,
      async () => {
        if ((await outbox(page)).some((e) => e.text === text)) return 'queued'
        return (await page.getByText('The reply was not queued').count()) > 0 ? 'refused' : null
      },
      20_000,
    )
    if (outcome === 'queued') return refusals
    await sleep(5_000)
  }
}

function faultRules(rate: number, clientTimeoutMs: number) {
  const each = rate / 3
  // The first rule that fires wins, so the later ones get their share of what is left.
  return [
    { method: 'POST', path: REPLY_PATH, status: 502, rate: each },
    { method: 'POST', path: REPLY_PATH, mode: 'drop-after-commit', rate: each / (1 - each) },
    {
      method: 'POST',
      path: REPLY_PATH,
      delayMs: clientTimeoutMs + HELD_PAST_TIMEOUT_MARGIN_MS,
      rate: each / (1 - 2 * each),
    },
  ]
}

/** Every message of a conversation, straight from the sandbox. */
async function serverThread(sandbox: RunningSandbox, chatId: string) {
  const messages: Array<{ id: number; direction: string; content: { text?: string } }> = []
  for (let idFrom = 1; ;) {
    const response = await fetch(`${sandbox.url}/conversations/${chatId}/messages?idFrom=${idFrom}`, {
      headers: { 'x-api-key': API_KEY },
    })
    if (!response.ok) throw new Error(`soak: reading ${chatId} answered ${response.status}`)
    const page = (await response.json()) as { data: typeof messages; hasMore: boolean }
    messages.push(...page.data)
    if (!page.hasMore || page.data.length === 0) return messages
    idFrom = page.data.at(-1)!.id + 1
  }
}

/** Runs the soak on a launched (not yet connected) app and a running sandbox. The caller closes both. */
export async function runSoak(app: InboxDeskApp, sandbox: RunningSandbox, plan: SoakPlan): Promise<SoakResult> {
  const log = plan.log ?? (() => undefined)
  const random = seededRandom(plan.seed)
  const started = Date.now()
  let page = await connect(app, sandbox)
  const conversations = await pickConversations(page, plan.conversations)
  await sandboxControl(sandbox, 'POST', '/_sandbox/faults', { rules: faultRules(plan.faultRate, plan.clientTimeoutMs) })

  const restartAt = new Set<number>()
  while (restartAt.size < plan.restarts) restartAt.add(1 + Math.floor(random() * (plan.replies - 2)))
  const typed: Array<{ chatId: string; text: string }> = []
  let restarts = 0
  let inFlightRestarts = 0
  let refusedByCap = 0
  let open: string | null = null

  const restart = async (straddle: boolean) => {
    if (straddle) {
      // The next reply POST is held: the app quits while the server still has it, and starts again before the commit.
      await sandboxControl(sandbox, 'POST', '/_sandbox/faults', {
        rules: [{ method: 'POST', path: REPLY_PATH, delayMs: STRADDLE_HOLD_MS, times: 1 }],
      })
      await waitUntil('a reply in flight', async () => (await outbox(page)).some((e) => e.state === 'sending'), 30_000)
      await sleep(random() * 2_000)
    }
    const unsettled = (await outbox(page)).filter((e) => !SETTLED_STATES.has(e.state)).length
    if (unsettled > 0) inFlightRestarts += 1
    await app.restart()
    page = await waitForInbox(await app.firstWindow())
    restarts += 1
    open = null
    log(`restart ${restarts} (${straddle ? 'straddling a held commit' : 'at a random moment'}; ${unsettled} unsettled)`)
  }

  for (let i = 0; i < plan.replies; i += 1) {
    if (restartAt.has(i)) await restart(restarts % 2 === 0)
    // An agent stays in a conversation for a few replies, then moves on.
    if (open === null || random() < 0.4) open = conversations[Math.floor(random() * conversations.length)]!.name
    const conversation = conversations.find((c) => c.name === open)!
    if ((await page.getByRole('region', { name: `Messages with ${open}` }).count()) === 0) {
      await openConversation(page, open)
    }
    const text = `Soak reply ${i + 1} to ${conversation.name} (${plan.seed})`
    refusedByCap += await typeReply(page, text)
    typed.push({ chatId: conversation.id, text })
    if ((i + 1) % 50 === 0) log(`typed ${i + 1} of ${plan.replies}`)
  }

  // The faults stop; the outbox finishes what it holds (windows of held attempts included).
  await sandboxControl(sandbox, 'DELETE', '/_sandbox/faults')
  const final = await waitUntil(
    'every reply settled',
    async () => {
      const entries = await outbox(page)
      const settled = typed.every((t) => entries.some((e) => e.text === t.text && SETTLED_STATES.has(e.state)))
      return settled ? entries : null
    },
    10 * 60_000,
  )
  return {
    ...(await count(sandbox, typed, final)),
    ...faultCounts(await sandboxRequests(sandbox), plan.clientTimeoutMs),
    restarts,
    restartsWithRepliesInFlight: inFlightRestarts,
    refusedByCap,
    durationMs: Date.now() - started,
  }
}

async function count(sandbox: RunningSandbox, typed: Array<{ chatId: string; text: string }>, final: OutboxEntry[]) {
  const shown = new Set(final.filter((e) => e.state === 'failed' || e.state === 'unconfirmed').map((e) => e.text))
  const threads = new Map<string, Awaited<ReturnType<typeof serverThread>>>()
  for (const chatId of new Set(typed.map((t) => t.chatId))) threads.set(chatId, await serverThread(sandbox, chatId))
  let exactlyOnce = 0
  let lost = 0
  let duplicated = 0
  let refusedShown = 0
  let outOfOrder = 0
  const lastIdByChat = new Map<string, number>()
  for (const reply of typed) {
    const copies = threads.get(reply.chatId)!.filter((m) => m.direction === 'outbound' && m.content.text === reply.text)
    if (copies.length === 1) exactlyOnce += 1
    else if (copies.length > 1) duplicated += 1
    else if (shown.has(reply.text)) refusedShown += 1
    else lost += 1
    const first = copies[0]?.id
    if (first === undefined) continue
    if (first < (lastIdByChat.get(reply.chatId) ?? 0)) outOfOrder += 1
    lastIdByChat.set(reply.chatId, first)
  }
  return { typed: typed.length, exactlyOnce, lost, duplicated, refusedShown, outOfOrder }
}

/** Reply POSTs and the faults that fired on them, each counted from its request log entry (`fault`, src/sandbox). */
function faultCounts(requests: readonly RequestLogEntry[], clientTimeoutMs: number) {
  const posts = requests.filter((r) => r.method === 'POST' && r.path === REPLY_PATH)
  const held = (r: RequestLogEntry) =>
    r.fault !== undefined && r.fault.mode === undefined && r.fault.status === undefined
  return {
    replyPosts: posts.length,
    faulted: posts.filter((r) => r.fault !== undefined).length,
    answered502: posts.filter((r) => r.fault?.status === 502).length,
    droppedAfterCommit: posts.filter((r) => r.fault?.mode === 'drop-after-commit').length,
    heldPastTimeout: posts.filter((r) => held(r) && r.fault!.delayMs! > clientTimeoutMs).length,
    heldAcrossRestart: posts.filter((r) => held(r) && r.fault!.delayMs === STRADDLE_HOLD_MS).length,
  }
}
