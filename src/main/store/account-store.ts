/** One account's database, as typed queries. Every method throws StoreError only. */
import type { Database } from 'better-sqlite3'
import { createBackfillQueries, type BackfillQueries } from './backfill-queries'
import { createConversationQueries, type ConversationQueries } from './conversations'
import { createCursorQueries, type CursorQueries } from './sync-cursors'
import { createDraftQueries, type DraftQueries } from './drafts'
import { toStoreError, withStoreErrors } from './errors'
import { createMessageQueries, type MessageQueries } from './messages'
import { createOutboxQueries, type OutboxQueries } from './outbox-entries'
import { createViewStateQueries, type ViewStateQueries } from './view-state'
import { createSnoozeQueries, type SnoozeQueries } from './snoozes'
import { createSearchQueries, type SearchQuery, type SearchResults } from './search'
import { createThreadPageQueries, type ThreadPageQueries } from './thread-pages'

export interface AccountStore {
  readonly file: string
  readonly conversations: ConversationQueries
  readonly messages: MessageQueries
  /** Pages as the API pages them: store a fetched one with its coverage, answer a read from the store. */
  readonly threadPages: ThreadPageQueries
  /** The history backfill's queries: the window's incomplete conversations, counts. */
  readonly backfill: BackfillQueries
  readonly outbox: OutboxQueries
  readonly drafts: DraftQueries
  readonly cursors: CursorQueries
  readonly viewState: ViewStateQueries
  /** Snoozed conversations and when each wakes (src/main/snooze). */
  readonly snoozes: SnoozeQueries
  search(query: SearchQuery): SearchResults
  /** Runs `fn` in one transaction (all or nothing), e.g. a sync batch of
   * conversations and messages. Nested query batches join it. */
  transaction<T>(fn: () => T): T
  /** `PRAGMA quick_check`: [] when the file is sound, else SQLite's findings.
   * Reads the whole file: run it when idle, not before the first paint. */
  checkIntegrity(): string[]
  close(): void
}

export function createAccountStore(db: Database, file: string): AccountStore {
  const search = withStoreErrors(createSearchQueries(db), file)
  const messages = createMessageQueries(db)
  return {
    file,
    conversations: withStoreErrors(createConversationQueries(db), file),
    messages: withStoreErrors(messages, file),
    threadPages: withStoreErrors(createThreadPageQueries(db, messages), file),
    backfill: withStoreErrors(createBackfillQueries(db), file),
    outbox: withStoreErrors(createOutboxQueries(db), file),
    drafts: withStoreErrors(createDraftQueries(db), file),
    cursors: withStoreErrors(createCursorQueries(db), file),
    viewState: withStoreErrors(createViewStateQueries(db), file),
    snoozes: withStoreErrors(createSnoozeQueries(db), file),
    search: (query) => search.search(query),
    transaction(fn) {
      try {
        return db.transaction(fn)()
      } catch (error) {
        throw toStoreError(error, file)
      }
    },
    checkIntegrity() {
      try {
        const rows = db.pragma('quick_check') as Array<{ quick_check: string }>
        return rows.map((row) => row.quick_check).filter((line) => line !== 'ok')
      } catch (error) {
        // A page too damaged to check at all is a finding too.
        return [toStoreError(error, file).detail]
      }
    },
    close: () => db.close(),
  }
}
