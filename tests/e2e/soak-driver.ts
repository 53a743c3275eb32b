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
import type { FaultRule, RunningSandbox } from '../../src/sandbox'
import { seededRandom } from '../../src/sandbox/seed/random'
import type { OutboxEntry } from '../../src/shared/ipc/contract'
import type { InboxDeskApp } from './harness'
import { sandboxControl, sandboxRequests } from './sandbox-control'
import { API_KEY, REPLY_PATH, STRADDLE_HOLD_MS, countReplies, faultCounts } from './soak-tally'

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

const SETTLED_STATES = new Set(['accepted', 'failed', 'unconfirmed'])
/**
 * The waits below end only on a hang (a dead app): each thing waited for is sure to come, however loaded the
 * machine, so these bounds are generous and say nothing about speed (that is the bench's table).
 */
const HANG_GUARD_MS = 10 * 60_000
/** The app's own steps (a start with the inbox shown, a reply queued): seconds on a loaded 2-core machine. */
const APP_STEP_GUARD_MS = 2 * 60_000

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
  await page.getByRole('navigation', { name: 'Views' }).waitFor({ timeout: APP_STEP_GUARD_MS })
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
      APP_STEP_GUARD_MS,
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

const isStraddleRule = (rule: { delayMs?: number; times?: number }) =>
  rule.delayMs === STRADDLE_HOLD_MS && rule.times !== undefined

/**
 * Before a straddling restart: holds the next reply POST the server takes for STRADDLE_HOLD_MS, and resolves true
 * once the server has it (the app then quits while the server still holds it, and starts again before the commit).
 *
 * Only the sandbox can say that a POST is being held: its times-1 rule leaves `GET /_sandbox/faults` when a request
 * takes it. The outbox cannot: `sending` lasts only as long as a POST, milliseconds for a 502 or a plain accept, so a
 * poll misses it; and the next POST can be far off or never come: each conversation's head may be reading out the
 * ambiguity window of its last attempt (30 s from its start) and then be found on the server, or every reply may
 * already be through. So this waits as long as the outbox still has a reply to settle (no deadline of its own beyond
 * a hang guard). With none left it resolves false and leaves the rule in place: the next reply typed takes it.
 */
async function holdNextReplyPost(
  sandbox: RunningSandbox,
  page: Page,
  straddle: { armed: boolean },
  log: (line: string) => void,
): Promise<boolean> {
  const since = Date.now()
  const rulePending = async () =>
    (await sandboxControl<{ rules: FaultRule[] }>(sandbox, 'GET', '/_sandbox/faults')).rules.some(isStraddleRule)
  // Armed by an earlier call that found nothing in flight: the rule is there, or a reply typed since has taken it.
  // (Asking the sandbox cannot tell "taken" from "never set".)
  if (!straddle.armed) {
    await sandboxControl(sandbox, 'POST', '/_sandbox/faults', {
      rules: [{ method: 'POST', path: REPLY_PATH, delayMs: STRADDLE_HOLD_MS, times: 1 }],
    })
    straddle.armed = true
  }
  const outcome = await waitUntil(
    'a reply POST held at the server, or no reply left to send',
    async () => {
      if (!(await rulePending())) return 'held'
      if ((await outbox(page)).some((e) => !SETTLED_STATES.has(e.state))) return null
      return (await rulePending()) ? 'nothing in flight' : 'held'
    },
    HANG_GUARD_MS,
  )
  // For the log only (no assertion): how long the wait for the next POST really was.
  const waited = `${((Date.now() - since) / 1000).toFixed(1)} s`
  if (outcome === 'held') {
    straddle.armed = false
    log(`a reply POST is held at the server (${waited} after the restart was due)`)
  } else {
    const last = (await sandboxRequests(sandbox)).filter((r) => r.method === 'POST' && r.path === REPLY_PATH).at(-1)
    const how = last === undefined ? 'none yet' : `${last.status}${last.fault ? ` ${JSON.stringify(last.fault)}` : ''}`
    log(
      `no reply in flight to hold (${waited}; the last reply POST: ${how}): the straddling restart waits for the next reply typed`,
    )
  }
  return outcome === 'held'
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
  /** Whether the straddle's held rule is set and no POST has taken it yet. */
  const straddleRule = { armed: false }

  /** Restarts the app; a straddling one only once the server holds a reply POST (false: not yet, try later). */
  const restart = async (straddle: boolean): Promise<boolean> => {
    if (straddle && !(await holdNextReplyPost(sandbox, page, straddleRule, log))) return false
    if (straddle) await sleep(random() * 2_000)
    const unsettled = (await outbox(page)).filter((e) => !SETTLED_STATES.has(e.state)).length
    if (unsettled > 0) inFlightRestarts += 1
    await app.restart()
    page = await waitForInbox(await app.firstWindow())
    restarts += 1
    open = null
    log(`restart ${restarts} (${straddle ? 'straddling a held commit' : 'at a random moment'}; ${unsettled} unsettled)`)
    return true
  }

  let restartsDue = 0
  for (let i = 0; i < plan.replies; i += 1) {
    if (restartAt.has(i)) restartsDue += 1
    if (restartsDue > 0 && (await restart(restarts % 2 === 0))) restartsDue -= 1
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
  // A straddling restart that found no POST to hold up to the last reply happens now, without one.
  for (; restartsDue > 0; restartsDue -= 1) await restart(false)
  const final = await waitUntil(
    'every reply settled',
    async () => {
      const entries = await outbox(page)
      const settled = typed.every((t) => entries.some((e) => e.text === t.text && SETTLED_STATES.has(e.state)))
      return settled ? entries : null
    },
    HANG_GUARD_MS,
  )
  return {
    ...(await countReplies(sandbox, typed, final)),
    ...faultCounts(await sandboxRequests(sandbox), plan.clientTimeoutMs),
    restarts,
    restartsWithRepliesInFlight: inFlightRestarts,
    refusedByCap,
    durationMs: Date.now() - started,
  }
}
