/**
 * The sync engine: keeps main's picture of the inbox current by polling the
 * Inbox API cheaply (the API has no push channel a desktop can use), and
 * detects what deserves a notification. See ./README.md for the algorithm.
 *
 * Plain Node: the API, time, the persisted store and the outputs are
 * parameters, so tests run it against the real sandbox over HTTP.
 *
 * This file only puts the parts together; each keeps its own state:
 * poll-loop.ts (when), sync-pass.ts (one sync, in order), list-delta.ts (which
 * list, what in it is new), thread-cursors.ts + message-reader.ts (the
 * threads' new messages), conversation-cache.ts (the picture, local changes,
 * the badge), state-keeper.ts (what is persisted), notification-feed.ts (what
 * to announce).
 */
import type { Conversation } from '../../shared/api/schemas'
import type { SyncStatus } from '../../shared/ipc/contract'
import type { ApiError, InboxApi } from '../ports/inbox-api'
import type { KeyValueStore, ShellAdapters } from '../ports/shell-adapters'
import { silentLogger } from '../log'
import type { Logger } from '../ports/logger'
import { defaultBackoffPolicy, type BackoffPolicy } from '../ports/backoff'
import { systemScheduler, type Scheduler } from '../ports/scheduler'
import { ConversationCache, type ConversationPatch } from './conversation-cache'
import { defaultSyncIntervals, type SyncIntervals } from './intervals'
import { ListWatermark } from './list-delta'
import { NotificationFeed, type NotificationListeners } from './notification-feed'
import { PollLoop } from './poll-loop'
import type { SyncStateData } from './state'
import { SyncStateKeeper } from './state-keeper'
import { syncOnce, type SyncParts } from './sync-pass'
import { ThreadCursors } from './thread-cursors'
import { openMemoryAccountStore } from '../store'
import { readLastSyncedAt, readListCursor, type SyncLocalStore } from './local-copy'

export type OwnAction =
  | { type: 'assign'; chatId: string; userId: string }
  | { type: 'unassign'; chatId: string }
  /** A reply the outbox got accepted: its status is followed until final. */
  | { type: 'reply'; chatId: string; messageId: number }

export interface SyncEngineOptions extends NotificationListeners {
  api: InboxApi
  stateStore: KeyValueStore<SyncStateData>
  /** The account's database (src/main/store): the picture, written by each committed tick. Absent: a
   * database in memory for this engine (tests, and nothing else). */
  localStore?: SyncLocalStore
  /** Identifies the account the persisted state belongs to, e.g. the base URL
   * plus a hash of the key. Never the key itself. */
  accountKey: string
  emit: ShellAdapters['emit']
  getMeUserId(): string | null
  /** Called once when the key is refused; polling stays stopped until `start()`. */
  onAuthRequired?(error: ApiError): void
  /** The badge: called only when the unread total changes. */
  setUnreadTotal?(total: number): void
  scheduler?: Scheduler
  intervals?: Partial<SyncIntervals>
  backoff?: BackoffPolicy
  random?: () => number
  log?: Logger
}

export interface SyncEngine {
  /** Starts polling (again, after a 401 or `stop()`); resolves after the first sync attempt. */
  start(): Promise<void>
  stop(): void
  /** Runs a sync as soon as allowed (never before a Retry-After); resolves when it is done. */
  syncNow(): Promise<void>
  setFocused(focused: boolean): void
  setAwake(awake: boolean): void
  setOnline(online: boolean): void
  getConversations(): Conversation[]
  getConversation(chatId: string): Conversation | undefined
  getStatus(): SyncStatus
  /** Whether there is a picture to show: synced in this run, or stored by an earlier one. */
  hasPicture(): boolean
  getUnreadTotal(): number
  applyLocalChange(patch: ConversationPatch): void
  /** Many local changes told to the window in one event (a bulk action's, src/main/bulk). */
  applyLocalChanges(patches: readonly ConversationPatch[]): void
  /** Drops a local change whose API call failed, showing the server's version again. */
  revertLocalChange(chatId: string): void
  /** Tell the engine about what the agent did, BEFORE the API call, so that it never notifies. */
  noteOwnAction(action: OwnAction): void
}

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { api, emit } = options
  const scheduler = options.scheduler ?? systemScheduler
  const intervals = { ...defaultSyncIntervals, ...options.intervals }
  const log = options.log ?? silentLogger
  const localStore = options.localStore ?? openMemoryAccountStore()
  const parts: SyncParts = {
    api,
    emit,
    getMeUserId: () => options.getMeUserId(),
    scheduler,
    log,
    cache: new ConversationCache(localStore.conversations, options.setUnreadTotal ?? (() => undefined)),
    list: new ListWatermark(intervals),
    threads: new ThreadCursors(),
    state: new SyncStateKeeper(options.stateStore, options.accountKey, log),
    feed: new NotificationFeed(options, log),
    localStore,
  }
  const { cache, threads, state } = parts
  // A cold start paints what the last run stored, and the badge is right at once (one SQL sum); the first
  // sync asks only for what changed since the stored watermark (a full list when none is stored).
  if (cache.hasAny()) cache.publishUnreadTotal()
  const listCursor = readListCursor(localStore, log)
  if (listCursor) parts.list.seed(listCursor)
  const loop = new PollLoop({
    tick: (tick) => syncOnce(parts, tick),
    onRestart: () => {
      parts.list.restart()
      state.loadIfNone()
    },
    onAuthRequired: (error) => options.onAuthRequired?.(error),
    emit,
    scheduler,
    intervals,
    backoff: options.backoff ?? defaultBackoffPolicy,
    random: options.random ?? Math.random,
    log,
  })

  const lastSyncedAt = readLastSyncedAt(localStore, log)
  if (lastSyncedAt) loop.status.seedLastSyncedAt(lastSyncedAt)

  const engine: SyncEngine = {
    start: () => loop.start(),
    stop: () => loop.stop(),
    syncNow: () => loop.syncNow(),
    setFocused: (value) => loop.setFocused(value),
    setAwake: (value) => loop.setAwake(value),
    setOnline: (value) => loop.setOnline(value),
    getConversations: () => cache.all(),
    getConversation: (chatId) => cache.get(chatId),
    getStatus: () => loop.status.current,
    hasPicture: () => cache.hasAny() || loop.status.current.lastSyncedAt !== null,
    getUnreadTotal: () => cache.unreadTotal(),
    applyLocalChange: (patch) => engine.applyLocalChanges([patch]),
    applyLocalChanges(patches) {
      const upserted: Conversation[] = []
      for (const patch of patches) {
        const server = cache.serverVersion(patch.id)
        if (!server) {
          log.debug(`local change for unknown conversation ${patch.id} ignored; the next sync brings it`)
          continue
        }
        if (patch.assignee !== undefined) engine.noteOwnAction(ownActionOf(patch.id, patch.assignee))
        upserted.push(cache.applyLocal(server, patch, scheduler.now()))
      }
      if (upserted.length === 0) return
      emit('conversationsChanged', { upserted, full: false, unreadTotal: cache.publishUnreadTotal() })
    },
    revertLocalChange(chatId) {
      const server = cache.revertLocal(chatId)
      if (server)
        emit('conversationsChanged', { upserted: [server], full: false, unreadTotal: cache.publishUnreadTotal() })
    },
    noteOwnAction(action) {
      if (action.type === 'reply') threads.follow(action.chatId, action.messageId)
      else if (action.type === 'assign' && action.userId === options.getMeUserId())
        state.noteOwnAssignment(action.chatId, scheduler.now())
    },
  }
  return engine
}

function ownActionOf(chatId: string, assignee: Conversation['assignee']): OwnAction {
  return assignee === null ? { type: 'unassign', chatId } : { type: 'assign', chatId, userId: assignee.id }
}
