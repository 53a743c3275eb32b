/**
 * Thread pages as the API pages them, over `messages` and `message_coverage`:
 * - `storeFetched` keeps a page the API returned and widens the thread's
 *   coverage by exactly what that request proves is complete (its bounds are
 *   inclusive, at most 100 per page, see docs/inbox-api.yaml getMessages);
 * - `readStored` answers a thread read from the store when the coverage says
 *   the stored messages are all there is in that range, else null (ask the API).
 * Coverage is one id range per thread, widened by `joinCoverage` (./messages.ts).
 * Every page the API answers is stored through here, by the thread reader
 * (app/stored-messages.ts) and the backfill alike, so there is one rule for
 * what a page proves.
 */
import type { Database } from 'better-sqlite3'
import { MESSAGES_PAGE_SIZE, type Message, type MessagesPage } from '../../shared/api/schemas'
import { joinCoverage, type MessageCoverage, type MessageQueries } from './messages'

/** How a page was asked for; `lastId`: the conversation's last message id when asked, if known. */
export interface PageRequest {
  idFrom?: number
  idTo?: number
  lastId?: number | null
}

export interface ThreadPageQueries {
  /** Stores the page and the coverage it proves, in one transaction; returns the thread's coverage after. */
  storeFetched(chatId: string, page: MessagesPage, asked: PageRequest): MessageCoverage | null
  /** The page the API would give for a read towards older messages (`idTo`, no `idFrom`), from the store;
   * null when the store cannot tell (nothing stored there, or a read of newer messages). */
  readStored(chatId: string, asked: PageRequest): MessagesPage | null
  /** The date (ms) of the oldest message the coverage starts at, if stored. */
  oldestCoveredMs(chatId: string): number | null
  /** The thread's first message when the store holds the thread's start (null: the thread has no messages);
   * undefined when the store cannot tell. */
  firstMessage(chatId: string): Message | null | undefined
}

/** What one answered request proves complete, or null when it proves nothing storable. */
export function coveredRange(page: MessagesPage, asked: PageRequest): MessageCoverage | null {
  const first = page.data[0]?.id
  const last = page.data.at(-1)?.id
  if (asked.idFrom !== undefined) {
    const reachedStart = asked.idFrom <= 1
    if (page.hasMore) return last === undefined ? null : { oldestId: asked.idFrom, newestId: last, reachedStart }
    // Nothing more in the paging direction: complete up to idTo, or up to what was the last message when asked.
    const top = Math.max(last ?? asked.idFrom - 1, asked.idTo ?? asked.lastId ?? 0)
    return top < asked.idFrom ? null : { oldestId: asked.idFrom, newestId: top, reachedStart }
  }
  if (asked.idTo !== undefined) {
    if (first === undefined) {
      return page.hasMore ? null : { oldestId: asked.idTo, newestId: asked.idTo, reachedStart: true }
    }
    return { oldestId: first, newestId: asked.idTo, reachedStart: !page.hasMore }
  }
  // Neither bound: the thread's oldest page.
  if (last === undefined) return null
  const newestId = page.hasMore ? last : Math.max(last, asked.lastId ?? 0)
  return { oldestId: first ?? last, newestId, reachedStart: true }
}

export function createThreadPageQueries(db: Database, messages: MessageQueries): ThreadPageQueries {
  const oldestDate = db.prepare<[string], { date_ms: number }>(`
    SELECT m.date_ms FROM message_coverage c JOIN messages m ON m.chat_id = c.chat_id AND m.id = c.oldest_id
    WHERE c.chat_id = ?`)
  const firstInRange = db.prepare<[string, number, number], { id: number | null }>(
    'SELECT min(id) AS id FROM messages WHERE chat_id = ? AND id BETWEEN ? AND ?',
  )
  const firstId = db.prepare<[string], { first_id: number | null }>(
    'SELECT first_id FROM message_coverage WHERE chat_id = ?',
  )
  const setFirstId = db.prepare<[number, string]>('UPDATE message_coverage SET first_id = ? WHERE chat_id = ?')
  /** The thread's first message id, when a range that reaches the start holds a message. */
  const startOf = (chatId: string, range: MessageCoverage | null) =>
    range?.reachedStart ? (firstInRange.get(chatId, range.oldestId, range.newestId)?.id ?? null) : null
  const store = db.transaction((chatId: string, page: MessagesPage, asked: PageRequest) => {
    const fetched = coveredRange(page, asked)
    const coverage = fetched ? joinCoverage(messages.coverage(chatId), fetched) : messages.coverage(chatId)
    messages.upsertPage(chatId, page.data, coverage ?? undefined)
    // The joined range, or this page's own when the join kept a newer range apart from it.
    const first = startOf(chatId, coverage) ?? startOf(chatId, fetched)
    if (first !== null && coverage) setFirstId.run(first, chatId)
    return coverage
  })
  return {
    storeFetched: (chatId, page, asked) => store(chatId, page, asked),
    readStored(chatId, asked) {
      if (asked.idFrom !== undefined || asked.idTo === undefined) return null
      const coverage = messages.coverage(chatId)
      if (!coverage) return null
      // Below a thread's start there is nothing; below a coverage that has not reached it, the store cannot tell.
      if (asked.idTo < coverage.oldestId) return coverage.reachedStart ? { data: [], hasMore: false } : null
      // Beyond the coverage's newest: the stored newest page; the reader then asks for what is newer (idFrom).
      const top = Math.min(asked.idTo, coverage.newestId)
      const data = messages.range(chatId, {
        beforeId: top + 1,
        afterId: coverage.oldestId - 1,
        limit: MESSAGES_PAGE_SIZE,
      })
      if (data.length === 0 && !coverage.reachedStart) return null
      const hasMore = data.length === MESSAGES_PAGE_SIZE || !coverage.reachedStart
      return { data, hasMore }
    },
    oldestCoveredMs: (chatId) => oldestDate.get(chatId)?.date_ms ?? null,
    firstMessage(chatId) {
      const known = firstId.get(chatId)?.first_id
      if (known !== null && known !== undefined) return messages.get(chatId, known) ?? undefined
      const coverage = messages.coverage(chatId)
      // A start reached with no message up to the range's newest: a thread with no messages so far.
      return coverage?.reachedStart && startOf(chatId, coverage) === null ? null : undefined
    },
  }
}
