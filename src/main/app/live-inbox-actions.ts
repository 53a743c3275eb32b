/**
 * What the live inbox engine does for the connected account:
 * - reads come from the sync engine's cache once it has synced (one picture
 *   for the list, the badge and the events); before that, from the API;
 *   a thread's pages from the store when it holds them (./thread-read.ts);
 * - changes (read, archive, assign) show at once through `applyLocalChange`,
 *   are sent to the API, and are reverted if the API refuses them; my own
 *   assignments are noted first, so they never notify;
 * - replies go through the outbox (on disk before sending, never twice);
 * - search is answered from the account's local database (./live-search.ts).
 */
import type { OrderBy, User } from '../../shared/api/schemas'
import { compareConversations, matchesListArgs } from '../../shared/domain/views'
import type { InboxEngine } from '../ports/inbox-engine'
import type { ConversationPatch } from '../sync'
import type { Logger } from '../ports/logger'
import type { LiveAccount } from './live-account'
import { searchStoredInbox } from './live-search'
import { changeOnServer, type ServerAction } from './server-change'
import { readFirstMessageDate, readThreadPage } from './thread-read'

export type LiveInboxActions = Pick<
  InboxEngine,
  | 'listConversations'
  | 'getMessages'
  | 'getFirstMessageDate'
  | 'searchInbox'
  | 'markRead'
  | 'archive'
  | 'unarchive'
  | 'assign'
  | 'unassign'
  | 'listUsers'
  | 'sendReply'
  | 'listOutbox'
  | 'retryOutboxEntry'
  | 'discardOutboxEntry'
  | 'getDrafts'
  | 'setDraft'
>

/** `current()` is the connected account, or throws the failure the bridge shows; `getMeUserId()` who "Mine" is. */
export function liveInboxActions(
  current: () => LiveAccount,
  getMeUserId: () => string | null,
  log: Logger,
): LiveInboxActions {
  /** The assignable users last listed: an assignment shows the assignee's name before the server confirms it. */
  let knownUsers = new Map<string, User>()

  /** Shows a change at once, sends it, and takes it back unless the server accepted it (./server-change.ts). */
  const change = (action: ServerAction, patch: ConversationPatch, send: () => Promise<void>, beforeSend?: () => void) =>
    changeOnServer(current(), { action, patch, send, beforeSend }, log)

  return {
    async listConversations(args) {
      const { sync, session, firstSync } = current()
      // A cold start answers from the stored picture at once (the first sync reconciles it in place).
      // Without one, the window's first list usually comes while the first sync is loading
      // the very same list: wait for it rather than ask for everything twice.
      if (!sync.hasPicture()) await firstSync
      if (sync.hasPicture()) {
        return sync
          .getConversations()
          .filter((c) => matchesListArgs(c, args))
          .sort(compareConversations(args.orderBy))
      }
      return session.client.listConversations({ ...args, orderBy: args.orderBy as OrderBy | undefined })
    },
    // A stored page is answered with no request (./thread-read.ts).
    getMessages: (request) => readThreadPage(current(), request, log),
    getFirstMessageDate: (chatId) => readFirstMessageDate(current(), chatId, log),
    // From the local database only: works offline, and never waits for the server.
    searchInbox: async (args) => searchStoredInbox(current().store, args, getMeUserId()),
    markRead: (chatId) =>
      change('markRead', { id: chatId, unreadCount: 0 }, () => current().session.client.markRead(chatId)),
    archive: (chatId) =>
      change('archive', { id: chatId, archived: true }, () => current().session.client.archive(chatId)),
    unarchive: (chatId) =>
      change('unarchive', { id: chatId, archived: false }, () => current().session.client.unarchive(chatId)),
    assign(chatId, userId) {
      const { sync, session } = current()
      const displayName = knownUsers.get(userId)?.displayName ?? sync.getConversation(chatId)?.assignee?.displayName
      return change(
        'assign',
        { id: chatId, assignee: { id: userId, displayName: displayName ?? userId } },
        () => session.client.assign(chatId, userId),
        // Noted before the call: the sync that sees it must know it was me.
        () => sync.noteOwnAction({ type: 'assign', chatId, userId }),
      )
    },
    unassign: (chatId) =>
      change('unassign', { id: chatId, assignee: null }, () => current().session.client.unassign(chatId)),
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
    getDrafts: async () => current().drafts.getAll(),
    setDraft: async (chatId, text) => current().drafts.set(chatId, text),
  }
}
