/**
 * What the history backfill (src/main/backfill) asks of the store: which
 * conversations of a time window still lack stored pages, and how many are
 * complete. "Complete" is read from `message_coverage`, never kept apart: the
 * stored pages reach the conversation's last message and go back to the
 * window's edge (a message at or before it is stored) or to the thread's start.
 */
import type { Database } from 'better-sqlite3'

export interface BackfillCandidate {
  id: string
  lastMessageId: number
  lastMessageMs: number
}

export interface BackfillPendingQuery {
  /** The window's edge: conversations with a message since then, pages back to then. */
  cutoffMs: number
  /** Active conversations first (`false`), then archived ones (`true`). */
  archived: boolean
  /** Continue after this one (the last of the previous batch), in the same order. */
  after?: { lastMessageMs: number; id: string }
  limit: number
}

export interface BackfillQueries {
  /** Incomplete conversations of the window, the most recent message first. */
  pending(query: BackfillPendingQuery): BackfillCandidate[]
  /** Conversations with a message since the edge, and how many of them are complete. */
  counts(cutoffMs: number): { total: number; done: number }
}

const inWindow = 'c.last_message_ms >= @cutoffMs AND c.last_message_id IS NOT NULL'
const complete = `EXISTS (
  SELECT 1 FROM message_coverage mc
  WHERE mc.chat_id = c.id AND mc.newest_id >= c.last_message_id AND (mc.reached_start = 1
    OR (SELECT m.date_ms FROM messages m WHERE m.chat_id = mc.chat_id AND m.id = mc.oldest_id) <= @cutoffMs))`

/** Newest first along conversations_by_last_message (archived, last_message_ms, id), read backwards: a batch
 * deep into 100,000 conversations starts at its key instead of skipping rows (thread-pages.test.ts checks the plan). */
export const PENDING_SQL = `
  SELECT c.id, c.last_message_id, c.last_message_ms FROM conversations c
  WHERE c.archived = @archived AND ${inWindow} AND (c.last_message_ms, c.id) < (@afterMs, @afterId)
    AND NOT ${complete}
  ORDER BY c.last_message_ms DESC, c.id DESC LIMIT @limit`

export function createBackfillQueries(db: Database): BackfillQueries {
  const pending = db.prepare<
    { cutoffMs: number; archived: number; afterMs: number; afterId: string; limit: number },
    { id: string; last_message_id: number; last_message_ms: number }
  >(PENDING_SQL)
  const counts = db.prepare<{ cutoffMs: number }, { total: number; done: number | null }>(`
    SELECT count(*) AS total, sum(${complete}) AS done FROM conversations c WHERE ${inWindow}`)
  return {
    pending(query) {
      return pending
        .all({
          cutoffMs: query.cutoffMs,
          archived: query.archived ? 1 : 0,
          afterMs: query.after?.lastMessageMs ?? Number.MAX_SAFE_INTEGER,
          // Above every id at the same instant: '\uffff' sorts after any id the API gives.
          afterId: query.after?.id ?? '\uffff',
          limit: Math.max(0, Math.floor(query.limit)),
        })
        .map((row) => ({ id: row.id, lastMessageId: row.last_message_id, lastMessageMs: row.last_message_ms }))
    },
    counts(cutoffMs) {
      const row = counts.get({ cutoffMs })
      return { total: row?.total ?? 0, done: row?.done ?? 0 }
    },
  }
}
