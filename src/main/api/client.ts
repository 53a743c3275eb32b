/**
 * The Inbox API client: one method per operation of docs/inbox-api.yaml, over
 * an injected fetch (Electron's `net.fetch` in the app, so the system proxy and
 * certificates apply; Node's fetch in tests).
 *
 * This file wires the three parts: ./transport.ts (timeout, retries,
 * Retry-After, validation of answers), ./endpoints.ts (the operations) and
 * ./error-mapping.ts (every failure in words).
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
import { silentLogger } from '../log'
import type { InboxApi } from '../ports/inbox-api'
import type { Logger } from '../ports/logger'
import { MAX_RESPONSE_BYTES } from './body-reader'
import { createEndpoints } from './endpoints'
import { createTransport, DEFAULT_RETRY, DEFAULT_TIMEOUT_MS, type RetryPolicy } from './transport'

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
  /** The most bytes one response body may have; default 16 MiB. */
  maxResponseBytes?: number
  /**
   * `host:port` of the proxy the injected fetch goes through, when it is Node's (a test, a Node-only tool):
   * a refused socket there is then "your proxy refused". Electron's net.fetch names the proxy itself.
   */
  proxyAddress?: string
}

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
  const transport = createTransport({
    base: normaliseApiBase(options.baseUrl),
    maxResponseBytes: options.maxResponseBytes ?? MAX_RESPONSE_BYTES,
    apiKey: options.apiKey,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    retry: options.retry ?? DEFAULT_RETRY,
    sleep: options.sleep ?? defaultSleep,
    random: options.random ?? Math.random,
    now: options.now ?? Date.now,
    log: options.log ?? silentLogger,
    proxyAddress: options.proxyAddress,
  })
  return createEndpoints(transport)
}
