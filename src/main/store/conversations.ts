/**
 * Conversation queries: upsert a batch, read one, list a window of a view,
 * count every view, and the unread total, all in SQL (the renderer gets
 * windows and counts, never the whole inbox).
 */
import type { Database } from 'better-sqlite3'
import { conversationSchema, type Conversation, type OrderBy } from '../../shared/api/schemas'
import { inboxViews, parseOrderBy, type InboxView } from '../../shared/domain/views'
import { MIN_PHONE_DIGITS } from './fts-query'
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

export interface ConversationQueries {
  /** Inserts or updates every conversation in one transaction. Returns how
   * many rows actually changed (an identical conversation is not rewritten). */
  upsertMany(conversations: readonly Conversation[]): number
  get(id: string): Conversation | null
  /** Removes conversations and, through the foreign keys, their messages. */
  remove(ids: readonly string[]): void
  window(query: ConversationWindowQuery): ConversationWindow
  /** The 0-based position of a conversation in a view's order, or null when not in it. */
  positionOf(id: string, query: Omit<ConversationWindowQuery, 'offset' | 'limit'>): number | null
  countViews(filter: Omit<ViewFilter, 'view'>): Record<InboxView, number>
  /** Unread messages over active (not archived) conversations: the badge. */
  unreadTotal(): number
  countAll(): number
}

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

/**
 * What the search index holds of a phone number: every suffix of its digits
 * (at least MIN_PHONE_DIGITS long), so that a prefix query on them matches
 * any run of digits the agent types: "5550100" finds "+1 555-0100".
 */
export function phoneSearchDigits(phone: string | null | undefined): string | null {
  const digits = (phone ?? '').replace(/\D/g, '')
  if (digits.length === 0) return null
  const suffixes: string[] = []
  for (let start = 0; start <= digits.length - MIN_PHONE_DIGITS; start++) suffixes.push(digits.slice(start))
  return suffixes.length > 0 ? suffixes.join(' ') : digits
}

export function parseConversation(data: string): Conversation {
  return conversationSchema.parse(JSON.parse(data))
}

export function createConversationQueries(db: Database): ConversationQueries {
  const upsert = db.prepare(`
    INSERT INTO conversations (id, data, channel_id, channel_type, contact_name, contact_phone, contact_digits,
      assignee_id, archived, unread_count, last_message_ms, updated_ms, created_ms, last_message_id)
    VALUES (@id, @data, @channelId, @channelType, @contactName, @contactPhone, @contactDigits,
      @assigneeId, @archived, @unreadCount, @lastMessageMs, @updatedMs, @createdMs, @lastMessageId)
    ON CONFLICT (id) DO UPDATE SET
      data = excluded.data, channel_id = excluded.channel_id, channel_type = excluded.channel_type,
      contact_name = excluded.contact_name, contact_phone = excluded.contact_phone,
      contact_digits = excluded.contact_digits, assignee_id = excluded.assignee_id,
      archived = excluded.archived, unread_count = excluded.unread_count,
      last_message_ms = excluded.last_message_ms, updated_ms = excluded.updated_ms,
      created_ms = excluded.created_ms, last_message_id = excluded.last_message_id
    WHERE conversations.data IS NOT excluded.data`)
  const getOne = db.prepare<[string], { data: string }>('SELECT data FROM conversations WHERE id = ?')
  const removeOne = db.prepare<[string]>('DELETE FROM conversations WHERE id = ?')
  const unread = db.prepare<[], { total: number }>(
    'SELECT coalesce(sum(unread_count), 0) AS total FROM conversations WHERE archived = 0 AND unread_count > 0',
  )
  const all = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM conversations')

  const upsertBatch = db.transaction((batch: readonly Conversation[]) => {
    let changed = 0
    for (const conversation of batch) {
      changed += upsert.run({
        id: conversation.id,
        data: JSON.stringify(conversation),
        channelId: conversation.channel.id,
        channelType: conversation.channel.type,
        contactName: conversation.contact.name,
        contactPhone: conversation.contact.phoneNumber ?? null,
        contactDigits: phoneSearchDigits(conversation.contact.phoneNumber),
        assigneeId: conversation.assignee?.id ?? null,
        archived: conversation.archived ? 1 : 0,
        unreadCount: conversation.unreadCount,
        lastMessageMs: Date.parse(conversation.lastMessageDate),
        updatedMs: Date.parse(conversation.updatedDate),
        createdMs: Date.parse(conversation.createdDate),
        lastMessageId: conversation.lastMessage?.id ?? null,
      }).changes
    }
    return changed
  })
  const removeBatch = db.transaction((ids: readonly string[]) => {
    for (const id of ids) removeOne.run(id)
  })

  const cached = createStatementCache(db)

  return {
    upsertMany: (conversations) => upsertBatch(conversations),
    get(id) {
      const row = getOne.get(id)
      return row ? parseConversation(row.data) : null
    },
    remove: (ids) => removeBatch(ids),
    window(query) {
      const where = viewWhere(query)
      const order = orderSql(query.orderBy)
      const key = `${viewKey(query)}:${order}`
      const page = cached(
        `window:${key}`,
        () =>
          `SELECT c.data AS data FROM conversations c WHERE ${where.sql} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
      )
      const count = cached(
        `count:${viewKey(query)}`,
        () => `SELECT count(*) AS n FROM conversations c WHERE ${where.sql}`,
      )
      const offset = Math.max(0, Math.floor(query.offset))
      const limit = Math.max(0, Math.floor(query.limit))
      const rows = page.all({ ...where.params, offset, limit }) as Array<{ data: string }>
      const { n } = count.get(where.params) as { n: number }
      return { total: n, offset, conversations: rows.map((row) => parseConversation(row.data)) }
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
      for (const view of inboxViews) {
        const viewFilter = { ...filter, view }
        const where = viewWhere(viewFilter)
        const statement = cached(
          `count:${viewKey(viewFilter)}`,
          () => `SELECT count(*) AS n FROM conversations c WHERE ${where.sql}`,
        )
        counts[view] = (statement.get(where.params) as { n: number }).n
      }
      return counts
    },
    unreadTotal: () => unread.get()!.total,
    countAll: () => all.get()!.n,
  }
}
