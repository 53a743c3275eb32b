/**
 * The Inbox API client: one method per operation of docs/inbox-api.yaml, over
 * an injected fetch (Electron's `net.fetch` in the app, so the system proxy and
 * certificates apply; Node's fetch in tests).
 *
 * Every response is validated with the shared zod schemas, and every failure
 * becomes an `ApiError` whose message a support agent can act on. Idempotent
 * calls are retried on 502/503/504 and network errors with exponential backoff
 * and full jitter; `sendReply` never is (see `ambiguous`). Timeouts and 429s
 * are not retried here: the caller (the sync engine's schedule, an agent's
 * click) decides when to try again, so one click never waits a minute. But a
 * 429's Retry-After holds for every later call with this key: a call waits
 * for it when it is short, and otherwise fails at once without sending.
 * The API key goes in one header and nowhere else: never in a message, a
 * detail or a log line.
 */
import type { z } from 'zod'
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
import { silentLogger } from '../log'
import type { Logger } from '../ports/logger'
import { ApiError, type InboxApi } from '../ports/inbox-api'

export interface RetryPolicy {
  /** Total tries, the first included. */
  attempts: number
  baseDelayMs: number
  maxDelayMs: number
}

export interface InboxClientOptions {
  /** The API's base URL, with or without a path prefix or trailing slash. */
  baseUrl: string
  apiKey: string
  fetch: typeof fetch
  /** Per attempt, from sending the request to the end of the body. */
  timeoutMs?: number
  retry?: RetryPolicy
  /** Injected so tests of the retry schedule need not wait. */
  sleep?: (ms: number) => Promise<void>
  /** 0 ≤ x < 1; injected for deterministic jitter. */
  random?: () => number
  now?: () => number
  log?: Logger
}

export const DEFAULT_TIMEOUT_MS = 15_000
export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 300, maxDelayMs: 5_000 }
/** When a 429 comes without a usable Retry-After. */
export const DEFAULT_RETRY_AFTER_MS = 5_000
/** A Retry-After further out than this is treated as this: a client stuck for hours helps nobody. */
const MAX_RETRY_AFTER_MS = 10 * 60_000
/**
 * While a server's Retry-After holds, a call waits for it when it ends this
 * soon (an agent's click then just takes a little longer); further out, the
 * call fails at once with `rate_limited` and the time left, and sends nothing.
 */
export const MAX_RATE_LIMIT_WAIT_MS = 15_000

type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE'

interface Operation {
  /** The contract's operationId, for messages and logs. */
  id: string
  /** What the agent was doing, in words: "loading the conversations". */
  doing: string
  method: HttpMethod
  /** Relative to the base URL, already encoded, without a leading slash. */
  path: string
  query?: URLSearchParams
  body?: unknown
  /** Safe to send twice: retried on transient failures. */
  idempotent: boolean
  /** What a 404 means for this operation. */
  notFound: string
}

const RETRYABLE_STATUSES = new Set([502, 503, 504])

// Errors where the request provably never left this machine: even a reply
// POST is safe to report as "not sent".
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EADDRNOTAVAIL',
  'ERR_INVALID_URL',
  'UND_ERR_CONNECT_TIMEOUT',
])

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** `https://host/prefix` → `https://host/prefix/`, so relative paths keep the prefix. */
export function normaliseApiBase(baseUrl: string): URL {
  const url = new URL(baseUrl.trim())
  url.search = ''
  url.hash = ''
  if (!url.pathname.endsWith('/')) url.pathname += '/'
  return url
}

export function createInboxClient(options: InboxClientOptions): InboxApi {
  const base = normaliseApiBase(options.baseUrl)
  const host = base.host
  const apiKey = options.apiKey
  const fetchFn = options.fetch
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const retry = options.retry ?? DEFAULT_RETRY
  const sleep = options.sleep ?? defaultSleep
  const random = options.random ?? Math.random
  const now = options.now ?? Date.now
  const log = options.log ?? silentLogger

  /** Server-provided text may echo what we sent; it must never carry the key on. */
  const scrub = (text: string) => (apiKey.length > 0 ? text.split(apiKey).join('[redacted]') : text)

  const backoffDelay = (failedAttempt: number) =>
    // AWS "full jitter": uniform in [0, min(cap, base·2^n)].
    Math.floor(random() * Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (failedAttempt - 1)))

  /**
   * No request before this instant. A 429's Retry-After is about this key, not
   * one route: the sync's list, an agent's click and a reply all honour it.
   */
  let rateLimitedUntil = 0

  async function waitForRateLimit(operation: Operation): Promise<void> {
    for (let left = rateLimitedUntil - now(); left > 0; left = rateLimitedUntil - now()) {
      if (left > MAX_RATE_LIMIT_WAIT_MS) {
        throw new ApiError(
          'rate_limited',
          `${host} asked Inbox Desk to slow down (too many requests). It will try again in ${Math.ceil(left / 1000)} seconds.`,
          { operation: operation.id, retryAfterMs: left },
        )
      }
      log.info(`${operation.id}: waiting ${left} ms for the server's Retry-After before sending.`)
      await sleep(left)
    }
  }

  async function call<T>(operation: Operation, schema: z.ZodType<T> | null): Promise<T> {
    const attempts = operation.idempotent ? Math.max(1, retry.attempts) : 1
    for (let attempt = 1; ; attempt++) {
      try {
        await waitForRateLimit(operation)
        return await attemptOnce(operation, schema)
      } catch (error) {
        const retryable = error instanceof RetryableFailure
        const apiError = error instanceof RetryableFailure ? error.apiError : error
        if (!retryable || attempt >= attempts) throw apiError
        const delay = backoffDelay(attempt)
        log.warn(
          `${operation.id}: ${(apiError as ApiError).message} Retrying in ${delay} ms (attempt ${attempt + 1} of ${attempts}).`,
        )
        await sleep(delay)
      }
    }
  }

  async function attemptOnce<T>(operation: Operation, schema: z.ZodType<T> | null): Promise<T> {
    const url = new URL(operation.path, base)
    if (operation.query && [...operation.query.keys()].length > 0) url.search = operation.query.toString()
    const headers: Record<string, string> = { 'X-API-Key': apiKey, Accept: 'application/json' }
    let body: string | undefined
    if (operation.body !== undefined) {
      headers['Content-Type'] = 'application/json'
      body = JSON.stringify(operation.body)
    }

    const controller = new AbortController()
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort()
    }, timeoutMs)

    let response: Response
    let text: string
    try {
      // `manual`: a redirect to another origin must not carry the key there.
      response = await fetchFn(url.toString(), {
        method: operation.method,
        headers,
        body,
        signal: controller.signal,
        redirect: 'manual',
      })
      text = await response.text()
    } catch (error) {
      throw transportFailure(operation, error, timedOut)
    } finally {
      clearTimeout(timer)
    }

    const status = response.status
    if (status >= 200 && status < 300) return parseSuccess(operation, response, text, schema)
    throw httpFailure(operation, response, text)
  }

  function transportFailure(operation: Operation, error: unknown, timedOut: boolean): Error {
    const code = networkErrorCode(error)
    if (timedOut) {
      const seconds = Math.round(timeoutMs / 100) / 10
      const ambiguous = !operation.idempotent
      return new ApiError(
        'timeout',
        ambiguous
          ? `${host} did not answer within ${seconds} seconds while ${operation.doing}. The reply may or may not have been sent; Inbox Desk checks the conversation before sending it again.`
          : `${host} did not answer within ${seconds} seconds while ${operation.doing}. Check your connection, or try again in a moment.`,
        { operation: operation.id, ambiguous },
      )
    }
    if (error instanceof TypeError && /header/i.test(error.message) && code === undefined) {
      // fetch refused to build the request (a key pasted with a line break, say): nothing was sent.
      return new ApiError(
        'bad_request',
        `The request to ${host} could not be sent because the API key contains characters a request cannot carry (spaces, line breaks). Enter the key again.`,
        { operation: operation.id, ambiguous: false },
      )
    }
    const provablyNotSent = code !== undefined && NOT_SENT_CODES.has(code)
    const ambiguous = !operation.idempotent && !provablyNotSent
    const apiError = new ApiError(
      'network',
      `Could not reach ${host} while ${operation.doing}: ${scrub(describeNetworkError(code, error))}.` +
        (ambiguous
          ? ' The reply may or may not have been sent; Inbox Desk checks the conversation before sending it again.'
          : ' Check the address and your connection.'),
      { operation: operation.id, ambiguous, networkCode: code },
    )
    return operation.idempotent ? new RetryableFailure(apiError) : apiError
  }

  function parseSuccess<T>(operation: Operation, response: Response, text: string, schema: z.ZodType<T> | null): T {
    if (schema === null) return undefined as T
    const contentType = response.headers.get('content-type') ?? ''
    if (!/\bjson\b/i.test(contentType)) {
      throw invalidResponse(operation, response.status, `it sent ${contentType || 'no content type'} instead of JSON`)
    }
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch (error) {
      throw invalidResponse(
        operation,
        response.status,
        `its body is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      )
    }
    const parsed = schema.safeParse(json)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'the body'
      throw invalidResponse(operation, response.status, `${where}: ${issue?.message ?? 'does not match'}`)
    }
    return parsed.data
  }

  function invalidResponse(operation: Operation, status: number, problem: string): ApiError {
    const detail = scrub(problem).slice(0, 300)
    return new ApiError(
      'invalid_response',
      `${host} sent an answer Inbox Desk does not understand while ${operation.doing} (${operation.id}: ${detail}). Check that the API address points to an Inbox API, or report this to its provider.`,
      { operation: operation.id, status },
    )
  }

  function httpFailure(operation: Operation, response: Response, text: string): Error {
    const status = response.status
    const server = parseErrorBody(text)
    const serverCode = server?.code !== undefined ? scrub(server.code).slice(0, 100) : undefined
    const serverMessage = server?.message !== undefined ? scrub(server.message).slice(0, 500) : undefined
    const details = { status, serverCode, serverMessage, operation: operation.id }
    const because = serverMessage ? ` The server said: “${serverMessage}”` : ''

    if (status === 401 || status === 403) {
      return new ApiError(
        'unauthorized',
        `The API key was refused by ${host} (HTTP ${status}). The account needs a new key: open Settings and enter a valid one.`,
        details,
      )
    }
    if (status === 404) return new ApiError('not_found', operation.notFound, details)
    if (status === 429) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now())
      rateLimitedUntil = Math.max(rateLimitedUntil, now() + retryAfterMs)
      return new ApiError(
        'rate_limited',
        `${host} asks Inbox Desk to slow down (too many requests). It will try again in ${Math.ceil(retryAfterMs / 1000)} seconds.`,
        { ...details, retryAfterMs },
      )
    }
    if (status === 0 || (status >= 300 && status < 400)) {
      const location = response.headers.get('location')
      return new ApiError(
        'invalid_response',
        `${host} redirected the request${location ? ` to ${scrub(location).slice(0, 200)}` : ''} while ${operation.doing}. Use the final address of the API (for example https:// instead of http://) in Settings.`,
        details,
      )
    }
    if (status >= 500) {
      const apiError = new ApiError(
        'unavailable',
        `${host} or a service behind it is unavailable (HTTP ${status}) while ${operation.doing}. Try again in a minute.${because}`,
        details,
      )
      return operation.idempotent && RETRYABLE_STATUSES.has(status) ? new RetryableFailure(apiError) : apiError
    }
    // 400 and any other 4xx: the server thinks our request is malformed. That is
    // a bug in Inbox Desk, reported with the server's own words.
    return new ApiError(
      'bad_request',
      `${host} refused the request while ${operation.doing} (HTTP ${status}): ${serverMessage ?? 'no reason given'}. This is a bug in Inbox Desk; please report it with this message.`,
      details,
    )
  }

  const chatPath = (chatId: string, suffix: string) => `conversations/${encodeURIComponent(chatId)}/${suffix}`
  const gone = 'This conversation no longer exists, or it is not in this account. Refresh the list.'

  /** The three PATCH state changes (read, archive, unarchive): no body, 204, idempotent. */
  async function patchConversation(
    chatId: string,
    id: 'markRead' | 'archiveConversation' | 'unarchiveConversation',
    action: 'read' | 'archive' | 'unarchive',
    doing: string,
  ): Promise<void> {
    requireId(id, 'chatId', chatId)
    await call({ id, doing, method: 'PATCH', path: chatPath(chatId, action), idempotent: true, notFound: gone }, null)
  }

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
      const response = await call(
        {
          id: 'listConversations',
          doing: 'loading the conversations',
          method: 'GET',
          path: 'conversations',
          query: params,
          idempotent: true,
          notFound: `${host} has no conversations route. Check that the API address points to an Inbox API.`,
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
      return call(
        {
          id: 'getMessages',
          doing: 'loading messages',
          method: 'GET',
          path: chatPath(chatId, 'messages'),
          query: params,
          idempotent: true,
          notFound: gone,
        },
        messagesPageSchema,
      )
    },

    async sendReply(chatId: string, text: string): Promise<SendReplyResponse> {
      requireId('sendReply', 'chatId', chatId)
      if (text.trim().length === 0 || text.length > REPLY_MAX_LENGTH) {
        throw new ApiError(
          'bad_request',
          `A reply must have between 1 and ${REPLY_MAX_LENGTH} characters (this one has ${text.length}); it was not sent.`,
          { operation: 'sendReply' },
        )
      }
      return call(
        {
          id: 'sendReply',
          doing: 'sending a reply',
          method: 'POST',
          path: 'conversations/reply',
          body: { chatId, content: { type: 'text', text } },
          idempotent: false,
          notFound: 'This conversation no longer exists, or it is not in this account: the reply was not sent.',
        },
        sendReplyResponseSchema,
      )
    },

    markRead: (chatId: string) => patchConversation(chatId, 'markRead', 'read', 'marking a conversation read'),
    archive: (chatId: string) =>
      patchConversation(chatId, 'archiveConversation', 'archive', 'archiving a conversation'),
    unarchive: (chatId: string) =>
      patchConversation(chatId, 'unarchiveConversation', 'unarchive', 'restoring a conversation'),

    async listAssignableUsers(): Promise<User[]> {
      const response = await call(
        {
          id: 'listAssignableUsers',
          doing: 'loading the team members',
          method: 'GET',
          path: 'conversations/assignable-users',
          idempotent: true,
          notFound: `${host} has no team members route. Check that the API address points to an Inbox API.`,
        },
        listUsersResponseSchema,
      )
      return response.data
    },

    async assign(chatId: string, userId: string): Promise<void> {
      requireId('assignConversation', 'chatId', chatId)
      requireId('assignConversation', 'userId', userId)
      await call(
        {
          id: 'assignConversation',
          doing: 'assigning a conversation',
          method: 'POST',
          path: chatPath(chatId, 'assignee'),
          body: { userId },
          // Assigning replaces the assignee: sending it twice has the same effect.
          idempotent: true,
          notFound: 'This conversation or this team member no longer exists in this account. Refresh and try again.',
        },
        null,
      )
    },

    async unassign(chatId: string): Promise<void> {
      requireId('unassignConversation', 'chatId', chatId)
      await call(
        {
          id: 'unassignConversation',
          doing: 'unassigning a conversation',
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

/** Carries a transient failure from one attempt to the retry loop. */
class RetryableFailure extends Error {
  constructor(readonly apiError: ApiError) {
    super(apiError.message)
  }
}

function requireId(operation: string, field: string, value: string): void {
  if (typeof value !== 'string' || value.length === 0) {
    throw new ApiError(
      'bad_request',
      `${operation} needs a ${field}, and got an empty one. This is a bug in Inbox Desk.`,
      {
        operation,
      },
    )
  }
}

function parseErrorBody(text: string): { code?: string; message?: string } | null {
  try {
    const json: unknown = JSON.parse(text)
    if (typeof json !== 'object' || json === null) return null
    const inner = (json as { error?: unknown }).error
    if (typeof inner !== 'object' || inner === null) return null
    const { code, message } = inner as { code?: unknown; message?: unknown }
    return {
      code: typeof code === 'string' ? code : undefined,
      message: typeof message === 'string' ? message : undefined,
    }
  } catch {
    // Not JSON (an HTML error page from a proxy, say): there is no server message to show.
    return null
  }
}

/** `Retry-After` is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(header: string | null, nowMs: number): number {
  if (header === null || header.trim() === '') return DEFAULT_RETRY_AFTER_MS
  const value = header.trim()
  if (/^\d+(\.\d+)?$/.test(value)) return Math.min(MAX_RETRY_AFTER_MS, Math.round(Number(value) * 1000))
  const date = Date.parse(value)
  if (Number.isNaN(date)) return DEFAULT_RETRY_AFTER_MS
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, date - nowMs))
}

function networkErrorCode(error: unknown): string | undefined {
  // Node's fetch wraps the socket error in `cause`; Electron's net.fetch puts
  // Chromium's net::ERR_* name in the message.
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string') return code
    const message = (current as { message?: unknown }).message
    if (typeof message === 'string') {
      const chromium = /net::(ERR_[A-Z_]+)/.exec(message)
      if (chromium?.[1]) return chromiumToNodeCode(chromium[1])
    }
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}

function chromiumToNodeCode(name: string): string {
  switch (name) {
    case 'ERR_CONNECTION_REFUSED':
      return 'ECONNREFUSED'
    case 'ERR_NAME_NOT_RESOLVED':
      return 'ENOTFOUND'
    case 'ERR_ADDRESS_UNREACHABLE':
      return 'EHOSTUNREACH'
    case 'ERR_INTERNET_DISCONNECTED':
      return 'ENETDOWN'
    case 'ERR_CONNECTION_RESET':
    case 'ERR_CONNECTION_CLOSED':
    case 'ERR_EMPTY_RESPONSE':
      return 'ECONNRESET'
    default:
      return name.startsWith('ERR_CERT') ? 'CERT_INVALID' : name
  }
}

/** A network failure in words: "the connection was refused (…)". */
export function describeNetworkError(code: string | undefined, error?: unknown): string {
  switch (code) {
    case 'ECONNREFUSED':
      return 'the connection was refused (are the address and port right, and is the server running?)'
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the host name could not be found'
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ENETDOWN':
      return 'the network is unreachable (are you offline?)'
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
    case 'EPIPE':
      return 'the connection was dropped before the server answered'
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'the connection could not be opened in time'
    default:
      if (code && (code.startsWith('CERT') || code.includes('CERT') || code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE')) {
        return 'its security certificate is not trusted'
      }
      return `the connection failed (${code ?? (error instanceof Error ? error.message : String(error ?? 'unknown error'))})`
  }
}
