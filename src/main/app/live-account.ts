/**
 * One connected account's live runtime: its sync engine and its outbox, built
 * together for a session and stopped together when the account changes. The
 * outbox tells the sync engine about accepted replies (their status is then
 * followed), and asks it for a thread's last message id.
 */
import { toBridgeError } from '../ports/errors'
import type { AccountSession } from '../ports/inbox-engine'
import { createBackfill, type Backfill, type BackfillOptions } from '../backfill'
import type { Notifier } from '../notify'
import { createDraftStore, type DraftStore } from '../drafts'
import { createOutbox, createSqliteOutboxStorage, type Outbox } from '../outbox'
import { createSyncEngine, type SyncEngine, type SyncEngineOptions, type SyncStateData } from '../sync'
import type { AccountStore } from '../store'
import type { RunnerOptions } from '../bulk'
import type { SnoozeService } from '../snooze'
import type { Logger } from '../ports/logger'
import type { InboxEngineDeps } from './inbox-engine-deps'
import { cursorKeyValueStore, openAccountDatabase, type OpenedAccountDatabase } from './account-database'
import { emitWatchingSnoozes, openSnoozes, type LiveSnoozeOptions } from './live-snooze'

export interface LiveInboxEngineOptions {
  /** Overrides of the engine's intervals and backoff (tests use short ones). */
  sync?: Pick<SyncEngineOptions, 'intervals' | 'backoff'>
  /** Overrides of the history backfill's pacing (tests and the benchmark). */
  backfill?: Pick<BackfillOptions, 'pauseMs' | 'concurrency' | 'backoff' | 'progressIntervalMs'>
  /** Overrides of the bulk actions' runner (tests: a fake clock, a smaller concurrency). */
  bulk?: Partial<RunnerOptions>
  /** Overrides of the snoozes' tick, backoff and clock (tests: a short tick, a clock that jumps). */
  snooze?: LiveSnoozeOptions
}

/** What the machine is doing, remembered so that the next account's sync starts in step with it. */
export interface DeviceConditions {
  windowFocused: boolean
  awake: boolean
  online: boolean
}

export interface LiveAccount {
  session: AccountSession
  sync: SyncEngine
  outbox: Outbox
  /** The conversation last opened on this account (read from its database at open; kept as it changes). */
  lastOpen: { chatId: string | null }
  /** The account's drafts, in its database. */
  drafts: DraftStore
  /** The account's local database (src/main/store): conversations, messages, sync cursors. Open while the
   * account is; closed by `closeLiveAccount`. */
  store: AccountStore
  /** How the database opened: `recovery` (a damaged file was rebuilt), `problem` (memory only this session). */
  database: Omit<OpenedAccountDatabase, 'store'>
  /** The history backfill into `store` (src/main/backfill); starts after the first sync attempt. */
  backfill: Backfill
  /** Snoozed conversations (src/main/snooze); their tick starts after the first sync attempt. */
  snoozes: SnoozeService
  /** Settles after the first sync attempt of this session. */
  firstSync: Promise<void>
}

/** Builds the account's sync engine and outbox, and starts the sync (not awaited: connecting must not hang on a
 * slow first sync). The caller resumes the outbox once the account is in place. */
export function openLiveAccount(
  deps: InboxEngineDeps,
  session: AccountSession,
  notifier: Notifier,
  conditions: DeviceConditions,
  options: LiveInboxEngineOptions,
): LiveAccount {
  const { adapters, log } = deps
  const api = session.client
  const { store, ...database } = openAccountDatabase(deps.databases, session.accountId, log.child('store'), {
    inMemory: session.account.kind === 'demo',
  })
  let snoozes: SnoozeService | null = null
  const sync = createSyncEngine({
    api,
    stateStore: cursorKeyValueStore<SyncStateData>(store),
    localStore: store,
    accountKey: session.accountId,
    emit: emitWatchingSnoozes(adapters.emit, () => snoozes, log.child('snooze')),
    getMeUserId: () => deps.getSettings().meUserId,
    onNewInbound: (event) => void notifier.notify({ kind: 'inbound', ...event }),
    onAssignedToMe: (event) => void notifier.notify({ kind: 'assigned', conversation: event.conversation }),
    onAuthRequired: (error) => deps.reportAccountProblem(toBridgeError(error)),
    setUnreadTotal: (total) => adapters.setUnreadTotal(total),
    log: log.child('sync'),
    ...options.sync,
  })
  const outbox = createOutbox({
    api,
    // In the account's database: a reply never goes out with another account's key.
    storage: createSqliteOutboxStorage(store.outbox, log.child('outbox')),
    emit: adapters.emit,
    onAccepted: ({ chatId, messageId }) => sync.noteOwnAction({ type: 'reply', chatId, messageId }),
    lastKnownMessageId: (chatId) => sync.getConversation(chatId)?.lastMessage?.id ?? null,
    log: log.child('outbox'),
  })
  sync.setFocused(conditions.windowFocused)
  sync.setAwake(conditions.awake)
  sync.setOnline(conditions.online)
  const firstSync = sync.start()
  const backfill = openBackfill(deps, session, store, conditions, options)
  snoozes = openSnoozes({
    session,
    sync,
    store,
    emit: adapters.emit,
    isOnline: () => conditions.online,
    log: log.child('snooze'),
    options: options.snooze,
  })
  const wake = snoozes
  // After the first sync attempt: its list is what the backfill plans from, and the first paint's requests go
  // first. A failed attempt (offline) still starts it over the conversations stored by an earlier run. The
  // snoozes then see the server's picture: one due while the app was closed wakes now.
  void firstSync.finally(() => {
    backfill.start()
    wake.start()
  })
  return {
    session,
    sync,
    outbox,
    drafts: createDraftStore(store.drafts),
    lastOpen: { chatId: readLastOpen(store, log) },
    store,
    database,
    backfill,
    snoozes: wake,
    firstSync,
  }
}

function openBackfill(
  deps: InboxEngineDeps,
  session: AccountSession,
  store: AccountStore,
  conditions: DeviceConditions,
  options: LiveInboxEngineOptions,
): Backfill {
  const backfill = createBackfill({
    api: session.client,
    store,
    days: deps.getSettings().historyDays,
    emit: (status) => deps.adapters.emit('backfillStatus', status),
    log: deps.log.child('backfill'),
    ...options.backfill,
  })
  backfill.setOnline(conditions.online)
  backfill.setAwake(conditions.awake)
  return backfill
}

export function closeLiveAccount(live: LiveAccount): void {
  live.sync.stop()
  // Before the store closes: no backfill request leaves after this, and a late answer is not written.
  live.backfill.stop()
  live.snoozes.stop()
  // Not waiting for a POST in flight: quitting must be quick, and a reply
  // left `sending` on disk is checked against the thread at the next start.
  live.outbox.stop()
  // No tick commits after stop() (a tick checks it is current after every await), so nothing writes after this.
  live.store.close()
}

/** The conversation open when this account last ran, if the database can say (else none: nothing to reopen). */
function readLastOpen(store: AccountStore, log: Logger): string | null {
  try {
    return store.viewState.get('lastOpenConversation')
  } catch (error) {
    log.warn('The last open conversation could not be read; the window starts with none open.', error)
    return null
  }
}
