/**
 * The nine operations of docs/inbox-api.yaml. Each handler validates its
 * path, query and body with zod, then asks the world to do the work.
 * Middleware in ./app.ts has already run faults, the key check and the rate
 * limit, and put the caller's account on the context.
 */
import { Hono } from 'hono'
import { z } from 'zod'
import {
  API_LIMITS,
  archivedFilterSchema,
  assignBodySchema,
  CHANNEL_IDS_MAX_LENGTH,
  CHANNEL_IDS_PATTERN,
  isoDateTime,
  ORDER_BY_PATTERN,
  orderByFields,
  sendReplyBodySchema,
  type OrderByField,
} from '../../shared/api/schemas'
import type { ListFilters, StoredConversation } from '../store'
import type { SandboxWorld } from '../world'
import {
  describeIssues,
  json,
  jsonError,
  jsonBytes,
  noContent,
  readJson,
  type SandboxContext,
  type SandboxEnv,
} from './context'

const orderByPattern = new RegExp(ORDER_BY_PATTERN)
const channelIdsPattern = new RegExp(CHANNEL_IDS_PATTERN)

const listConversationsQuerySchema = z
  .object({
    dateFrom: isoDateTime.optional(),
    channelIds: z
      .string()
      .max(CHANNEL_IDS_MAX_LENGTH)
      .regex(channelIdsPattern, 'must be a comma-separated list of non-empty channel ids')
      .transform((value) => value.split(',').map((id) => id.trim()))
      .optional(),
    unreadOnly: z.enum(['true', 'false']).optional(),
    archived: archivedFilterSchema.optional(),
    orderBy: z
      .string()
      .regex(orderByPattern, `must be a field (${orderByFields.join(', ')}) with an optional - or + prefix`)
      .optional(),
  })
  .strict()

// Up to 2^53 − 1 (16 digits), the contract's bound on message ids; a leading zero or a sign is not an integer's form.
const messageIdParam = z
  .string()
  .regex(/^[1-9]\d{0,15}$/, 'must be a positive integer')
  .transform(Number)
  .refine((id) => id <= API_LIMITS.messageId, `must be at most ${API_LIMITS.messageId}`)

const getMessagesQuerySchema = z.object({ idFrom: messageIdParam.optional(), idTo: messageIdParam.optional() }).strict()

const chatIdSchema = z.string().min(1).max(200)

/** Rejects repeated query parameters (`?archived=true&archived=false`): ambiguous, so malformed. */
function singleValuedQuery(
  c: SandboxContext,
): { ok: true; query: Record<string, string> } | { ok: false; response: Response } {
  const all = c.req.queries()
  for (const [name, values] of Object.entries(all)) {
    if (values.length > 1) {
      return {
        ok: false,
        response: jsonError(c, 400, 'bad_request', `Query parameter ${name} is given more than once.`),
      }
    }
  }
  return { ok: true, query: c.req.query() }
}

function parseOrderBy(value: string | undefined): ListFilters['orderBy'] {
  const match = orderByPattern.exec(value ?? '-lastMessageDate')
  // The schema already checked the pattern; the default always matches.
  if (!match) throw new Error(`orderBy passed validation but does not match: ${value}`)
  // A leading space is an unencoded `+` that the query decoder turned into a space.
  return { field: match[2] as OrderByField, descending: match[1] === '-' }
}

/**
 * The methods each of the contract's paths answers, for the 405 that an
 * unsupported method gets (with `Allow`). HEAD goes with GET: Hono answers it
 * from the GET route. Keep in step with the routes below.
 */
const ROUTE_METHODS: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/^\/conversations$/, ['GET', 'HEAD']],
  [/^\/conversations\/reply$/, ['POST']],
  [/^\/conversations\/assignable-users$/, ['GET', 'HEAD']],
  [/^\/conversations\/[^/]+\/messages$/, ['GET', 'HEAD']],
  [/^\/conversations\/[^/]+\/(read|archive|unarchive)$/, ['PATCH']],
  [/^\/conversations\/[^/]+\/assignee$/, ['POST', 'DELETE']],
]

/** The methods a path of the contract allows, or undefined when no operation has that path. */
export function allowedMethods(path: string): readonly string[] | undefined {
  return ROUTE_METHODS.find(([pattern]) => pattern.test(path))?.[1]
}

export function apiRoutes(world: SandboxWorld): Hono<SandboxEnv> {
  const api = new Hono<SandboxEnv>()
  const { store } = world

  /** The caller's conversation, or the 404 the contract asks for (another account's looks like no conversation). */
  function conversationOf(
    c: SandboxContext,
  ): { ok: true; conversation: StoredConversation } | { ok: false; response: Response } {
    const raw = c.req.param('chatId') ?? ''
    const parsed = chatIdSchema.safeParse(raw)
    // A chatId that could never exist is simply not found: the contract gives these operations no 400.
    const conversation = parsed.success ? c.get('account').conversations.get(parsed.data) : undefined
    if (!conversation) {
      const shown = parsed.success ? parsed.data : `${raw.slice(0, 40)}…`
      return { ok: false, response: jsonError(c, 404, 'not_found', `No conversation ${shown} in this account.`) }
    }
    return { ok: true, conversation }
  }

  api.get('/conversations', (c) => {
    const raw = singleValuedQuery(c)
    if (!raw.ok) return raw.response
    const parsed = listConversationsQuerySchema.safeParse(raw.query)
    if (!parsed.success) return jsonError(c, 400, 'bad_request', describeIssues(parsed.error.issues))
    const q = parsed.data
    const account = c.get('account')
    const conversations = store.list(account, {
      dateFrom: q.dateFrom === undefined ? undefined : Date.parse(q.dateFrom),
      channelIds: q.channelIds ? new Set(q.channelIds) : undefined,
      unreadOnly: q.unreadOnly === 'true',
      archived: q.archived ?? 'false',
      orderBy: parseOrderBy(q.orderBy),
    })
    return jsonBytes(c, 200, store.listBody(account, conversations))
  })

  api.post('/conversations/reply', async (c) => {
    const body = await readJson(c)
    if (!body.ok) return body.response
    const parsed = sendReplyBodySchema.safeParse(body.value)
    if (!parsed.success) return jsonError(c, 400, 'bad_request', describeIssues(parsed.error.issues))
    const conversation = c.get('account').conversations.get(parsed.data.chatId)
    if (!conversation) return jsonError(c, 404, 'not_found', `No conversation ${parsed.data.chatId} in this account.`)
    const message = world.sendReply(conversation, parsed.data.content.text)
    return json(c, 202, { messageId: message.id, status: 'queued' })
  })

  api.get('/conversations/assignable-users', (c) => {
    // The contract gives this operation no 400 and no parameters: a stray query is ignored, not an error.
    const users = [...c.get('account').users.values()].map((user) => store.toWireUser(user))
    return json(c, 200, { data: users })
  })

  api.get('/conversations/:chatId/messages', (c) => {
    const found = conversationOf(c)
    if (!found.ok) return found.response
    const raw = singleValuedQuery(c)
    if (!raw.ok) return raw.response
    const parsed = getMessagesQuerySchema.safeParse(raw.query)
    if (!parsed.success) return jsonError(c, 400, 'bad_request', describeIssues(parsed.error.issues))
    const page = store.page(found.conversation, parsed.data.idFrom, parsed.data.idTo)
    return json(c, 200, { data: page.messages.map((m) => store.toWireMessage(m)), hasMore: page.hasMore })
  })

  api.patch('/conversations/:chatId/read', (c) => {
    const found = conversationOf(c)
    if (!found.ok) return found.response
    const { conversation } = found
    // Idempotent: reading a conversation with nothing unread is no change, so updatedDate stays.
    if (conversation.unreadCount > 0) {
      conversation.unreadCount = 0
      store.touch(conversation)
    }
    return noContent(c)
  })

  api.patch('/conversations/:chatId/archive', (c) => {
    const found = conversationOf(c)
    if (!found.ok) return found.response
    if (!found.conversation.archived) {
      found.conversation.archived = true
      store.touch(found.conversation)
    }
    return noContent(c)
  })

  api.patch('/conversations/:chatId/unarchive', (c) => {
    const found = conversationOf(c)
    if (!found.ok) return found.response
    if (found.conversation.archived) {
      found.conversation.archived = false
      store.touch(found.conversation)
    }
    return noContent(c)
  })

  api.post('/conversations/:chatId/assignee', async (c) => {
    const found = conversationOf(c)
    if (!found.ok) return found.response
    const body = await readJson(c)
    if (!body.ok) return body.response
    const parsed = assignBodySchema.safeParse(body.value)
    if (!parsed.success) return jsonError(c, 400, 'bad_request', describeIssues(parsed.error.issues))
    const user = c.get('account').users.get(parsed.data.userId)
    if (!user) return jsonError(c, 404, 'not_found', `No user ${parsed.data.userId} in this account.`)
    if (found.conversation.assigneeId !== user.id) {
      found.conversation.assigneeId = user.id
      store.touch(found.conversation)
    }
    return noContent(c)
  })

  api.delete('/conversations/:chatId/assignee', (c) => {
    const found = conversationOf(c)
    if (!found.ok) return found.response
    if (found.conversation.assigneeId !== null) {
      found.conversation.assigneeId = null
      store.touch(found.conversation)
    }
    return noContent(c)
  })

  return api
}
