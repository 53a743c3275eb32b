/**
 * The seam for the sync engine and the outbox (src/main/sync, src/main/outbox,
 * src/main/notify): everything that keeps the inbox live, changes it, and
 * sends replies. Every inbox handler of the bridge calls this interface, so
 * wiring the real engine is a change to `createInboxEngine` below (or
 * `CoreOptions.createInboxEngine`), never to the dispatcher or the handlers.
 *
 * The app runs `createLiveInboxEngine` (src/main/sync/live-inbox-engine.ts).
 * `createPassThroughInboxEngine` sends inbox calls straight to the API client
 * and answers reply calls with "not available": core's unit tests use it to
 * test the bridge without a polling loop.
 */
import type { Conversation, MessagesPage, OrderBy, User } from '../../shared/api/schemas'
import type { BridgeError, InvokeParsedArgs, OutboxEntry, RendererSettings } from '../../shared/ipc/contract'
import type { AccountSession } from '../account/account-service'
import type { InboxApi } from '../api/inbox-api'
import type { Logger } from '../log'
import type { KeyValueStore, ShellAdapters } from './adapters'
import { createLiveInboxEngine } from '../sync/live-inbox-engine'
import { BridgeFailure } from './errors'

export interface InboxEngineDeps {
  adapters: ShellAdapters
  log: Logger
  /** `adapters.createStore`, plus core's handling of a corrupt file (moved aside, logged,
   * defaults used). Use this for the engine's own stores (sync state, outbox). */
  openStore<T extends Record<string, unknown>>(name: string, defaults: T): KeyValueStore<T>
  /** The connected account's client; throws a `no_account` BridgeFailure when there is none. */
  getClient(): InboxApi
  /** The renderer settings of the moment (notification switches, meUserId). */
  getSettings(): RendererSettings
  /** The conversation the agent is looking at, if any. */
  getFocusedConversation(): string | null
  isWindowFocused(): boolean
  /** The key was refused while syncing: the account needs a new key. Shown in
   * AppState.accountProblem (and an appStateChanged event) until the account changes. */
  reportAccountProblem(problem: BridgeError): void
}

export interface InboxEngine {
  /** An account connected, was restored, or changed (`null`: removed). Start or stop syncing.
   * `session.accountId` identifies the account for persisted state (never the key). */
  accountChanged(session: AccountSession | null): Promise<void>

  listConversations(args: InvokeParsedArgs<'listConversations'>): Promise<Conversation[]>
  getMessages(args: InvokeParsedArgs<'getMessages'>): Promise<MessagesPage>
  markRead(chatId: string): Promise<void>
  archive(chatId: string): Promise<void>
  unarchive(chatId: string): Promise<void>
  assign(chatId: string, userId: string): Promise<void>
  unassign(chatId: string): Promise<void>
  listUsers(): Promise<User[]>

  sendReply(args: InvokeParsedArgs<'sendReply'>): Promise<OutboxEntry>
  listOutbox(): Promise<OutboxEntry[]>
  retryOutboxEntry(clientId: string): Promise<OutboxEntry>
  discardOutboxEntry(clientId: string): Promise<void>

  setWindowFocused(focused: boolean): void
  setSystemAwake(awake: boolean): void
  setOnline(online: boolean): void
  setFocusedConversation(chatId: string | null): void
  settingsChanged(settings: RendererSettings): void
  stop(): Promise<void>
}

const notWired = (what: string) =>
  new BridgeFailure('internal', `${what} is not available yet in this build of Inbox Desk.`, {
    detail: 'internal: not wired yet (src/main/core/inbox-engine.ts)',
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
    markRead: (chatId) => api().markRead(chatId),
    archive: (chatId) => api().archive(chatId),
    unarchive: (chatId) => api().unarchive(chatId),
    assign: (chatId, userId) => api().assign(chatId, userId),
    unassign: (chatId) => api().unassign(chatId),
    listUsers: () => api().listAssignableUsers(),
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
    setWindowFocused: () => undefined,
    setSystemAwake: () => undefined,
    setOnline: () => undefined,
    setFocusedConversation: () => undefined,
    settingsChanged: () => undefined,
    stop: async () => undefined,
  }
}

/** The engine core uses unless `CoreOptions.createInboxEngine` says otherwise:
 * the live one (sync engine + outbox + notifier, src/main/sync). */
export function createInboxEngine(deps: InboxEngineDeps): InboxEngine {
  return createLiveInboxEngine(deps)
}
