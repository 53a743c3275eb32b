/**
 * The real `InboxEngine` (the seam in src/main/ports/inbox-engine.ts): the sync
 * engine, the outbox and the notifier, per connected account.
 *
 * - Reads come from the sync engine's cache once it has synced (one picture
 *   for the list, the badge and the events); before that, from the API.
 * - Changes (read, archive, assign) show at once through `applyLocalChange`,
 *   are sent to the API, and are reverted if the API refuses them. My own
 *   assignments are noted first, so they never notify.
 * - Replies go through the outbox (on disk before sending, never twice).
 * - New inbound messages and assignments to me go through the notify policy
 *   to the shell's notifications; the unread total to the badge.
 */
import { createHash } from 'node:crypto'
import type { OrderBy, User } from '../../shared/api/schemas'
import { compareConversations, matchesListArgs } from '../../shared/domain/views'
import type { AccountSession, InboxEngine } from '../ports/inbox-engine'
import { toBridgeError, BridgeFailure } from '../ports/errors'
import type { InboxEngineDeps } from './inbox-engine-deps'
import { createNotifier } from '../notify'
import { createOutbox, type Outbox, type OutboxStoreData } from '../outbox'
import {
  createSyncEngine,
  type ConversationPatch,
  type SyncEngine,
  type SyncEngineOptions,
  type SyncStateData,
} from '../sync'

export interface LiveInboxEngineOptions {
  /** Overrides of the engine's intervals and backoff (tests use short ones). */
  sync?: Pick<SyncEngineOptions, 'intervals' | 'backoff'>
}

export const SYNC_STATE_STORE_NAME = 'sync-state'
/** One outbox file per account: a reply must never go out with another account's key. */
export const outboxStoreName = (accountId: string): string =>
  `outbox-${createHash('sha256').update(accountId).digest('hex').slice(0, 16)}`

interface Live {
  session: AccountSession
  sync: SyncEngine
  outbox: Outbox
  /** Settles after the first sync attempt of this session. */
  firstSync: Promise<void>
}

export function createLiveInboxEngine(deps: InboxEngineDeps, options: LiveInboxEngineOptions = {}): InboxEngine {
  const { adapters, log } = deps
  let live: Live | null = null
  let windowFocused = deps.isWindowFocused()
  let awake = true
  let online = true
  let knownUsers = new Map<string, User>()

  const notifier = createNotifier({
    getSettings: () => deps.getSettings().notifications,
    getMeUserId: () => deps.getSettings().meUserId,
    isWindowFocused: () => deps.isWindowFocused(),
    getOpenChatId: () => deps.getFocusedConversation(),
    now: () => Date.now(),
    showNotification: (request) => adapters.showNotification(request),
    log: log.child('notify'),
  })

  function current(): Live {
    if (live) return live
    deps.getClient() // throws the `no_account` failure the bridge shows
    // A client but no session yet: the account is still being opened.
    throw new BridgeFailure('no_account', 'The account is still connecting. Try again in a moment.')
  }

  async function stopLive(): Promise<void> {
    const previous = live
    live = null
    if (!previous) return
    previous.sync.stop()
    // Not waiting for a POST in flight: quitting must be quick, and a reply
    // left `sending` on disk is checked against the thread at the next start.
    previous.outbox.stop()
  }

  /** Shows a change at once, sends it, and takes it back if the API refuses. */
  async function change(patch: ConversationPatch, call: () => Promise<void>): Promise<void> {
    const { sync } = current()
    sync.applyLocalChange(patch)
    try {
      await call()
    } catch (error) {
      sync.revertLocalChange(patch.id)
      throw error
    }
  }

  return {
    async accountChanged(session) {
      await stopLive()
      if (!session) {
        adapters.setUnreadTotal(0)
        adapters.emit('conversationsChanged', { upserted: [], full: true, unreadTotal: 0 })
        return
      }
      const api = session.client
      const sync = createSyncEngine({
        api,
        stateStore: deps.openStore<SyncStateData>(SYNC_STATE_STORE_NAME, { syncState: null }),
        accountKey: session.accountId,
        emit: adapters.emit,
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
        store: deps.openStore<OutboxStoreData>(outboxStoreName(session.accountId), {
          outboxEntries: [],
          outboxUnreadableEntries: [],
        }),
        emit: adapters.emit,
        onAccepted: ({ chatId, messageId }) => sync.noteOwnAction({ type: 'reply', chatId, messageId }),
        lastKnownMessageId: (chatId) => sync.getConversation(chatId)?.lastMessage?.id ?? null,
        log: log.child('outbox'),
      })
      sync.setFocused(windowFocused)
      sync.setAwake(awake)
      sync.setOnline(online)
      // Neither is awaited: connecting must not hang on a slow first sync.
      const firstSync = sync.start()
      live = { session, sync, outbox, firstSync }
      void outbox.resume()
    },

    async listConversations(args) {
      const { sync, session, firstSync } = current()
      // The window's first list usually comes while the first sync is loading
      // the very same list: wait for it rather than ask for everything twice.
      await firstSync
      if (sync.getStatus().lastSyncedAt !== null) {
        return sync
          .getConversations()
          .filter((c) => matchesListArgs(c, args))
          .sort(compareConversations(args.orderBy))
      }
      return session.client.listConversations({ ...args, orderBy: args.orderBy as OrderBy | undefined })
    },
    getMessages: ({ chatId, idFrom, idTo }) => current().session.client.getMessages(chatId, { idFrom, idTo }),
    markRead: (chatId) => change({ id: chatId, unreadCount: 0 }, () => current().session.client.markRead(chatId)),
    archive: (chatId) => change({ id: chatId, archived: true }, () => current().session.client.archive(chatId)),
    unarchive: (chatId) => change({ id: chatId, archived: false }, () => current().session.client.unarchive(chatId)),
    assign(chatId, userId) {
      const { sync, session } = current()
      // Noted before the call: the sync that sees it must know it was me.
      sync.noteOwnAction({ type: 'assign', chatId, userId })
      const displayName = knownUsers.get(userId)?.displayName ?? sync.getConversation(chatId)?.assignee?.displayName
      return change({ id: chatId, assignee: { id: userId, displayName: displayName ?? userId } }, () =>
        session.client.assign(chatId, userId),
      )
    },
    unassign: (chatId) => change({ id: chatId, assignee: null }, () => current().session.client.unassign(chatId)),
    async listUsers() {
      const users = await current().session.client.listAssignableUsers()
      knownUsers = new Map(users.map((user) => [user.id, user]))
      return users
    },

    async sendReply({ clientId, chatId, text }) {
      return current().outbox.enqueue({ clientId, chatId, text })
    },
    async listOutbox() {
      return current().outbox.list()
    },
    async retryOutboxEntry(clientId) {
      return current().outbox.retry(clientId)
    },
    async discardOutboxEntry(clientId) {
      current().outbox.discard(clientId)
    },

    setWindowFocused(focused) {
      windowFocused = focused
      live?.sync.setFocused(focused)
    },
    setSystemAwake(value) {
      awake = value
      live?.sync.setAwake(value)
      if (value) live?.outbox.networkBack()
    },
    setOnline(value) {
      online = value
      live?.sync.setOnline(value)
      if (value) live?.outbox.networkBack()
    },
    // The notifier asks deps.getFocusedConversation() at the moment it decides.
    setFocusedConversation: () => undefined,
    // Settings are read when needed (meUserId at each sync, switches at each notification).
    settingsChanged: () => undefined,
    stop: stopLive,
  }
}
