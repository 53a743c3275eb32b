/**
 * Snooze (src/main/snooze) wired to a live account: its database's snoozes table, the sync engine's picture,
 * archive and unarchive as the window's own actions make them (./server-change.ts: refused offline, taken back
 * when the server is out of reach), the wake's unarchive on the account's client, and `snoozesChanged` to the
 * window. The sync's `conversationsChanged` is watched: someone else's message, reply or unarchive ends a snooze.
 */
import type { AccountSession } from '../ports/inbox-engine'
import type { Logger } from '../ports/logger'
import type { ShellAdapters } from '../ports/shell-adapters'
import { systemScheduler, type Scheduler } from '../ports/scheduler'
import { createSnoozeService, type SnoozeOptions, type SnoozeService } from '../snooze'
import type { AccountStore } from '../store'
import type { SyncEngine } from '../sync'
import { changeOnServer } from './server-change'

export interface SnoozeWiring {
  session: AccountSession
  sync: SyncEngine
  store: AccountStore
  emit: ShellAdapters['emit']
  isOnline(): boolean
  log: Logger
  options?: LiveSnoozeOptions
}

/** The tick and backoff, and (tests) a clock that can be moved: the wall clock a machine may have set. */
export type LiveSnoozeOptions = Partial<SnoozeOptions> & { scheduler?: Scheduler }

export function openSnoozes(wiring: SnoozeWiring): SnoozeService {
  const { session, sync, store, log } = wiring
  const api = session.client
  return createSnoozeService({
    store: store.snoozes,
    picture: sync,
    api,
    archive: (chatId) =>
      changeOnServer(
        { sync },
        { action: 'snooze', patch: { id: chatId, archived: true }, send: () => api.archive(chatId) },
        log,
      ),
    unarchive: (chatId) =>
      changeOnServer(
        { sync },
        { action: 'unarchive', patch: { id: chatId, archived: false }, send: () => api.unarchive(chatId) },
        log,
      ),
    isOnline: wiring.isOnline,
    emit: (list) => wiring.emit('snoozesChanged', list),
    scheduler: wiring.options?.scheduler ?? systemScheduler,
    log,
    options: wiring.options,
  })
}

/** The sync's events as they go to the window, with `conversationsChanged` also shown to the snoozes (late-bound:
 * the sync is built before them). A failure there is logged, never the sync's. */
export function emitWatchingSnoozes(emit: ShellAdapters['emit'], snoozes: () => SnoozeService | null, log: Logger) {
  const watching: ShellAdapters['emit'] = (event, payload) => {
    emit(event, payload)
    if (event !== 'conversationsChanged') return
    try {
      snoozes()?.seen((payload as { upserted: Parameters<SnoozeService['seen']>[0] }).upserted)
    } catch (error) {
      log.warn('Snoozes could not be checked against the changed conversations.', error)
    }
  }
  return watching
}
