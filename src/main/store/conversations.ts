/**
 * Conversation queries: read one, list a window of a view, count every view,
 * and the unread total, all in SQL; the writes are in conversation-writes.ts (the renderer gets
 * windows and counts, never the whole inbox).
 */
import type { Database } from 'better-sqlite3'
import { conversationSchema, type Conversation, type OrderBy } from '../../shared/api/schemas'
import { inboxViews, parseOrderBy, type InboxView } from '../../shared/domain/views'
import { createConversationWrites, type ConversationWrites } from './conversation-writes'
import { createStatementCache } from './statement-cache'
import { viewKey, viewWhere, type ViewFilter } from './view-filter'

export interface ConversationWindowQuery extends ViewFilter {
  orderBy?: OrderBy | string
  offset: number
  limit: number
}

export interface ConversationWindow {
  /** How many conversations the view holds in all (for the scroll height). */
  total: number
  offset: number
  conversations: Conversation[]
}

/** What the sync engine needs to know of a stored conversation without reading it whole. */
export interface StoredVersion {
  id: string
  /** `updatedDate` in ms: a listed conversation with the same one is a duplicate. */
  updatedMs: number
  unreadCount: number
  archived: boolean
}

export interface ConversationQueries extends ConversationWrites {
  get(id: string): Conversation | null
  window(query: ConversationWindowQuery): ConversationWindow
  /** The 0-based position of a conversation in a view's order, or null when not in it. */
  positionOf(id: string, query: Omit<ConversationWindowQuery, 'offset' | 'limit'>): number | null
  countViews(filter: Omit<ViewFilter, 'view'>): Record<InboxView, number>
  /** Unread messages over active (not archived) conversations: the badge. */
  unreadTotal(): number
  countAll(): number
  /** Every stored conversation, archived included. Reads (and parses) the whole table: not for a poll tick. */
  all(): Conversation[]
  /** The stored versions of these ids (absent ones are left out); `'all'`: of every row (a full list's diff). */
  versions(ids: readonly string[] | 'all'): StoredVersion[]
  /** The ids assigned to `userId` (archived included): what is "mine" when the agent picks who they are. */
  idsAssignedTo(userId: string): string[]
}

interface VersionRow {
  id: string
  updated_ms: number
  unread_count: number
  archived: number
}

const toVersion = (row: VersionRow): StoredVersion => ({
  id: row.id,
  updatedMs: row.updated_ms,
  unreadCount: row.unread_count,
  archived: row.archived === 1,
})

const sortColumns = {
  lastMessageDate: 'c.last_message_ms',
  updatedDate: 'c.updated_ms',
  createdDate: 'c.created_ms',
  unreadCount: 'c.unread_count',
} as const

/** The same order as `compareConversations`: the field, then newest activity, then id. */
function orderSql(orderBy: string | undefined): string {
  const { field, descending } = parseOrderBy(orderBy)
  return `${sortColumns[field]} ${descending ? 'DESC' : 'ASC'}, c.last_message_ms DESC, c.id ASC`
}

export function parseConversation(data: string): Conversation {
  return conversationSchema.parse(JSON.parse(data))
}

export function createConversationQueries(db: Database): ConversationQueries {
  const getOne = db.prepare<[string], { data: string }>('SELECT data FROM conversations WHERE id = ?')
  const unread = db.prepare<[], { total: number }>(
    'SELECT coalesce(sum(unread_count), 0) AS total FROM conversations WHERE archived = 0 AND unread_count > 0',
  )
  const all = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM conversations')
  const every = db.prepare<[], { data: string }>('SELECT data FROM conversations')
  const versionColumns = 'id, updated_ms, unread_count, archived'
  const versionsOf = db.prepare<[string], VersionRow>(
    `SELECT ${versionColumns} FROM conversations WHERE id IN (SELECT value FROM json_each(?))`,
  )
  const everyVersion = db.prepare<[], VersionRow>(`SELECT ${versionColumns} FROM conversations`)
  const assignedTo = db.prepare<[string], { id: string }>('SELECT id FROM conversations WHERE assignee_id = ?')
  const cached = createStatementCache(db)
  // One statement per view filter, shared by window() and countViews().
  const countIn = (filter: ViewFilter): number => {
    const where = viewWhere(filter)
    const statement = cached(
      `count:${viewKey(filter)}`,
      () => `SELECT count(*) AS n FROM conversations c WHERE ${where.sql}`,
    )
    return (statement.get(where.params) as { n: number }).n
  }

  return {
    ...createConversationWrites(db),
    get(id) {
      const row = getOne.get(id)
      return row ? parseConversation(row.data) : null
    },
    window(query) {
      const where = viewWhere(query)
      const order = orderSql(query.orderBy)
      const key = `${viewKey(query)}:${order}`
      const page = cached(
        `window:${key}`,
        () =>
          `SELECT c.data AS data FROM conversations c WHERE ${where.sql} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
      )
      const offset = Math.max(0, Math.floor(query.offset))
      const limit = Math.max(0, Math.floor(query.limit))
      const rows = page.all({ ...where.params, offset, limit }) as Array<{ data: string }>
      return { total: countIn(query), offset, conversations: rows.map((row) => parseConversation(row.data)) }
    },
    positionOf(id, query) {
      const where = viewWhere(query)
      const order = orderSql(query.orderBy)
      const statement = cached(
        `position:${viewKey(query)}:${order}`,
        () => `SELECT position FROM (
            SELECT c.id AS id, row_number() OVER (ORDER BY ${order}) - 1 AS position
            FROM conversations c WHERE ${where.sql}
          ) WHERE id = @id`,
      )
      const row = statement.get({ ...where.params, id }) as { position: number } | undefined
      return row ? row.position : null
    },
    countViews(filter) {
      const counts = {} as Record<InboxView, number>
      for (const view of inboxViews) counts[view] = countIn({ ...filter, view })
      return counts
    },
    unreadTotal: () => unread.get()!.total,
    countAll: () => all.get()!.n,
    all: () => every.all().map((row) => parseConversation(row.data)),
    versions(ids) {
      if (ids === 'all') return everyVersion.all().map(toVersion)
      return ids.length === 0 ? [] : versionsOf.all(JSON.stringify(ids)).map(toVersion)
    },
    idsAssignedTo: (userId) => assignedTo.all(userId).map((row) => row.id),
  }
}
