/**
 * Full-text search over stored message text and contacts, grouped by
 * conversation, with highlighted snippets, filtered like the current view.
 *
 * Snippets come back as segments (`{ text, highlight }`), never as markup, so
 * the renderer shows them without parsing HTML from message text.
 */
import type { Database } from 'better-sqlite3'
import type { Conversation } from '../../shared/api/schemas'
import { parseConversation } from './conversations'
import { toSearchTerms } from './fts-query'
import { createStatementCache } from './statement-cache'
import { viewKey, viewWhere, type ViewFilter } from './view-filter'

export interface SnippetSegment {
  text: string
  highlight: boolean
}

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

// Private-use characters as highlight markers: they cannot occur in a tokenised
// match, and are split out before anything leaves the store.
const OPEN = '\uE000'
const CLOSE = '\uE001'
/** Message hits considered before grouping (bounds the work for frequent words:
 * older matches of a very common word are not shown; a longer query finds them). */
const MAX_MESSAGE_CANDIDATES = 200
const SNIPPET_TOKENS = 12

export function toSegments(marked: string): SnippetSegment[] {
  const segments: SnippetSegment[] = []
  const pattern = new RegExp(`${OPEN}([^${CLOSE}]*)${CLOSE}`, 'g')
  let last = 0
  for (const match of marked.matchAll(pattern)) {
    if (match.index > last) segments.push({ text: marked.slice(last, match.index), highlight: false })
    if (match[1]) segments.push({ text: match[1], highlight: true })
    last = match.index + match[0].length
  }
  if (last < marked.length) segments.push({ text: marked.slice(last), highlight: false })
  return segments.map((s) => ({ ...s, text: s.text.replaceAll(OPEN, '').replaceAll(CLOSE, '') }))
}

export interface SearchQueries {
  search(query: SearchQuery): SearchResults
}

export function createSearchQueries(db: Database): SearchQueries {
  const cached = createStatementCache(db)
  return {
    search(query) {
      const terms = toSearchTerms(query.text)
      const limit = Math.max(1, Math.min(200, query.limit ?? 30))
      const perConversation = Math.max(1, Math.min(20, query.messagesPerConversation ?? 3))
      if (!terms.messageQuery || !terms.contactQuery) return { words: terms.words, groups: [] }
      const where = viewWhere(query)
      const key = viewKey(query)

      const contactHits = cached(
        `contacts:${key}`,
        () => `SELECT c.id AS id, c.data AS data FROM contact_search
          JOIN conversations c ON c.seq = contact_search.rowid
          WHERE contact_search MATCH @q AND ${where.sql}
          ORDER BY contact_search.rowid DESC LIMIT @limit`,
      ).all({ ...where.params, q: terms.contactQuery, limit }) as Array<{ id: string; data: string }>

      const messageHits = cached(
        `messages:${key}`,
        // The snippet is made here, from the match being streamed: asked for
        // later by rowid, FTS5 runs the whole (prefix) query again per row.
        () => `SELECT m.seq AS seq, m.chat_id AS chatId, m.id AS messageId, m.date_ms AS dateMs,
            snippet(message_search, 0, '${OPEN}', '${CLOSE}', '…', ${SNIPPET_TOKENS}) AS snippet
          FROM message_search
          JOIN messages m ON m.seq = message_search.rowid
          JOIN conversations c ON c.id = m.chat_id
          WHERE message_search MATCH @q AND ${where.sql}
          ORDER BY message_search.rowid DESC LIMIT @candidates`,
      ).all({ ...where.params, q: terms.messageQuery, candidates: MAX_MESSAGE_CANDIDATES }) as Array<{
        seq: number
        chatId: string
        messageId: number
        dateMs: number
        snippet: string
      }>

      // Contacts first (the agent typed a name), then conversations by their
      // newest stored match. Both are read newest-stored first (rowid order),
      // which FTS5 streams and stops after the limit: ranking every match by
      // bm25 costs time proportional to how common the word is (each keystroke
      // of "or…" over 500k messages, or "555" over 100k numbers).
      const order: string[] = []
      const data = new Map<string, string>()
      const contactMatched = new Set<string>()
      for (const hit of contactHits) {
        order.push(hit.id)
        data.set(hit.id, hit.data)
        contactMatched.add(hit.id)
      }
      const messagesOf = new Map<string, typeof messageHits>()
      for (const hit of messageHits) {
        let list = messagesOf.get(hit.chatId)
        if (!list) {
          if (!contactMatched.has(hit.chatId)) order.push(hit.chatId)
          list = []
          messagesOf.set(hit.chatId, list)
        }
        if (list.length < perConversation) list.push(hit)
      }
      const chosen = order.slice(0, limit)

      const missing = chosen.filter((id) => !data.has(id))
      if (missing.length > 0) {
        const rows = cached(
          'conversations-by-id',
          () => 'SELECT id, data FROM conversations WHERE id IN (SELECT value FROM json_each(@ids))',
        ).all({ ids: JSON.stringify(missing) }) as Array<{ id: string; data: string }>
        for (const row of rows) data.set(row.id, row.data)
      }

      const groups = chosen.map((id) => ({
        conversation: parseConversation(data.get(id)!),
        contactMatch: contactMatched.has(id),
        matches: (messagesOf.get(id) ?? []).map((hit) => ({
          messageId: hit.messageId,
          date: new Date(hit.dateMs).toISOString(),
          snippet: toSegments(hit.snippet),
        })),
      }))
      return { words: terms.words, groups }
    },
  }
}
