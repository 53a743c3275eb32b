/**
 * The write side of the conversations table: a batch upsert that skips
 * identical rows, and removal. Each conversation is stored whole (`data`, the
 * JSON the API gave) beside the columns the queries filter and sort on.
 */
import type { Database } from 'better-sqlite3'
import type { Conversation } from '../../shared/api/schemas'
import { MIN_PHONE_DIGITS } from './fts-query'

export interface ConversationWrites {
  /** Inserts or updates every conversation in one transaction. Returns how
   * many rows actually changed (an identical conversation is not rewritten). */
  upsertMany(conversations: readonly Conversation[]): number
  /** Removes conversations and, through the foreign keys, their messages. */
  remove(ids: readonly string[]): void
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

/** The named parameters of the upsert: the row's indexed columns. */
function toRow(conversation: Conversation) {
  return {
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
  }
}

export function createConversationWrites(db: Database): ConversationWrites {
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
  const removeOne = db.prepare<[string]>('DELETE FROM conversations WHERE id = ?')

  const upsertBatch = db.transaction((batch: readonly Conversation[]) => {
    let changed = 0
    for (const conversation of batch) changed += upsert.run(toRow(conversation)).changes
    return changed
  })
  const removeBatch = db.transaction((ids: readonly string[]) => {
    for (const id of ids) removeOne.run(id)
  })
  return {
    upsertMany: (conversations) => upsertBatch(conversations),
    remove: (ids) => removeBatch(ids),
  }
}
