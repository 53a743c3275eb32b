/**
 * Wakes snoozed conversations when due: unarchives each on the server, then drops its snooze. Due is judged by
 * the wall clock on a short tick (`tickMs`), never by one long timer: a timer runs on the machine's monotonic
 * clock, so it would wake late or early after the wall clock is set, a time-zone change, or sleep. A tick that
 * finds the clock moved (far from `tickMs` since the last one) forgets the waits of failed wakes, which were
 * reckoned on the old clock, and looks again at once; `poke()` looks at once too (resume, back online).
 *
 * A failed unarchive (offline, 5xx after the client's own retries, a 429) keeps the snooze, counts the
 * attempt and tries again after a backoff; a 429's Retry-After holds every wake until it has passed. A 404
 * (the conversation is gone) drops the snooze.
 */
import { ApiError, type InboxApi } from '../ports/inbox-api'
import { backoffDelayMs, retryAfterOf } from '../ports/backoff'
import { toBridgeError } from '../ports/errors'
import type { Logger } from '../ports/logger'
import type { Scheduler, TimerHandle } from '../ports/scheduler'
import type { SnoozeQueries, SnoozeRow } from '../store'
import type { SyncEngine } from '../sync'
import type { SnoozeOptions } from './options'

/** A tick this far from where it was due means the wall clock was moved (or the machine slept). */
const CLOCK_JUMP_MS = 2_000

export interface WakerDeps {
  store: SnoozeQueries
  picture: Pick<SyncEngine, 'getConversation' | 'applyLocalChange'>
  api: Pick<InboxApi, 'unarchive'>
  isOnline(): boolean
  scheduler: Scheduler
  log: Logger
  options: SnoozeOptions
  publish(): void
  /** Ends the snoozes someone else's change ended, before looking for due ones. */
  reconcile(rows: readonly SnoozeRow[]): void
}

export interface Waker {
  start(): void
  stop(): void
  /** Looks for due snoozes now. */
  poke(): void
  /** Wakes one due now (its earlier failures' wait forgotten); settles once the attempt is over. */
  wakeNow(chatId: string): Promise<void>
  isWaking(chatId: string): boolean
}

/** What a pass and a wake share: whether the waker stopped, who is being woken, and the waits of failed wakes
 * (wall clock: when each may be tried again, and until when a 429 holds every wake). */
interface WakeState {
  stopped: boolean
  waking: Set<string>
  nextTry: Map<string, number>
  holdUntil: number
}

export function createWaker(deps: WakerDeps): Waker {
  const { store, scheduler, log, options } = deps
  const state: WakeState = { stopped: true, waking: new Set(), nextTry: new Map(), holdUntil: 0 }
  /** Stopped for good (the account closed): a late start() does nothing. */
  let closed = false
  let timer: TimerHandle | null = null
  let lastTickAt = 0
  let running: Promise<void> | null = null
  let again = false

  function arm(): void {
    if (state.stopped || timer !== null) return
    timer = scheduler.setTimeout(tick, options.tickMs)
  }

  function tick(): void {
    timer = null
    const now = scheduler.now()
    const drift = now - lastTickAt - options.tickMs
    lastTickAt = now
    if (Math.abs(drift) > CLOCK_JUMP_MS) {
      log.info(`the clock moved (${Math.round(drift / 1000)} s off the tick): due snoozes looked at again`)
      state.nextTry.clear()
      state.holdUntil = 0
    }
    void pass().finally(arm)
  }

  function pass(): Promise<void> {
    if (state.stopped) return Promise.resolve()
    if (running) {
      again = true
      return running
    }
    running = (async () => {
      do {
        again = false
        await once()
      } while (again && !state.stopped)
    })()
      .catch((error: unknown) => log.error('Waking snoozed conversations failed.', error))
      .finally(() => (running = null))
    return running
  }

  async function once(): Promise<void> {
    deps.reconcile(store.list())
    if (!deps.isOnline()) return
    for (const row of store.due(scheduler.now())) {
      const now = scheduler.now()
      if (state.stopped || now < state.holdUntil) return
      if ((state.nextTry.get(row.chatId) ?? 0) > now) continue
      await wake(deps, state, row)
    }
  }

  return {
    start() {
      if (!state.stopped || closed) return
      state.stopped = false
      lastTickAt = scheduler.now()
      void pass()
      arm()
    },
    stop() {
      state.stopped = true
      closed = true
      if (timer !== null) scheduler.clearTimeout(timer)
      timer = null
    },
    poke: () => void pass(),
    async wakeNow(chatId) {
      state.nextTry.delete(chatId)
      await pass()
    },
    isWaking: (chatId) => state.waking.has(chatId),
  }
}

async function wake(deps: WakerDeps, state: WakeState, row: SnoozeRow): Promise<void> {
  const { store, picture, api, log } = deps
  const { chatId } = row
  state.waking.add(chatId)
  try {
    // Already unarchived in the picture (by the sync, a moment ago): nothing to send.
    if (picture.getConversation(chatId)?.archived !== false) await api.unarchive(chatId)
    if (state.stopped) return
    store.remove(chatId)
    state.nextTry.delete(chatId)
    picture.applyLocalChange({ id: chatId, archived: false })
    log.info(`${chatId} woken from its snooze${row.attempts > 0 ? ` after ${row.attempts} failed attempts` : ''}`)
  } catch (error) {
    if (!state.stopped) failed(deps, state, row, error)
  } finally {
    state.waking.delete(chatId)
    if (!state.stopped) deps.publish()
  }
}

function failed(deps: WakerDeps, state: WakeState, row: SnoozeRow, error: unknown): void {
  const { store, scheduler, log, options } = deps
  if (error instanceof ApiError && error.kind === 'not_found') {
    log.warn(`${row.chatId} is gone from the server: its snooze is dropped`)
    store.remove(row.chatId)
    return
  }
  store.noteFailure(row.chatId, JSON.stringify(toBridgeError(error)))
  const now = scheduler.now()
  const delay = backoffDelayMs(row.attempts + 1, error, options.backoff)
  state.nextTry.set(row.chatId, now + delay)
  if (retryAfterOf(error) !== null) state.holdUntil = Math.max(state.holdUntil, now + delay)
  log.warn(`waking ${row.chatId} failed (attempt ${row.attempts + 1}); trying again in ${delay} ms`, error)
}
