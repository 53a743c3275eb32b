/**
 * Thread pages: the messages already fetched, by id range, and which part of
 * each thread is stored (so that opening a stored thread needs no request).
 */
import type { Database } from 'better-sqlite3'
import { messageSchema, type Message } from '../../shared/api/schemas'

export interface MessageCoverage {
  /** Every message with an id in [oldestId, newestId] is stored. */
  oldestId: number
  newestId: number
  /** Nothing older than oldestId exists on the server. */
  reachedStart: boolean
}

/**
 * The stored range once `read` (a range just read completely) is stored too:
 * the two joined when they touch or overlap, else the newer one (a range
 * holds no gap, and the newest part of a thread is the one worth knowing complete).
 */
export function joinCoverage(existing: MessageCoverage | null, read: MessageCoverage): MessageCoverage {
  if (!existing || read.oldestId > existing.newestId + 1 || read.newestId < existing.oldestId - 1) {
    return !existing || read.newestId >= existing.newestId ? read : existing
  }
  const oldestId = Math.min(existing.oldestId, read.oldestId)
  return {
    oldestId,
    newestId: Math.max(existing.newestId, read.newestId),
    reachedStart:
      (read.reachedStart && read.oldestId === oldestId) || (existing.reachedStart && existing.oldestId === oldestId),
  }
}

export interface MessageRangeQuery {
  /** Only messages with an id strictly below this (older). */
  beforeId?: number
  /** Only messages with an id strictly above this (newer). */
  afterId?: number
  /** At most this many, the newest of the range first chosen; returned oldest first. */
  limit: number
}

export interface MessageQueries {
  /** Stores a page (any order) in one transaction; the conversation must be stored.
   * With `coverage`, also records which part of the thread is now complete. */
  upsertPage(chatId: string, messages: readonly Message[], coverage?: MessageCoverage): void
  /** Messages of one conversation, oldest first. */
  range(chatId: string, query: MessageRangeQuery): Message[]
  get(chatId: string, id: number): Message | null
  newestId(chatId: string): number | null
  coverage(chatId: string): MessageCoverage | null
}

export function createMessageQueries(db: Database): MessageQueries {
  const upsert = db.prepare(`
    INSERT INTO messages (chat_id, id, direction, date_ms, text, data)
    VALUES (@chatId, @id, @direction, @dateMs, @text, @data)
    ON CONFLICT (chat_id, id) DO UPDATE SET
      direction = excluded.direction, date_ms = excluded.date_ms, text = excluded.text, data = excluded.data
    WHERE messages.data IS NOT excluded.data`)
  const setCoverage = db.prepare(`
    INSERT INTO message_coverage (chat_id, oldest_id, newest_id, reached_start)
    VALUES (@chatId, @oldestId, @newestId, @reachedStart)
    ON CONFLICT (chat_id) DO UPDATE SET oldest_id = excluded.oldest_id, newest_id = excluded.newest_id,
      reached_start = excluded.reached_start`)
  const range = db.prepare<{ chatId: string; beforeId: number; afterId: number; limit: number }, { data: string }>(`
    SELECT data FROM (
      SELECT data, id FROM messages
      WHERE chat_id = @chatId AND id < @beforeId AND id > @afterId
      ORDER BY id DESC LIMIT @limit
    ) ORDER BY id ASC`)
  const getOne = db.prepare<[string, number], { data: string }>(
    'SELECT data FROM messages WHERE chat_id = ? AND id = ?',
  )
  const newest = db.prepare<[string], { id: number | null }>('SELECT max(id) AS id FROM messages WHERE chat_id = ?')
  const getCoverage = db.prepare<[string], { oldest_id: number; newest_id: number; reached_start: number }>(
    'SELECT oldest_id, newest_id, reached_start FROM message_coverage WHERE chat_id = ?',
  )

  const parse = (data: string): Message => messageSchema.parse(JSON.parse(data))

  const upsertPage = db.transaction((chatId: string, page: readonly Message[], coverage?: MessageCoverage) => {
    for (const message of page) {
      if (message.chatId !== chatId) {
        throw new Error(`message ${message.id} belongs to ${message.chatId}, not ${chatId}`)
      }
      upsert.run({
        chatId,
        id: message.id,
        direction: message.direction,
        dateMs: Date.parse(message.date),
        text: message.content.text,
        data: JSON.stringify(message),
      })
    }
    if (coverage) setCoverage.run({ chatId, ...coverage, reachedStart: coverage.reachedStart ? 1 : 0 })
  })

  return {
    upsertPage: (chatId, page, coverage) => upsertPage(chatId, page, coverage),
    range(chatId, query) {
      return range
        .all({
          chatId,
          beforeId: query.beforeId ?? Number.MAX_SAFE_INTEGER,
          afterId: query.afterId ?? -1,
          limit: Math.max(0, Math.floor(query.limit)),
        })
        .map((row) => parse(row.data))
    },
    get(chatId, id) {
      const row = getOne.get(chatId, id)
      return row ? parse(row.data) : null
    },
    newestId: (chatId) => newest.get(chatId)?.id ?? null,
    coverage(chatId) {
      const row = getCoverage.get(chatId)
      return row ? { oldestId: row.oldest_id, newestId: row.newest_id, reachedStart: row.reached_start === 1 } : null
    },
  }
}
