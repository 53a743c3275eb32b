/**
 * The HTTP transport of the Inbox API client: one request over the injected
 * fetch, with the key in its one header, a timeout per attempt, retries with
 * full jitter for idempotent calls on 502/503/504 and network errors, and a
 * 429's Retry-After held for every later call with this key (a short one is
 * waited for, a long one fails at once without sending). Successful answers
 * are validated with the operation's zod schema; failures are mapped by
 * ./error-mapping.ts. The endpoints (./endpoints.ts) only describe operations.
 */
import type { z } from 'zod'
import { onUnknownValue } from '../../shared/api/unknown-values'
import { coded } from '../../shared/i18n/error-texts'
import { ApiError } from '../ports/inbox-api'
import type { Logger } from '../ports/logger'
import { readCappedText, ResponseTooLarge } from './body-reader'
import { plainHttpProblem } from './plain-http'
import {
  httpFailure,
  invalidResponse,
  responseTooLarge,
  RetryableFailure,
  transportFailure,
  type FailureContext,
} from './error-mapping'
import type { Operation } from './operation'

export interface RetryPolicy {
  /** Total tries, the first included. */
  attempts: number
  baseDelayMs: number
  maxDelayMs: number
}

export const DEFAULT_TIMEOUT_MS = 15_000
export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 300, maxDelayMs: 5_000 }
/**
 * While a server's Retry-After holds, a call waits for it when it ends this
 * soon (an agent's click then just takes a little longer); further out, the
 * call fails at once with `rate_limited` and the time left, and sends nothing.
 */
export const MAX_RATE_LIMIT_WAIT_MS = 15_000

export interface TransportOptions {
  /** The normalised base URL (ends with "/"). */
  base: URL
  /** The most bytes one response body may have (./body-reader.ts). */
  maxResponseBytes: number
  apiKey: string
  fetch: typeof fetch
  timeoutMs: number
  retry: RetryPolicy
  sleep(ms: number): Promise<void>
  /** 0 ≤ x < 1. */
  random(): number
  now(): number
  log: Logger
  /** See InboxClientOptions.proxyAddress. */
  proxyAddress?: string
}

/** Sends operations; one per client, so its Retry-After is about one key. */
export interface Transport {
  readonly host: string
  call<T>(operation: Operation, schema: z.ZodType<T> | null): Promise<T>
}

interface TransportState {
  options: TransportOptions
  failure: FailureContext
  /**
   * No request before this instant. A 429's Retry-After is about this key, not
   * one route: the sync's list, an agent's click and a reply all honour it.
   */
  rateLimitedUntil: number
  /** `field=value` pairs of unknown enum values already logged. */
  unknownValuesLogged: Set<string>
}

export function createTransport(options: TransportOptions): Transport {
  const apiKey = options.apiKey
  const state: TransportState = {
    options,
    rateLimitedUntil: 0,
    unknownValuesLogged: new Set(),
    failure: {
      host: options.base.host,
      timeoutMs: options.timeoutMs,
      /** Server-provided text may echo what we sent; it must never carry the key on. */
      scrub: (text) => (apiKey.length > 0 ? text.split(apiKey).join('[redacted]') : text),
      now: () => options.now(),
      proxyAddress: options.proxyAddress,
      rateLimited(retryAfterMs) {
        state.rateLimitedUntil = Math.max(state.rateLimitedUntil, options.now() + retryAfterMs)
      },
    },
  }
  return { host: state.failure.host, call: (operation, schema) => call(state, operation, schema) }
}

/** AWS "full jitter": uniform in [0, min(cap, base·2^n)]. */
const backoffDelay = (options: TransportOptions, failedAttempt: number) =>
  Math.floor(
    options.random() * Math.min(options.retry.maxDelayMs, options.retry.baseDelayMs * 2 ** (failedAttempt - 1)),
  )

async function waitForRateLimit(state: TransportState, operation: Operation): Promise<void> {
  const { options } = state
  for (let left = state.rateLimitedUntil - options.now(); left > 0; left = state.rateLimitedUntil - options.now()) {
    if (left > MAX_RATE_LIMIT_WAIT_MS) {
      throw new ApiError(
        'rate_limited',
        coded('api.stillRateLimited', { host: state.failure.host, seconds: Math.ceil(left / 1000) }),
        { operation: operation.id, retryAfterMs: left },
      )
    }
    options.log.info(`${operation.id}: waiting ${left} ms for the server's Retry-After before sending.`)
    await options.sleep(left)
  }
}

async function call<T>(state: TransportState, operation: Operation, schema: z.ZodType<T> | null): Promise<T> {
  const { options } = state
  const attempts = operation.idempotent ? Math.max(1, options.retry.attempts) : 1
  for (let attempt = 1; ; attempt++) {
    try {
      await waitForRateLimit(state, operation)
      return await attemptOnce(state, operation, schema)
    } catch (error) {
      const retryable = error instanceof RetryableFailure
      const apiError = error instanceof RetryableFailure ? error.apiError : error
      if (!retryable || attempt >= attempts) throw apiError
      const delay = backoffDelay(options, attempt)
      options.log.warn(
        `${operation.id}: ${(apiError as ApiError).message} Retrying in ${delay} ms (attempt ${attempt + 1} of ${attempts}).`,
      )
      await options.sleep(delay)
    }
  }
}

async function attemptOnce<T>(state: TransportState, operation: Operation, schema: z.ZodType<T> | null): Promise<T> {
  const { options } = state
  const url = new URL(operation.path, options.base)
  const insecure = plainHttpProblem(url)
  // Nothing is sent: the key must not cross a network in clear text (an address saved before this rule).
  if (insecure) throw new ApiError('bad_request', insecure, { operation: operation.id, ambiguous: false })
  if (operation.query && [...operation.query.keys()].length > 0) url.search = operation.query.toString()
  const headers: Record<string, string> = { 'X-API-Key': options.apiKey, Accept: 'application/json' }
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
  }, options.timeoutMs)

  let response: Response
  let text: string
  try {
    // `manual`: a redirect to another origin must not carry the key there.
    response = await options.fetch(url.toString(), {
      method: operation.method,
      headers,
      body,
      signal: controller.signal,
      redirect: 'manual',
    })
    // Capped, error bodies included: a 300 MB answer is stopped at the cap, never held whole.
    text = await readCappedText(response, Math.max(options.maxResponseBytes, operation.maxResponseBytes ?? 0))
  } catch (error) {
    if (error instanceof ResponseTooLarge) throw responseTooLarge(state.failure, operation, error)
    throw transportFailure(state.failure, operation, error, timedOut)
  } finally {
    clearTimeout(timer)
  }

  const status = response.status
  if (status >= 200 && status < 300) return parseSuccess(state, operation, response, text, schema)
  throw httpFailure(state.failure, operation, response, text)
}

function parseSuccess<T>(
  state: TransportState,
  operation: Operation,
  response: Response,
  text: string,
  schema: z.ZodType<T> | null,
): T {
  const context = state.failure
  if (schema === null) return undefined as T
  const contentType = response.headers.get('content-type') ?? ''
  if (!/\bjson\b/i.test(contentType)) {
    throw invalidResponse(
      context,
      operation,
      response.status,
      `it sent ${contentType || 'no content type'} instead of JSON`,
    )
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw invalidResponse(
      context,
      operation,
      response.status,
      `its body is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    )
  }
  // Unknown statuses, directions, channel and content types are kept item by item (shared/api/unknown-values.ts);
  // each field/value pair is logged once per client, so the log says the server grew a value without flooding.
  const stopListening = onUnknownValue((field, value) => {
    const key = `${field}=${value}`
    if (state.unknownValuesLogged.has(key)) return
    state.unknownValuesLogged.add(key)
    state.options.log.warn(
      `${operation.id}: the server sent ${field} "${value.slice(0, 64)}", which this version does not know; shown as ${field.endsWith('type') ? 'a generic item' : 'unknown'}.`,
    )
  })
  let parsed: ReturnType<typeof schema.safeParse>
  try {
    parsed = schema.safeParse(json)
  } finally {
    stopListening()
  }
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'the body'
    throw invalidResponse(context, operation, response.status, `${where}: ${issue?.message ?? 'does not match'}`)
  }
  return parsed.data
}
