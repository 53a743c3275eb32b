/**
 * An `InboxEngine` with no polling and no outbox: inbox calls go straight to
 * the API client, reply calls answer "not available". The composition root's
 * unit tests (./main-core.test.ts) use it to test the bridge without a
 * polling loop; the app runs the live engine (./live-inbox-engine.ts).
 */
import { coded } from '../../shared/i18n/error-texts'
import type { OrderBy } from '../../shared/api/schemas'
import { BridgeFailure } from '../ports/errors'
import type { InboxEngine } from '../ports/inbox-engine'
import type { InboxEngineDeps } from './inbox-engine-deps'

const notWired = (what: string) =>
  new BridgeFailure('internal', coded('internal'), {
    detail: `internal: ${what} is not wired yet (src/main/app/pass-through-inbox-engine.ts)`,
  })

/** Inbox calls go straight to the API (the client retries what is safe to retry);
 * lifecycle calls do nothing; reply calls say they are not wired yet. */
export function createPassThroughInboxEngine(deps: Pick<InboxEngineDeps, 'getClient'>): InboxEngine {
  const api = () => deps.getClient()
  return {
    accountChanged: async () => undefined,
    // The contract schema already checked that orderBy names a known field.
    listConversations: (args) => api().listConversations({ ...args, orderBy: args.orderBy as OrderBy | undefined }),
    getMessages: ({ chatId, idFrom, idTo }) => api().getMessages(chatId, { idFrom, idTo }),
    getFirstMessageDate: async (chatId) => (await api().getMessages(chatId, { idFrom: 1 })).data[0]?.date ?? null,
    searchInbox: async () => {
      throw notWired('Search')
    },
    markRead: (chatId) => api().markRead(chatId),
    archive: (chatId) => api().archive(chatId),
    unarchive: (chatId) => api().unarchive(chatId),
    assign: (chatId, userId) => api().assign(chatId, userId),
    unassign: (chatId) => api().unassign(chatId),
    listUsers: () => api().listAssignableUsers(),
    bulk: {
      viewIds: async () => {
        throw notWired('Bulk actions')
      },
      start: async () => {
        throw notWired('Bulk actions')
      },
      cancel: () => {
        throw notWired('Bulk actions')
      },
      retry: () => {
        throw notWired('Bulk actions')
      },
      undo: () => {
        throw notWired('Bulk actions')
      },
      settled: async () => {
        throw notWired('Bulk actions')
      },
    },
    snooze: async () => {
      throw notWired('Snooze')
    },
    listSnoozes: async () => ({ snoozes: [] }),
    wakeSnoozed: async () => {
      throw notWired('Snooze')
    },
    sendReply: async () => {
      throw notWired('Sending replies')
    },
    listOutbox: async () => {
      throw notWired('The outbox')
    },
    retryOutboxEntry: async () => {
      throw notWired('Retrying a reply')
    },
    discardOutboxEntry: async () => {
      throw notWired('Discarding a reply')
    },
    getDrafts: async () => {
      throw notWired('Drafts')
    },
    setDraft: async () => {
      throw notWired('Drafts')
    },
    clearLocalData: async () => {
      throw notWired('Clearing local data')
    },
    backfillStatus: () => ({ state: 'off', done: 0, total: 0, days: 0 }),
    setWindowFocused: () => undefined,
    setSystemAwake: () => undefined,
    setOnline: () => undefined,
    setFocusedConversation: () => undefined,
    lastOpenConversation: () => null,
    settingsChanged: () => undefined,
    stop: async () => undefined,
  }
}
