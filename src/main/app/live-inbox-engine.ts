/**
 * The real `InboxEngine` (the seam in src/main/ports/inbox-engine.ts): the sync
 * engine, the outbox and the notifier, per connected account.
 *
 * - ./live-account.ts builds an account's sync engine and outbox, and stops them.
 * - ./live-inbox-actions.ts serves the reads, changes and replies on it.
 * - This file follows the account and the machine (focus, sleep, network), and
 *   sends new inbound messages and assignments to me through the notify policy
 *   to the shell's notifications; the unread total goes to the badge.
 */
import { coded } from '../../shared/i18n/error-texts'
import { BridgeFailure } from '../ports/errors'
import type { AccountSession, InboxEngine } from '../ports/inbox-engine'
import { createNotifier, type Notifier } from '../notify'
import type { InboxEngineDeps } from './inbox-engine-deps'
import {
  closeLiveAccount,
  openLiveAccount,
  type DeviceConditions,
  type LiveAccount,
  type LiveInboxEngineOptions,
} from './live-account'
import { liveInboxActions } from './live-inbox-actions'
import { clearAccountDatabase, noticeOf, releaseReplacedDatabase } from './account-database'
import { createLiveBulk } from './live-bulk'
import type { Logger } from '../ports/logger'

export function createLiveInboxEngine(deps: InboxEngineDeps, options: LiveInboxEngineOptions = {}): InboxEngine {
  const { adapters } = deps
  let live: LiveAccount | null = null
  const conditions: DeviceConditions = { windowFocused: deps.isWindowFocused(), awake: true, online: true }
  const notifier = createInboxNotifier(deps)
  const bulk = createLiveBulk(deps, () => current(), conditions, options)

  function current(): LiveAccount {
    if (live) return live
    deps.getClient() // throws the `no_account` failure the bridge shows
    // A client but no session yet: the account is still being opened.
    throw new BridgeFailure('no_account', coded('account.stillConnecting'))
  }

  async function stopLive(): Promise<LiveAccount | null> {
    const previous = live
    live = null
    // A batch acts on the account it started on: none goes on with another account's key.
    bulk.stopAll()
    if (previous) closeLiveAccount(previous)
    return previous
  }

  function openLive(session: AccountSession): void {
    live = openLiveAccount(deps, session, notifier, conditions, options)
    const notice = noticeOf(live.database)
    if (notice) deps.reportLocalData(notice)
    // Once the account is in place (not awaited either): what a previous run left on disk.
    void live.outbox.resume()
  }

  return {
    async accountChanged(session) {
      const previous = await stopLive()
      if (!session) {
        // The account was removed: its local copy goes with it.
        if (previous) removeAccountDatabase(deps, previous.session.accountId)
        adapters.setUnreadTotal(0)
        adapters.emit('conversationsChanged', { upserted: [], full: true, unreadTotal: 0 })
        return
      }
      if (previous && previous.session.accountId !== session.accountId) releaseReplaced(deps, previous.session)
      openLive(session)
    },
    async clearLocalData() {
      const { session } = current()
      await stopLive()
      try {
        // The demo's database is in memory: opening the account again starts it afresh.
        if (session.account.kind !== 'demo') clearAccountDatabase(deps.databases, session.accountId)
      } finally {
        // Whatever happened, the account runs again (on a fresh file, or on the old one it could not delete).
        adapters.emit('conversationsChanged', { upserted: [], full: true, unreadTotal: 0 })
        openLive(session)
      }
    },
    ...liveInboxActions(current, () => deps.getSettings().meUserId, deps.log.child('inbox')),
    bulk,
    snooze: (chatId, untilMs) => current().snoozes.snooze(chatId, untilMs),
    listSnoozes: async () => current().snoozes.list(),
    wakeSnoozed: (chatId) => current().snoozes.wakeNow(chatId),

    setWindowFocused(focused) {
      conditions.windowFocused = focused
      live?.sync.setFocused(focused)
    },
    setSystemAwake(value) {
      conditions.awake = value
      live?.sync.setAwake(value)
      live?.backfill.setAwake(value)
      // Back from sleep: a snooze that came due meanwhile wakes now, not at the next tick.
      if (value) live?.snoozes.check()
      if (value) live?.outbox.networkBack()
    },
    setOnline(value) {
      conditions.online = value
      live?.sync.setOnline(value)
      live?.backfill.setOnline(value)
      bulk.setOnline(value)
      if (value) live?.snoozes.check()
      if (value) live?.outbox.networkBack()
    },
    // The notifier asks deps.getFocusedConversation() at the moment it decides; a conversation opened is
    // remembered for the next start (a thread closed is not: the last one read opens again).
    setFocusedConversation(chatId) {
      if (chatId !== null && live) rememberOpen(live, chatId, deps.log)
    },
    lastOpenConversation: () => live?.lastOpen.chatId ?? null,
    // Settings are read when needed (meUserId at each sync, switches at each notification); the backfill's
    // window restarts its run when it changes.
    settingsChanged: (settings) => live?.backfill.setDays(settings.historyDays),
    backfillStatus: () => live?.backfill.status() ?? { state: 'idle', done: 0, total: 0, days: 0 },
    stop: async () => void (await stopLive()),
  }
}

function rememberOpen(live: LiveAccount, chatId: string, log: Logger): void {
  if (live.lastOpen.chatId === chatId) return
  live.lastOpen.chatId = chatId
  try {
    live.store.viewState.set('lastOpenConversation', chatId)
  } catch (error) {
    // The window still shows it; only the next start will not open it again.
    log.warn('The open conversation could not be remembered for the next start.', error)
  }
}

/** Another key replaced the account: its database goes unless it holds unsent work (./account-database.ts). */
function releaseReplaced(deps: InboxEngineDeps, previous: AccountSession): void {
  if (previous.account.kind === 'demo') return // in memory, gone with its session
  try {
    const outcome = releaseReplacedDatabase(deps.databases, previous.accountId)
    if (outcome === 'kept') {
      deps.log.info('The replaced account’s database is kept: it holds unsent replies or drafts of that key.')
    }
  } catch (error) {
    deps.log.error('The replaced account’s inbox database could not be checked or deleted.', error)
  }
}

function removeAccountDatabase(deps: InboxEngineDeps, accountId: string): void {
  try {
    deps.databases.remove(accountId)
  } catch (error) {
    deps.log.error('The removed account’s inbox database could not be deleted from this computer.', error)
  }
}

/** Reads the settings, the focus and the open conversation at the moment it decides. */
function createInboxNotifier(deps: InboxEngineDeps): Notifier {
  const { adapters, log } = deps
  return createNotifier({
    getSettings: () => deps.getSettings().notifications,
    getMeUserId: () => deps.getSettings().meUserId,
    isWindowFocused: () => deps.isWindowFocused(),
    getOpenChatId: () => deps.getFocusedConversation(),
    now: () => Date.now(),
    showNotification: (request) => adapters.showNotification(request),
    t: deps.t,
    log: log.child('notify'),
  })
}
