/**
 * The Inbox API's data shapes, as zod schemas.
 *
 * These mirror `docs/inbox-api.yaml` (the contract both the client and the
 * sandbox follow). `tests/contract/schemas-match-contract.test.ts` checks them
 * against that file, so the two cannot drift apart silently. The client
 * validates every response with them; the sandbox validates every request.
 *
 * Pure: no electron, no DOM, no node:* imports.
 */
import { z } from 'zod'

/** ISO 8601 UTC with milliseconds, e.g. `2026-11-24T09:15:02.123Z`. */
export const isoDateTime = z.iso.datetime({ offset: true })

/** Known channel types. Unknown future types must not break a client, so the
 * schema accepts any string; UI code falls back to a generic icon. */
export const knownChannelTypes = ['whatsapp', 'rcs', 'sms', 'messenger', 'instagram', 'telegram'] as const
export type KnownChannelType = (typeof knownChannelTypes)[number]

export const channelSchema = z.object({
  id: z.string(),
  type: z.string(),
  name: z.string(),
})
export type Channel = z.infer<typeof channelSchema>

export const contactSchema = z.object({
  id: z.string(),
  name: z.string(),
  phoneNumber: z.string().nullable().optional(),
})
export type Contact = z.infer<typeof contactSchema>

export const assigneeSchema = z
  .object({
    id: z.string(),
    displayName: z.string(),
  })
  .nullable()
export type Assignee = z.infer<typeof assigneeSchema>

export const messageDirectionSchema = z.enum(['inbound', 'outbound'])
export type MessageDirection = z.infer<typeof messageDirectionSchema>

export const lastMessageSchema = z
  .object({
    id: z.number().int(),
    direction: messageDirectionSchema,
    preview: z.string(),
    date: isoDateTime,
  })
  .nullable()
export type LastMessage = z.infer<typeof lastMessageSchema>

export const conversationSchema = z.object({
  id: z.string(),
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

export const messageStatusSchema = z.enum(['received', 'queued', 'sent', 'delivered', 'read', 'failed'])
export type MessageStatus = z.infer<typeof messageStatusSchema>

export const messageErrorSchema = z
  .object({
    code: z.string().optional(),
    message: z.string().optional(),
  })
  .nullable()

export const messageSchema = z.object({
  id: z.number().int(),
  chatId: z.string(),
  direction: messageDirectionSchema,
  date: isoDateTime,
  content: z.object({
    /** `text` today; unknown types render as a placeholder. */
    type: z.string(),
    text: z.string(),
  }),
  status: messageStatusSchema,
  error: messageErrorSchema.optional(),
  authorId: z.string().nullable().optional(),
})
export type Message = z.infer<typeof messageSchema>

export const userSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  avatarUrl: z.string().nullable().optional(),
})
export type User = z.infer<typeof userSchema>

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
  }),
})
export type ErrorBody = z.infer<typeof errorBodySchema>

// ---- Responses -------------------------------------------------------------

export const listConversationsResponseSchema = z.object({ data: z.array(conversationSchema) })
export type ListConversationsResponse = z.infer<typeof listConversationsResponseSchema>

export const MESSAGES_PAGE_SIZE = 100

export const messagesPageSchema = z.object({
  data: z.array(messageSchema),
  hasMore: z.boolean(),
})
export type MessagesPage = z.infer<typeof messagesPageSchema>

export const sendReplyResponseSchema = z.object({
  messageId: z.number().int(),
  status: z.literal('queued'),
})
export type SendReplyResponse = z.infer<typeof sendReplyResponseSchema>

export const listUsersResponseSchema = z.object({ data: z.array(userSchema) })
export type ListUsersResponse = z.infer<typeof listUsersResponseSchema>

// ---- Requests --------------------------------------------------------------

export const REPLY_MAX_LENGTH = 4096

export const sendReplyBodySchema = z
  .object({
    chatId: z.string().min(1),
    content: z
      .object({
        type: z.literal('text'),
        text: z.string().min(1).max(REPLY_MAX_LENGTH),
      })
      .strict(),
  })
  .strict()
export type SendReplyBody = z.infer<typeof sendReplyBodySchema>

export const assignBodySchema = z.object({ userId: z.string().min(1) })
export type AssignBody = z.infer<typeof assignBodySchema>

export const orderByFields = ['lastMessageDate', 'updatedDate', 'createdDate', 'unreadCount'] as const
export type OrderByField = (typeof orderByFields)[number]
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
