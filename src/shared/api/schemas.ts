/**
 * The Inbox API's data shapes, as zod schemas.
 *
 * These mirror `docs/inbox-api.yaml` (the contract both the client and the
 * sandbox follow). `tests/contract/schemas-match-contract.test.ts` checks them
 * against that file, so the two cannot drift apart silently. The client
 * validates every response with them; the sandbox validates every request.
 *
 * Every string and array a server sends is bounded (`API_LIMITS`, the same
 * numbers as the yaml's maxLength/maxItems), so that a broken or hostile
 * server cannot make main hold, or the renderer draw, a 20 MB contact name.
 * Enumerations a server may grow (message status and direction, channel type,
 * content type) are tolerated item by item: an unknown message status or
 * direction reads as `unknown`, an unknown channel or content type is kept
 * as sent, and each is reported once through ./unknown-values.ts.
 *
 * Pure: no electron, no DOM, no node:* imports.
 */
import { z } from 'zod'
import { isReplyTooLong, REPLY_MAX_CHARACTERS } from '../domain/reply-length'
import { DATE_TIME_PATTERN, isContractDateTime, toCanonicalDateTime } from './date-time'
import { openValue, tolerantEnum } from './unknown-values'

/** The bounds of docs/inbox-api.yaml (maxLength, maxItems, maximum), in one place. */
export const API_LIMITS = {
  /** Ids of conversations, channels, contacts, users. */
  idLength: 200,
  /** Contact, channel and user names. */
  nameLength: 1000,
  phoneNumberLength: 64,
  /** `lastMessage.preview` (the server sends 140; a little slack). */
  previewLength: 1000,
  /** A message's text (inbound ones are not bound by the reply limit). */
  messageTextLength: 65_536,
  /** status, direction, channel type, content type. */
  enumLength: 64,
  errorCodeLength: 200,
  errorMessageLength: 2000,
  /** Avatar URLs may be data: URLs. */
  avatarUrlLength: 65_536,
  conversations: 50_000,
  users: 10_000,
  /** The largest message id: JavaScript's Number.MAX_SAFE_INTEGER (2^53 − 1). */
  messageId: Number.MAX_SAFE_INTEGER,
} as const

const idString = z.string().min(1).max(API_LIMITS.idLength)
const nameString = z.string().max(API_LIMITS.nameLength)

/**
 * An RFC 3339 date-time (./date-time.ts): a lowercase `t`/`z` and a leap
 * second are accepted, and every accepted value comes out canonical
 * (`2026-11-24T09:15:02.123Z`), so one odd but valid date never fails a list.
 */
export const isoDateTime = z
  .string()
  .max(64)
  .regex(new RegExp(DATE_TIME_PATTERN), 'must be an RFC 3339 date-time such as 2026-11-24T09:15:02.123Z')
  .refine(isContractDateTime, 'must be an RFC 3339 date-time such as 2026-11-24T09:15:02.123Z')
  .overwrite(toCanonicalDateTime)

/** Message ids: positive integers up to 2^53 − 1, the contract's documented bound (JSON numbers past it lose digits). */
export const messageIdSchema = z.number().int().min(1).max(API_LIMITS.messageId)

/** Known channel types. Unknown future types must not break a client, so the
 * schema keeps any string (reported once); UI code falls back to a generic icon. */
export const knownChannelTypes = ['whatsapp', 'rcs', 'sms', 'messenger', 'instagram', 'telegram'] as const
export type KnownChannelType = (typeof knownChannelTypes)[number]

export const channelSchema = z.object({
  id: idString,
  type: openValue('channel.type', knownChannelTypes, API_LIMITS.enumLength),
  name: nameString,
})
export type Channel = z.infer<typeof channelSchema>

export const contactSchema = z.object({
  id: idString,
  name: nameString,
  phoneNumber: z.string().max(API_LIMITS.phoneNumberLength).nullable().optional(),
})
export type Contact = z.infer<typeof contactSchema>

export const assigneeSchema = z
  .object({
    id: idString,
    displayName: nameString,
  })
  .nullable()
export type Assignee = z.infer<typeof assigneeSchema>

export const messageDirections = ['inbound', 'outbound'] as const
/** A direction the contract knows. */
export type MessageDirection = (typeof messageDirections)[number]
/** What a message or preview says: a direction the contract knows, or `unknown` for one it does not. */
export const messageDirectionSchema = tolerantEnum('message.direction', messageDirections, API_LIMITS.enumLength)
export type SeenMessageDirection = z.infer<typeof messageDirectionSchema>

export const lastMessageSchema = z
  .object({
    id: messageIdSchema,
    direction: messageDirectionSchema,
    preview: z.string().max(API_LIMITS.previewLength),
    date: isoDateTime,
  })
  .nullable()
export type LastMessage = z.infer<typeof lastMessageSchema>

export const conversationSchema = z.object({
  id: idString,
  channel: channelSchema,
  contact: contactSchema,
  unreadCount: z.number().int().min(0),
  archived: z.boolean(),
  assignee: assigneeSchema,
  createdDate: isoDateTime,
  updatedDate: isoDateTime,
  lastMessageDate: isoDateTime,
  lastInboundDate: isoDateTime.nullable(),
  lastMessage: lastMessageSchema,
})
export type Conversation = z.infer<typeof conversationSchema>

export const messageStatuses = ['received', 'queued', 'sent', 'delivered', 'read', 'failed'] as const
/** A status the contract knows (the sandbox only ever has these). */
export type MessageStatus = (typeof messageStatuses)[number]
/** What a message says: a status the contract knows, or `unknown` for one it does not (shown neutrally). */
export const messageStatusSchema = tolerantEnum('message.status', messageStatuses, API_LIMITS.enumLength)
export type SeenMessageStatus = z.infer<typeof messageStatusSchema>

export const messageErrorSchema = z
  .object({
    code: z.string().max(API_LIMITS.errorCodeLength).optional(),
    message: z.string().max(API_LIMITS.errorMessageLength).optional(),
  })
  .nullable()

export const messageContentTypes = ['text'] as const

export const messageSchema = z.object({
  id: messageIdSchema,
  chatId: idString,
  direction: messageDirectionSchema,
  date: isoDateTime,
  content: z.object({
    /** `text` today; unknown types are kept as sent (reported once) and render as a placeholder. */
    type: openValue('content.type', messageContentTypes, API_LIMITS.enumLength),
    text: z.string().max(API_LIMITS.messageTextLength),
  }),
  status: messageStatusSchema,
  error: messageErrorSchema.optional(),
  authorId: idString.nullable().optional(),
})
export type Message = z.infer<typeof messageSchema>

export const userSchema = z.object({
  id: idString,
  displayName: nameString,
  avatarUrl: z.string().max(API_LIMITS.avatarUrlLength).nullable().optional(),
})
export type User = z.infer<typeof userSchema>

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string().max(API_LIMITS.errorCodeLength),
    message: z.string().max(API_LIMITS.errorMessageLength),
  }),
})
export type ErrorBody = z.infer<typeof errorBodySchema>

// ---- Responses -------------------------------------------------------------

export const listConversationsResponseSchema = z.object({
  data: z.array(conversationSchema).max(API_LIMITS.conversations),
})
export type ListConversationsResponse = z.infer<typeof listConversationsResponseSchema>

export const MESSAGES_PAGE_SIZE = 100

export const messagesPageSchema = z.object({
  data: z.array(messageSchema).max(MESSAGES_PAGE_SIZE),
  hasMore: z.boolean(),
})
export type MessagesPage = z.infer<typeof messagesPageSchema>

export const sendReplyResponseSchema = z.object({
  messageId: messageIdSchema,
  status: z.literal('queued'),
})
export type SendReplyResponse = z.infer<typeof sendReplyResponseSchema>

export const listUsersResponseSchema = z.object({ data: z.array(userSchema).max(API_LIMITS.users) })
export type ListUsersResponse = z.infer<typeof listUsersResponseSchema>

// ---- Requests --------------------------------------------------------------

/** The most characters (code points, see src/shared/domain/reply-length.ts) a reply may have. */
export const REPLY_MAX_LENGTH = REPLY_MAX_CHARACTERS

/**
 * A reply's text: 1 to 4,096 characters, counted in code points as the
 * contract counts them (3,000 emoji are 3,000 characters, not 6,000). The
 * UTF-16 bound before the count is only a cheap first cut: no text of 4,096
 * characters is longer than 8,192 units.
 */
export const replyTextSchema = z
  .string()
  .min(1)
  .max(REPLY_MAX_CHARACTERS * 2, `must have at most ${REPLY_MAX_CHARACTERS} characters`)
  .refine((text) => !isReplyTooLong(text), `must have at most ${REPLY_MAX_CHARACTERS} characters`)

export const sendReplyBodySchema = z
  .object({
    chatId: z.string().min(1),
    content: z
      .object({
        type: z.literal('text'),
        text: replyTextSchema,
      })
      .strict(),
  })
  .strict()
export type SendReplyBody = z.infer<typeof sendReplyBodySchema>

export const assignBodySchema = z.object({ userId: z.string().min(1) })
export type AssignBody = z.infer<typeof assignBodySchema>

export const orderByFields = ['lastMessageDate', 'updatedDate', 'createdDate', 'unreadCount'] as const
export type OrderByField = (typeof orderByFields)[number]
/**
 * The contract's `orderBy` pattern: a field with an optional `-` or `+`; a
 * leading space is an unencoded `+` that a query decoder turned into a space.
 */
export const ORDER_BY_PATTERN = `^([ +-]?)(${orderByFields.join('|')})$`
/**
 * The contract's `channelIds` pattern: comma-separated ids, none empty or
 * blank (each is trimmed). Written so that a regex engine never backtracks.
 */
export const CHANNEL_IDS_PATTERN = '^\\s*[^,\\s][^,]*(,\\s*[^,\\s][^,]*)*$'
/** The longest `channelIds` value the contract allows. */
export const CHANNEL_IDS_MAX_LENGTH = 4096
/** `-field` descending, `+field` or `field` ascending. */
export type OrderBy = `${'-' | '+' | ''}${OrderByField}`

export const archivedFilterSchema = z.enum(['false', 'true', 'any'])
export type ArchivedFilter = z.infer<typeof archivedFilterSchema>

/** Filters of `GET /conversations`, as the client passes them (typed, not strings). */
export interface ListConversationsQuery {
  dateFrom?: string
  channelIds?: string[]
  unreadOnly?: boolean
  archived?: ArchivedFilter
  orderBy?: OrderBy
}

export interface GetMessagesQuery {
  idFrom?: number
  idTo?: number
}
