/**
 * Error mapping for the Inbox API client: every way a call can fail (no
 * answer in time, a socket error, an HTTP status, an answer we cannot read)
 * becomes an `ApiError` whose message a support agent can act on, with the
 * technical detail kept apart. Server text is scrubbed of the key first.
 */
import { coded, type CodedText, type ErrorCode } from '../../shared/i18n/error-texts'
import { ApiError } from '../ports/inbox-api'
import type { ResponseTooLarge } from './body-reader'
import type { Operation } from './operation'
import { diagnoseTransportError, transportCauseMessage } from './transport-errors'

/** When a 429 comes without a usable Retry-After. */
export const DEFAULT_RETRY_AFTER_MS = 5_000
/** A Retry-After further out than this is treated as this: a client stuck for hours helps nobody. */
const MAX_RETRY_AFTER_MS = 10 * 60_000
/** What a failure's message needs to know about the client that made the call. */
export interface FailureContext {
  /** The API's host, as the agent typed it: messages name it. */
  host: string
  timeoutMs: number
  /** Removes the API key from text the server sent (it may echo the request). */
  scrub(text: string): string
  now(): number
  /** A 429 said to wait this long: every later call with this key waits too. */
  rateLimited(retryAfterMs: number): void
  /** `host:port` of the proxy Node's fetch goes through, if any: a socket error there is the proxy's. */
  proxyAddress?: string
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

/** Carries a transient failure from one attempt to the retry loop. */
export class RetryableFailure extends Error {
  constructor(readonly apiError: ApiError) {
    super(apiError.message)
  }
}

/**
 * Electron's net.fetch under `redirect: 'manual'` does not hand back the 3xx:
 * it rejects with "Redirect was cancelled". That is the server's redirect, not
 * a network failure: same message as a 3xx, and never retried.
 */
const REDIRECT_CANCELLED = /redirect was cancell?ed/i

function isRedirectCancelled(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    const message = (current as { message?: unknown }).message
    if (typeof message === 'string' && REDIRECT_CANCELLED.test(message)) return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}

/** The server answered with a redirect (a 3xx, or Electron's cancelled one); the key never follows it. */
export function redirectFailure(
  context: FailureContext,
  operation: Operation,
  location: string | null,
  details: ConstructorParameters<typeof ApiError>[2] = {},
): ApiError {
  const { host } = context
  const during = duringOf(operation)
  return new ApiError(
    'invalid_response',
    location
      ? coded('api.redirectedTo', { host, location: context.scrub(location).slice(0, 200), during })
      : coded('api.redirected', { host, during }),
    { operation: operation.id, ...details },
  )
}

/** The answer was over the body cap: Inbox Desk stopped reading it. Never retried (it would be as large again). */
export function responseTooLarge(context: FailureContext, operation: Operation, error: ResponseTooLarge): ApiError {
  const mib = Math.round(error.limit / (1024 * 1024))
  const code = operation.idempotent ? 'api.tooLarge' : 'api.tooLargeMaybeSent'
  return new ApiError('invalid_response', coded(code, { host: context.host, mib, during: duringOf(operation) }), {
    operation: operation.id,
    ambiguous: !operation.idempotent,
  })
}

export function transportFailure(
  context: FailureContext,
  operation: Operation,
  error: unknown,
  timedOut: boolean,
): Error {
  const { host, scrub } = context
  if (!timedOut && isRedirectCancelled(error)) return redirectFailure(context, operation, null)
  const code = networkErrorCode(error)
  if (timedOut) {
    const seconds = Math.round(context.timeoutMs / 100) / 10
    const ambiguous = !operation.idempotent
    const text = coded(ambiguous ? 'api.timeoutMaybeSent' : 'api.timeout', {
      host,
      seconds,
      during: duringOf(operation),
    })
    return new ApiError('timeout', text, { operation: operation.id, ambiguous })
  }
  if (error instanceof TypeError && /header/i.test(error.message) && code === undefined) {
    // fetch refused to build the request (a key pasted with a line break, say): nothing was sent.
    return new ApiError('bad_request', coded('api.keyCharacters', { host }), {
      operation: operation.id,
      ambiguous: false,
    })
  }
  const diagnosis = diagnoseTransportError(error, { proxyAddress: context.proxyAddress })
  if (diagnosis && diagnosis.kind !== 'network') {
    // A proxy or certificate problem: before anything was sent, and named as such. Retried only when
    // it can pass (a proxy restarting); a certificate is as untrusted the second time.
    const apiError = new ApiError(diagnosis.kind, transportCauseMessage(diagnosis.cause, host), {
      operation: operation.id,
      ambiguous: false,
      networkCode: diagnosis.code,
      cause: diagnosis.cause,
      host,
    })
    return operation.idempotent && diagnosis.retryable ? new RetryableFailure(apiError) : apiError
  }
  const provablyNotSent = (code !== undefined && NOT_SENT_CODES.has(code)) || diagnosis?.notSent === true
  const ambiguous = !operation.idempotent && !provablyNotSent
  const reason = networkReason(code, error, scrub)
  const text = coded(ambiguous ? 'api.unreachableMaybeSent' : 'api.unreachable', {
    host,
    during: duringOf(operation),
    reason,
  })
  const apiError = new ApiError('network', text, {
    operation: operation.id,
    ambiguous,
    networkCode: code,
    cause: diagnosis?.cause,
    host,
  })
  return operation.idempotent ? new RetryableFailure(apiError) : apiError
}

export function httpFailure(context: FailureContext, operation: Operation, response: Response, text: string): Error {
  const { host, scrub } = context
  const status = response.status
  const server = parseErrorBody(text)
  const serverCode = server?.code !== undefined ? scrub(server.code).slice(0, 100) : undefined
  const serverMessage = server?.message !== undefined ? scrub(server.message).slice(0, 500) : undefined
  const details = { status, serverCode, serverMessage, operation: operation.id }
  const during = duringOf(operation)

  if (status === 401 || status === 403) {
    return new ApiError('unauthorized', coded('api.keyRefused', { host, status }), details)
  }
  if (status === 404) return new ApiError('not_found', operation.notFound, details)
  // A proxy in the way answered for the server (Chromium usually reports this as ERR_PROXY_AUTH_REQUESTED).
  if (status === 407) {
    const cause = 'proxy_auth_required'
    return new ApiError('proxy', transportCauseMessage(cause, host), { ...details, cause, host })
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), context.now())
    context.rateLimited(retryAfterMs)
    const seconds = Math.ceil(retryAfterMs / 1000)
    return new ApiError('rate_limited', coded('api.rateLimited', { host, seconds }), { ...details, retryAfterMs })
  }
  if (status === 0 || (status >= 300 && status < 400)) {
    return redirectFailure(context, operation, response.headers.get('location'), details)
  }
  if (status >= 500) {
    const sentence = serverMessage
      ? coded('api.unavailableServerSaid', { host, status, during, server: serverMessage })
      : coded('api.unavailable', { host, status, during })
    const apiError = new ApiError('unavailable', sentence, details)
    return operation.idempotent && RETRYABLE_STATUSES.has(status) ? new RetryableFailure(apiError) : apiError
  }
  // 400 and any other 4xx: the server thinks our request is malformed. That is
  // a bug in Inbox Desk, reported with the server's own words.
  const sentence = serverMessage
    ? coded('api.refused', { host, during, status, server: serverMessage })
    : coded('api.refusedNoReason', { host, during, status })
  return new ApiError('bad_request', sentence, details)
}

export function invalidResponse(
  context: FailureContext,
  operation: Operation,
  status: number,
  problem: string,
): ApiError {
  const detail = context.scrub(problem).slice(0, 300)
  return new ApiError(
    'invalid_response',
    coded('api.notUnderstood', {
      host: context.host,
      during: duringOf(operation),
      detail: `${operation.id}: ${detail}`,
    }),
    { operation: operation.id, status },
  )
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
      return name
  }
}

/** "while sending a reply", in words the catalogs translate (`during.<operation id>`). */
function duringOf(operation: Operation): CodedText {
  return coded(`during.${operation.id}` as ErrorCode)
}

/** A network failure in words: "the connection was refused (…)", coded so the renderer translates it. */
export function networkReason(
  code: string | undefined,
  error?: unknown,
  scrub: (text: string) => string = (t) => t,
): CodedText {
  switch (code) {
    case 'ECONNREFUSED':
      return coded('network.refused')
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return coded('network.notFound')
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ENETDOWN':
      return coded('network.unreachable')
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
    case 'EPIPE':
      return coded('network.dropped')
    case 'UND_ERR_CONNECT_TIMEOUT':
      return coded('network.connectTimeout')
    default: // certificate and proxy codes never get here: ./transport-errors.ts names them
      return coded('network.failed', {
        detail: scrub(code ?? (error instanceof Error ? error.message : String(error ?? 'unknown error'))),
      })
  }
}
