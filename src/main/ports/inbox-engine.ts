/**
 * The seam for everything that keeps the inbox live, changes it, and sends
 * replies (sync engine + outbox + notifier). Every inbox handler of the
 * bridge (src/main/ipc/handlers.ts) calls this interface only, so the engine
 * behind it is chosen by the composition root (src/main/app), never by the
 * dispatcher or the handlers.
 */
import type { Conversation, MessagesPage, User } from '../../shared/api/schemas'
import type {
  AccountSummary,
  BackfillStatus,
  BulkStatus,
  InvokeParsedArgs,
  OutboxEntry,
  RendererSettings,
  SnoozeList,
} from '../../shared/ipc/contract'
import type { BulkViewIdsArgs } from '../../shared/ipc/bulk'
import type { SearchInboxResult } from '../../shared/ipc/search'
import type { InboxApi } from './inbox-api'

/** A connected account, as the inbox engine sees it. */
export interface AccountSession {
  account: AccountSummary
  client: InboxApi
  /** Names this account for persisted state (sync watermark, outbox): the base
   * URL plus a short hash of the key, so a new key or server starts afresh.
   * Not reversible to the key. */
  accountId: string
}
/** Bulk actions on the connected account (src/main/bulk): "select all in this view", batches and their Undo. */
export interface BulkActions {
  viewIds(args: BulkViewIdsArgs): Promise<{ chatIds: string[] }>
  start(args: InvokeParsedArgs<'startBulkAction'>): Promise<BulkStatus>
  cancel(batchId: string): BulkStatus
  retry(batchId: string): BulkStatus
  undo(batchId: string): BulkStatus
  /** Settles when the batch's current run has ended (tests and tools; the window follows `bulkStatus` events). */
  settled(batchId: string): Promise<BulkStatus>
}

export interface InboxEngine {
  /** An account connected, was restored, or changed (`null`: removed). Start or stop syncing.
   * `session.accountId` identifies the account for persisted state (never the key). */
  accountChanged(session: AccountSession | null): Promise<void>

  listConversations(args: InvokeParsedArgs<'listConversations'>): Promise<Conversation[]>
  getMessages(args: InvokeParsedArgs<'getMessages'>): Promise<MessagesPage>
  /** The date of the conversation's first message (null: it has none): from the store when it holds the
   * thread's start, else from the API (the page is stored on the way). */
  getFirstMessageDate(chatId: string): Promise<string | null>
  /** Full-text search over the account's stored history, within a view (answered locally, offline too). */
  searchInbox(args: InvokeParsedArgs<'searchInbox'>): Promise<SearchInboxResult>
  markRead(chatId: string): Promise<void>
  archive(chatId: string): Promise<void>
  unarchive(chatId: string): Promise<void>
  assign(chatId: string, userId: string): Promise<void>
  unassign(chatId: string): Promise<void>
  listUsers(): Promise<User[]>
  readonly bulk: BulkActions
  /** Snooze (src/main/snooze): archived now, unarchived when due; the list; one woken now. */
  snooze(chatId: string, untilMs: number): Promise<SnoozeList>
  listSnoozes(): Promise<SnoozeList>
  wakeSnoozed(chatId: string): Promise<SnoozeList>

  sendReply(args: InvokeParsedArgs<'sendReply'>): Promise<OutboxEntry>
  listOutbox(): Promise<OutboxEntry[]>
  retryOutboxEntry(clientId: string): Promise<OutboxEntry>
  discardOutboxEntry(clientId: string): Promise<void>
  /** The history backfill's progress (`idle` with no account). */
  backfillStatus(): BackfillStatus

  /** The account's unsent drafts by conversation (kept in its database). */
  getDrafts(): Promise<Record<string, string>>
  /** Saves (an empty text: deletes) a conversation's draft; throws when it cannot be kept (full, disk). */
  setDraft(chatId: string, text: string): Promise<void>

  /** Settings → "Clear local data": the account's database deleted and refilled from the server;
   * unsent replies and drafts are kept. */
  clearLocalData(): Promise<void>

  setWindowFocused(focused: boolean): void
  setSystemAwake(awake: boolean): void
  setOnline(online: boolean): void
  /** The conversation open in the window (null: none). A conversation opened is remembered for the account,
   * so that the next start opens it again (`lastOpenConversation`). */
  setFocusedConversation(chatId: string | null): void
  /** The conversation last opened on this account, in this run or an earlier one (AppState.lastOpenConversation). */
  lastOpenConversation(): string | null
  settingsChanged(settings: RendererSettings): void
  stop(): Promise<void>
}
