/**
 * Full-text search over stored message text and contacts, grouped by
 * conversation, with highlighted snippets (search-snippets.ts), filtered like
 * the current view.
 */
import type { Database } from 'better-sqlite3'
import type { Conversation } from '../../shared/api/schemas'
import { parseConversation } from './conversations'
import { toSearchTerms } from './fts-query'
import { HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN, toSegments, type SnippetSegment } from './search-snippets'
import { createStatementCache, type StatementCache } from './statement-cache'
import { viewKey, viewWhere, type ViewFilter, type ViewWhere } from './view-filter'

export type { SnippetSegment } from './search-snippets'

export interface MessageMatch {
  messageId: number
  /** ISO date of the message. */
  date: string
  snippet: SnippetSegment[]
}

export interface SearchGroup {
  conversation: Conversation
  /** The contact's name or number matched (these groups come first). */
  contactMatch: boolean
  /** Newest stored matches first, at most `messagesPerConversation`. */
  matches: MessageMatch[]
}

export interface SearchQuery extends ViewFilter {
  text: string
  /** At most this many conversations. Default 30. */
  limit?: number
  /** At most this many matching messages per conversation. Default 3. */
  messagesPerConversation?: number
}

export interface SearchResults {
  /** The words searched for (after removing FTS syntax). */
  words: string[]
  groups: SearchGroup[]
}

/** Message hits considered before grouping (bounds the work for frequent words:
 * older matches of a very common word are not shown; a longer query finds them). */
const MAX_MESSAGE_CANDIDATES = 200
const SNIPPET_TOKENS = 12

interface ContactHit {
  id: string
  data: string
}

interface MessageHit {
  seq: number
  chatId: string
  messageId: number
  dateMs: number
  snippet: string
}

export interface SearchQueries {
  search(query: SearchQuery): SearchResults
}

function findContacts(cached: StatementCache, where: ViewWhere, key: string, q: string, limit: number) {
  return cached(
    `contacts:${key}`,
    () => `SELECT c.id AS id, c.data AS data FROM contact_search
      JOIN conversations c ON c.seq = contact_search.rowid
      WHERE contact_search MATCH @q AND ${where.sql}
      ORDER BY contact_search.rowid DESC LIMIT @limit`,
  ).all({ ...where.params, q, limit }) as ContactHit[]
}

function findMessages(cached: StatementCache, where: ViewWhere, key: string, q: string) {
  return cached(
    `messages:${key}`,
    // The snippet is made here, from the match being streamed: asked for
    // later by rowid, FTS5 runs the whole (prefix) query again per row.
    () => `SELECT m.seq AS seq, m.chat_id AS chatId, m.id AS messageId, m.date_ms AS dateMs,
        snippet(message_search, 0, '${HIGHLIGHT_OPEN}', '${HIGHLIGHT_CLOSE}', '…', ${SNIPPET_TOKENS}) AS snippet
      FROM message_search
      JOIN messages m ON m.seq = message_search.rowid
      JOIN conversations c ON c.id = m.chat_id
      WHERE message_search MATCH @q AND ${where.sql}
      ORDER BY message_search.rowid DESC LIMIT @candidates`,
  ).all({ ...where.params, q, candidates: MAX_MESSAGE_CANDIDATES }) as MessageHit[]
}

/**
 * Contacts first (the agent typed a name), then conversations by their newest
 * stored match. Both are read newest-stored first (rowid order), which FTS5
 * streams and stops after the limit: ranking every match by bm25 costs time
 * proportional to how common the word is (each keystroke of "or…" over 500k
 * messages, or "555" over 100k numbers).
 */
function groupHits(contactHits: ContactHit[], messageHits: MessageHit[], limit: number, perConversation: number) {
  const order: string[] = []
  const data = new Map<string, string>()
  const contactMatched = new Set<string>()
  for (const hit of contactHits) {
    order.push(hit.id)
    data.set(hit.id, hit.data)
    contactMatched.add(hit.id)
  }
  const messagesOf = new Map<string, MessageHit[]>()
  for (const hit of messageHits) {
    let list = messagesOf.get(hit.chatId)
    if (!list) {
      if (!contactMatched.has(hit.chatId)) order.push(hit.chatId)
      list = []
      messagesOf.set(hit.chatId, list)
    }
    if (list.length < perConversation) list.push(hit)
  }
  return { chosen: order.slice(0, limit), data, contactMatched, messagesOf }
}

function toMatch(hit: MessageHit): MessageMatch {
  return { messageId: hit.messageId, date: new Date(hit.dateMs).toISOString(), snippet: toSegments(hit.snippet) }
}

export function createSearchQueries(db: Database): SearchQueries {
  const cached = createStatementCache(db)
  /** The stored data of conversations found only through their messages. */
  const loadMissing = (ids: string[], data: Map<string, string>): void => {
    const missing = ids.filter((id) => !data.has(id))
    if (missing.length === 0) return
    const rows = cached(
      'conversations-by-id',
      () => 'SELECT id, data FROM conversations WHERE id IN (SELECT value FROM json_each(@ids))',
    ).all({ ids: JSON.stringify(missing) }) as ContactHit[]
    for (const row of rows) data.set(row.id, row.data)
  }
  return {
    search(query) {
      const terms = toSearchTerms(query.text)
      const limit = Math.max(1, Math.min(200, query.limit ?? 30))
      const perConversation = Math.max(1, Math.min(20, query.messagesPerConversation ?? 3))
      if (!terms.messageQuery || !terms.contactQuery) return { words: terms.words, groups: [] }
      const where = viewWhere(query)
      const key = viewKey(query)
      const contactHits = findContacts(cached, where, key, terms.contactQuery, limit)
      const messageHits = findMessages(cached, where, key, terms.messageQuery)
      const { chosen, data, contactMatched, messagesOf } = groupHits(contactHits, messageHits, limit, perConversation)
      loadMissing(chosen, data)
      const groups = chosen.map((id) => ({
        conversation: parseConversation(data.get(id)!),
        contactMatch: contactMatched.has(id),
        matches: (messagesOf.get(id) ?? []).map(toMatch),
      }))
      return { words: terms.words, groups }
    },
  }
}
