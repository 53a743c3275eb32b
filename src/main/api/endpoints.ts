/**
 * The endpoints of the Inbox API client: one method per operation of
 * docs/inbox-api.yaml, each described as an `Operation` (method, path, query,
 * body, whether it is safe to send twice, what a 404 means, what the agent
 * was doing) and the zod schema of its answer. Sending, retrying and mapping
 * failures is the transport's job (./transport.ts).
 */
import { MAX_LIST_RESPONSE_BYTES } from './body-reader'
import {
  listConversationsResponseSchema,
  listUsersResponseSchema,
  messagesPageSchema,
  REPLY_MAX_LENGTH,
  sendReplyResponseSchema,
  type Conversation,
  type GetMessagesQuery,
  type ListConversationsQuery,
  type MessagesPage,
  type SendReplyResponse,
  type User,
} from '../../shared/api/schemas'
import { isReplyTooLong, replyLength } from '../../shared/domain/reply-length'
import { coded } from '../../shared/i18n/error-texts'
import { firstUnfilledField, hasUnfilledField } from '../../shared/domain/reply-template'
import { ApiError, type InboxApi } from '../ports/inbox-api'
import type { Transport } from './transport'

const chatPath = (chatId: string, suffix: string) => `conversations/${encodeURIComponent(chatId)}/${suffix}`
const gone = coded('api.conversationGone')

/** Every endpoint of the API over one transport. */
export function createEndpoints(transport: Transport): InboxApi {
  return {
    ...conversationReads(transport),
    sendReply: (chatId, text) => sendReply(transport, chatId, text),
    ...conversationChanges(transport),
    listAssignableUsers: () => listAssignableUsers(transport),
  }
}

/** Reading the list and a thread: GETs, idempotent. */
function conversationReads(transport: Transport): Pick<InboxApi, 'listConversations' | 'getMessages'> {
  return {
    async listConversations(query: ListConversationsQuery = {}): Promise<Conversation[]> {
      const params = new URLSearchParams()
      if (query.dateFrom !== undefined) params.set('dateFrom', query.dateFrom)
      if (query.channelIds !== undefined && query.channelIds.length > 0)
        params.set('channelIds', query.channelIds.join(','))
      if (query.unreadOnly !== undefined) params.set('unreadOnly', String(query.unreadOnly))
      if (query.archived !== undefined) params.set('archived', query.archived)
      // URLSearchParams encodes "+" as %2B, so ascending order is not read as a space.
      if (query.orderBy !== undefined) params.set('orderBy', query.orderBy)
      const response = await transport.call(
        {
          id: 'listConversations',
          method: 'GET',
          path: 'conversations',
          query: params,
          idempotent: true,
          notFound: coded('api.noConversationsRoute', { host: transport.host }),
          maxResponseBytes: MAX_LIST_RESPONSE_BYTES,
        },
        listConversationsResponseSchema,
      )
      return response.data
    },

    async getMessages(chatId: string, query: GetMessagesQuery = {}): Promise<MessagesPage> {
      requireId('getMessages', 'chatId', chatId)
      const params = new URLSearchParams()
      if (query.idFrom !== undefined) params.set('idFrom', String(query.idFrom))
      if (query.idTo !== undefined) params.set('idTo', String(query.idTo))
      return transport.call(
        {
          id: 'getMessages',
          method: 'GET',
          path: chatPath(chatId, 'messages'),
          query: params,
          idempotent: true,
          notFound: gone,
        },
        messagesPageSchema,
      )
    },
  }
}

async function sendReply(transport: Transport, chatId: string, text: string): Promise<SendReplyResponse> {
  requireId('sendReply', 'chatId', chatId)
  if (text.trim().length === 0 || isReplyTooLong(text)) {
    throw new ApiError('bad_request', coded('api.replyLength', { max: REPLY_MAX_LENGTH, length: replyLength(text) }), {
      operation: 'sendReply',
    })
  }
  // The last gate before a customer sees it: a saved reply's field ({{?Order number}}) is never sent as is.
  if (hasUnfilledField(text)) {
    throw new ApiError(
      'bad_request',
      `The reply still has a field to fill in (${firstUnfilledField(text)}); it was not sent.`,
      { operation: 'sendReply' },
    )
  }
  return transport.call(
    {
      id: 'sendReply',
      method: 'POST',
      path: 'conversations/reply',
      body: { chatId, content: { type: 'text', text } },
      idempotent: false,
      notFound: coded('api.replyConversationGone'),
    },
    sendReplyResponseSchema,
  )
}

/** Read, archive, unarchive, assign, unassign: each replaces a state, so each is safe to send twice. */
function conversationChanges(
  transport: Transport,
): Pick<InboxApi, 'markRead' | 'archive' | 'unarchive' | 'assign' | 'unassign'> {
  return {
    markRead: (chatId: string) => patchConversation(transport, chatId, 'markRead', 'read'),
    archive: (chatId: string) => patchConversation(transport, chatId, 'archiveConversation', 'archive'),
    unarchive: (chatId: string) => patchConversation(transport, chatId, 'unarchiveConversation', 'unarchive'),

    async assign(chatId: string, userId: string): Promise<void> {
      requireId('assignConversation', 'chatId', chatId)
      requireId('assignConversation', 'userId', userId)
      await transport.call(
        {
          id: 'assignConversation',
          method: 'POST',
          path: chatPath(chatId, 'assignee'),
          body: { userId },
          // Assigning replaces the assignee: sending it twice has the same effect.
          idempotent: true,
          notFound: coded('api.assignGone'),
        },
        null,
      )
    },

    async unassign(chatId: string): Promise<void> {
      requireId('unassignConversation', 'chatId', chatId)
      await transport.call(
        {
          id: 'unassignConversation',
          method: 'DELETE',
          path: chatPath(chatId, 'assignee'),
          idempotent: true,
          notFound: gone,
        },
        null,
      )
    },
  }
}

async function listAssignableUsers(transport: Transport): Promise<User[]> {
  const response = await transport.call(
    {
      id: 'listAssignableUsers',
      method: 'GET',
      path: 'conversations/assignable-users',
      idempotent: true,
      notFound: coded('api.noUsersRoute', { host: transport.host }),
    },
    listUsersResponseSchema,
  )
  return response.data
}

/** The three PATCH state changes (read, archive, unarchive): no body, 204, idempotent. */
async function patchConversation(
  transport: Transport,
  chatId: string,
  id: 'markRead' | 'archiveConversation' | 'unarchiveConversation',
  action: 'read' | 'archive' | 'unarchive',
): Promise<void> {
  requireId(id, 'chatId', chatId)
  await transport.call({ id, method: 'PATCH', path: chatPath(chatId, action), idempotent: true, notFound: gone }, null)
}

function requireId(operation: string, field: string, value: string): void {
  if (typeof value !== 'string' || value.length === 0) {
    throw new ApiError('bad_request', coded('api.missingId', { operation, field }), { operation })
  }
}
