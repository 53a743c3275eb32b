/**
 * Snooze (issue 13 §1) for one account. The Inbox API has archive and unarchive and no snooze, so a snooze is
 * an archive now plus a wake instant kept in the account's database (ms since the epoch: a clock or time-zone
 * change cannot move it), and an unarchive when it is due (./waker.ts). A snooze is recorded only once the
 * archive succeeded: an archive refused offline, or failed, leaves none.
 *
 * Someone else's change ends a snooze (./watch.ts): a new inbound message wakes it early (the sync notifies as
 * for any message), a teammate's reply or unarchive drops it.
 */
import type { Conversation } from '../../shared/api/schemas'
import { coded, type ErrorCode } from '../../shared/i18n/error-texts'
import type { SnoozeList } from '../../shared/ipc/contract'
import { SNOOZE_MAX_AHEAD_MS } from '../../shared/ipc/snooze'
import { BridgeFailure } from '../ports/errors'
import type { InboxApi } from '../ports/inbox-api'
import type { Logger } from '../ports/logger'
import type { Scheduler } from '../ports/scheduler'
import type { SnoozeQueries, SnoozeRow } from '../store'
import type { SyncEngine } from '../sync'
import { listOf } from './list'
import { defaultSnoozeOptions, type SnoozeOptions } from './options'
import { endedByActivity } from './watch'
import { createWaker, type Waker } from './waker'

export interface SnoozeDeps {
  store: SnoozeQueries
  /** Main's picture of the account's conversations (what is archived, the last message). */
  picture: Pick<SyncEngine, 'getConversation' | 'applyLocalChange'>
  /** The wake's own request. */
  api: Pick<InboxApi, 'unarchive'>
  /** Archive and unarchive as the window's actions make them (app/server-change.ts: refused offline with the
   * action's words, taken back when the server is out of reach). */
  archive(chatId: string): Promise<void>
  unarchive(chatId: string): Promise<void>
  isOnline(): boolean
  /** The list changed (`snoozesChanged`). */
  emit(list: SnoozeList): void
  scheduler: Scheduler
  log: Logger
  options?: Partial<SnoozeOptions>
}

export interface SnoozeService {
  snooze(chatId: string, untilMs: number): Promise<SnoozeList>
  /** Bulk Undo: the snooze dropped and the conversation unarchived (the snooze is kept if that fails). */
  unsnooze(chatId: string): Promise<void>
  /** The Snoozed view's "Wake now": due now; unarchived at once when the server answers, else retried. */
  wakeNow(chatId: string): Promise<SnoozeList>
  list(): SnoozeList
  /** Refuses a wake time that has passed (or is over a year ahead), as `snooze` would. */
  validate(untilMs: number): void
  /** Looks at once (resume from sleep, back online, the first sync done, the clock moved). */
  check(): void
  /** The picture changed (the sync's `conversationsChanged`): someone else's message, reply or unarchive. */
  seen(conversations: readonly Conversation[]): void
  /** Starts the tick (after the first sync attempt: a snooze due while the app was closed wakes then). */
  start(): void
  stop(): void
}

export function createSnoozeService(deps: SnoozeDeps): SnoozeService {
  const options = { ...defaultSnoozeOptions, ...deps.options }
  const { store, picture, scheduler, log } = deps
  const publish = () => deps.emit(service.list())
  const waker: Waker = createWaker({ ...deps, options, publish, reconcile: (rows) => reconcile(rows) })

  /** Ends the snoozes someone else's change ended; those still to wake are the waker's. */
  function reconcile(rows: readonly SnoozeRow[]): void {
    let changed = false
    for (const row of rows) {
      if (waker.isWaking(row.chatId)) continue
      const conversation = picture.getConversation(row.chatId)
      const ended = conversation ? endedByActivity(row, conversation) : null
      if (ended === 'inbound' && conversation?.archived) {
        // Still archived on the server: wake it now (the notification is the sync's, as for any message).
        log.info(`snooze of ${row.chatId} ended early by a new message`)
        store.put({ ...row, untilMs: scheduler.now() })
        waker.poke()
      } else if (ended) {
        log.info(`snooze of ${row.chatId} ended: ${END_WORDS[ended]}`)
        store.remove(row.chatId)
        changed = true
      }
    }
    if (changed) publish()
  }

  const service: SnoozeService = {
    async snooze(chatId, untilMs) {
      service.validate(untilMs)
      const conversation = picture.getConversation(chatId)
      if (!conversation) throw new BridgeFailure('not_found', coded('snooze.unknownConversation'))
      // Nothing is recorded unless the server archived it (offline: refused, nothing sent).
      if (!conversation.archived) await deps.archive(chatId)
      store.put({ chatId, untilMs, snoozedAtMs: scheduler.now(), lastMessageId: conversation.lastMessage?.id ?? null })
      log.info(`${chatId} snoozed until ${new Date(untilMs).toISOString()}`)
      publish()
      return service.list()
    },
    async unsnooze(chatId) {
      const row = store.get(chatId)
      store.remove(chatId)
      try {
        if (picture.getConversation(chatId)?.archived !== false) await deps.unarchive(chatId)
      } catch (error) {
        if (row) store.insertIfAbsent(row)
        throw error
      } finally {
        publish()
      }
    },
    async wakeNow(chatId) {
      const row = store.get(chatId)
      if (!row) throw invalid('snooze.notSnoozed')
      if (!deps.isOnline()) throw new BridgeFailure('network', coded('needsServer.wake'))
      if (row.untilMs > scheduler.now()) store.put({ ...row, untilMs: scheduler.now() })
      await waker.wakeNow(chatId)
      return service.list()
    },
    list: () => listOf(store.list(), picture, scheduler.now(), deps.isOnline()),
    validate(untilMs) {
      const now = scheduler.now()
      if (untilMs <= now) throw invalid('snooze.inPast')
      if (untilMs - now > SNOOZE_MAX_AHEAD_MS) throw invalid('snooze.tooFar')
    },
    check: () => waker.poke(),
    seen(conversations) {
      const rows = store.list()
      if (rows.length === 0) return
      const ids = new Set(conversations.map((c) => c.id))
      reconcile(rows.filter((row) => ids.has(row.chatId)))
    },
    start: () => waker.start(),
    stop: () => waker.stop(),
  }
  return service
}

const END_WORDS = {
  inbound: 'a new message, and the server has unarchived it',
  answered: 'answered elsewhere',
  unarchived: 'unarchived elsewhere',
} as const

const invalid = (code: ErrorCode) => new BridgeFailure('invalid_argument', coded(code))
