/**
 * The local database of an account (issue 11): the only module that imports
 * better-sqlite3. Other services use what this file exports. See README.md.
 */
export type { AccountStore } from './account-store'
export {
  openAccountStore,
  openMemoryAccountStore,
  rebuildDamagedStore,
  deleteAccountDatabase,
  databaseFileName,
  databasePath,
  type OpenStoreOptions,
  type OpenedStore,
  type RecoveryReport,
} from './open-store'
export { StoreError, type StoreErrorKind } from './errors'
export type { ConversationQueries, ConversationWindow, ConversationWindowQuery, StoredVersion } from './conversations'
export { joinCoverage, type MessageQueries, type MessageCoverage, type MessageRangeQuery } from './messages'
export { coveredRange, type PageRequest, type ThreadPageQueries } from './thread-pages'
export type { BackfillQueries, BackfillCandidate, BackfillPendingQuery } from './backfill-queries'
export { isOutboxDocument, type OutboxDocument, type OutboxQueries, type UnreadableOutboxItem } from './outbox-entries'
export type { DraftQueries } from './drafts'
export type { CursorQueries } from './sync-cursors'
export type { ViewStateQueries, ViewStateName } from './view-state'
export type { SnoozeQueries, SnoozeRow } from './snoozes'
export type { SearchQuery, SearchResults, SearchGroup, MessageMatch, SnippetSegment } from './search'
export type { ViewFilter } from './view-filter'
export {
  importDraftsJson,
  importOutboxJson,
  importSyncStateJson,
  SYNC_STATE_CURSOR,
  type ImportResult,
} from './json-import'
