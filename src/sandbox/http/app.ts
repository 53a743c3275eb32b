/**
 * The sandbox's Hono app. Order of middleware on an API request:
 *   request log → fault rules → body limit → API key → rate limit → route.
 * Control routes (/_sandbox/*) skip the log, faults, key and rate limit, and
 * answer only to loopback peers.
 */
import { Hono, type MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { loggedFault, type SandboxWorld } from '../world'
import { allowedMethods, apiRoutes } from './api-routes'
import { jsonError, type SandboxEnv } from './context'
import { controlRoutes } from './control-routes'

export const MAX_BODY_BYTES = 1024 * 1024
const CONTROL_PREFIX = '/_sandbox'

function isControlPath(path: string): boolean {
  return path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)
}

/** Whether a peer address is on the loopback range (IPv4, IPv6, or IPv4-mapped IPv6). */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.')
}

function sleep(ms: number): Promise<void> {
  // Unref'd: a delayed answer alone must not keep a closed sandbox's process alive.
  return new Promise((resolve) => setTimeout(resolve, ms).unref())
}

export function createSandboxApp(world: SandboxWorld, log: (line: string) => void): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>()

  app.onError((error, c) => {
    log(
      `error on ${c.req.method} ${c.req.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    )
    return jsonError(c, 500, 'internal_error', 'The sandbox hit an unexpected error; see its log.')
  })
  app.notFound((c) => {
    // A path of the contract with a method it does not have is a 405 that names the right ones, not a 404.
    const allowed = isControlPath(c.req.path) ? undefined : allowedMethods(c.req.path)
    if (allowed) {
      return jsonError(
        c,
        405,
        'method_not_allowed',
        `${c.req.method} is not allowed on ${c.req.path}; use ${allowed.join(' or ')}.`,
        { allow: allowed.join(', ') },
      )
    }
    return jsonError(c, 404, 'not_found', `No route ${c.req.method} ${c.req.path}.`)
  })

  // Request log (API requests only), written after the answer is known, in the order the requests arrived.
  const requestLog: MiddlewareHandler<SandboxEnv> = async (c, next) => {
    if (isControlPath(c.req.path)) return next()
    const arrivedAt = new Date(world.clock.now()).toISOString()
    const arrival = world.requestArrived()
    const started = performance.now()
    const url = c.req.url
    const queryStart = url.indexOf('?')
    let dropped = false
    try {
      await next()
      dropped = c.get('dropped') === true
    } finally {
      const fault = c.get('fault')
      const account = world.store.accountByKey(c.req.header('x-api-key') ?? '')
      world.logRequest(
        {
          method: c.req.method,
          path: c.req.path,
          query: queryStart === -1 ? '' : url.slice(queryStart + 1),
          status: c.res.status,
          bytes: c.get('responseBytes') ?? 0,
          account: account ? account.account.name : null,
          at: arrivedAt,
          ...(dropped ? { dropped: true } : {}),
          ...(fault ? { fault } : {}),
        },
        arrival,
      )
      log(
        `${c.req.method} ${c.req.path} → ${dropped ? 'dropped' : c.res.status} (${Math.round(performance.now() - started)} ms)`,
      )
    }
  }

  // Fault rules apply before the key check, so a fault can hit even an unauthenticated request.
  const faults: MiddlewareHandler<SandboxEnv> = async (c, next) => {
    if (isControlPath(c.req.path)) return next()
    const rule = world.faults.match(c.req.method, c.req.path)
    if (!rule) return next()
    c.set('fault', loggedFault(rule))
    if (rule.mode === 'commit-then-delay') {
      // The work is done now; the answer leaves late (a client may time out first).
      await next()
      await sleep(rule.delayMs ?? 0)
      return
    }
    if (rule.delayMs) await sleep(rule.delayMs)
    if (rule.mode === 'drop-before-commit') {
      // Nothing is done; the client cannot tell this from a drop after the commit.
      c.env.incoming.socket.destroy()
      c.set('dropped', true)
      return c.body(null, 500)
    }
    if (rule.status !== undefined) {
      const headers: Record<string, string> = {}
      if (rule.status === 429 || rule.retryAfter !== undefined) headers['retry-after'] = String(rule.retryAfter ?? 1)
      const code = rule.status === 429 ? 'rate_limited' : rule.status === 502 ? 'bad_gateway' : 'sandbox_fault'
      return jsonError(
        c,
        rule.status,
        code,
        `Injected fault (${rule.status}) for ${c.req.method} ${c.req.path}.`,
        headers,
      )
    }
    await next()
    if (rule.mode === 'drop-after-commit') {
      // The work is done (committed); the client never learns it.
      c.env.incoming.socket.destroy()
      c.set('dropped', true)
    }
  }

  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    // Connection: close, because the rest of the body is never read: the socket cannot carry another request.
    onError: (c) =>
      jsonError(c as never, 413, 'payload_too_large', `The request body exceeds ${MAX_BODY_BYTES} bytes.`, {
        connection: 'close',
      }),
  })

  const apiKeyCheck: MiddlewareHandler<SandboxEnv> = async (c, next) => {
    if (isControlPath(c.req.path)) {
      if (!isLoopback(c.env.incoming?.socket?.remoteAddress)) {
        return jsonError(c, 403, 'forbidden', 'Sandbox control routes answer only to loopback clients.')
      }
      return next()
    }
    const key = c.req.header('x-api-key')
    if (!key) return jsonError(c, 401, 'unauthorized', 'The X-API-Key header is missing.')
    const account = world.store.accountByKey(key)
    if (!account) return jsonError(c, 401, 'unauthorized', 'The API key is not valid.')
    const waitSeconds = world.rateLimiter?.take(key) ?? 0
    if (waitSeconds > 0) {
      return jsonError(c, 429, 'rate_limited', `Too many requests for this key; retry after ${waitSeconds} s.`, {
        'retry-after': String(waitSeconds),
      })
    }
    c.set('account', account)
    return next()
  }

  app.use('*', requestLog, faults, limitBody, apiKeyCheck)
  app.route(CONTROL_PREFIX, controlRoutes(world, log))
  app.route('/', apiRoutes(world))
  return app
}
