/**
 * The client against a tiny local HTTP server that answers whatever a test
 * tells it to: malformed bodies, wrong content types, redirects, odd headers.
 * The sandbox follows the contract, so these cases need a server that does not.
 * (The sandbox-driven tests are in client.test.ts.)
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { expectApiFailure } from '../testing/api-failure'
import { ApiError } from '../ports/inbox-api'
import { createInboxClient, normaliseApiBase } from './client'
import { parseRetryAfter } from './error-mapping'
import { toBridgeError } from '../ports/errors'

const KEY = 'local-test-key-7f3a9c'

interface Seen {
  method: string
  url: string
  headers: IncomingMessage['headers']
  body: string
}
type Responder = (req: Seen, res: ServerResponse) => void

let server: Server
let baseUrl: string
let respond: Responder
const seen: Seen[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => {
      const record = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body }
      seen.push(record)
      respond(record, res)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
})
beforeEach(() => {
  seen.length = 0
  respond = (_req, res) => json(res, 200, { data: [] })
})

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

const client = (overrides: Partial<Parameters<typeof createInboxClient>[0]> = {}) =>
  createInboxClient({ baseUrl, apiKey: KEY, fetch, sleep: async () => undefined, ...overrides })

const failure = (promise: Promise<unknown>): Promise<ApiError> => expectApiFailure(promise, KEY)

describe('malformed responses become invalid_response, never a crash', () => {
  it('a body that is not JSON', async () => {
    respond = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{"data": [oops')
    }
    const error = await failure(client().listConversations())
    expect(error.kind).toBe('invalid_response')
    expect(error.message).toContain('listConversations')
    expect(error.message).toMatch(/not valid JSON/)
  })

  it('an HTML page instead of JSON (a proxy login page, say)', async () => {
    respond = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' })
      res.end('<html>Sign in to the proxy</html>')
    }
    const error = await failure(client().listAssignableUsers())
    expect(error.kind).toBe('invalid_response')
    expect(error.message).toContain('listAssignableUsers')
    expect(error.message).toContain('text/html')
  })

  it('JSON of the wrong shape names the first issue', async () => {
    respond = (_req, res) => json(res, 200, { data: [{ id: 42, displayName: 'Ana' }] })
    const error = await failure(client().listAssignableUsers())
    expect(error.kind).toBe('invalid_response')
    expect(error.message).toContain('data.0.id')
  })

  it('a message page without hasMore', async () => {
    respond = (_req, res) => json(res, 200, { data: [] })
    const error = await failure(client().getMessages('c1'))
    expect(error.kind).toBe('invalid_response')
    expect(error.message).toContain('getMessages')
    expect(error.message).toContain('hasMore')
  })

  it('a reply answer with a wrong status value', async () => {
    respond = (_req, res) => json(res, 202, { messageId: 7, status: 'delivered' })
    const error = await failure(client().sendReply('c1', 'Hello'))
    expect(error.kind).toBe('invalid_response')
    expect(error.message).toContain('sendReply')
    expect(toBridgeError(error).kind).toBe('invalid_response')
  })

  it('an error status with a non-JSON body still maps by status', async () => {
    respond = (_req, res) => {
      res.writeHead(503, { 'content-type': 'text/html' })
      res.end('<h1>Service Unavailable</h1>')
    }
    const error = await failure(client({ retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 } }).listConversations())
    expect(error.kind).toBe('unavailable')
    expect(seen).toHaveLength(2)
  })
})

describe('requests', () => {
  it('keeps a base URL path prefix, with or without a trailing slash', async () => {
    for (const base of [`${baseUrl}/api/v1`, `${baseUrl}/api/v1/`]) {
      seen.length = 0
      await client({ baseUrl: base }).listConversations()
      expect(seen[0]?.url).toBe('/api/v1/conversations')
    }
    expect(normaliseApiBase('https://example.com').toString()).toBe('https://example.com/')
    expect(normaliseApiBase('https://example.com/x?y=1#z').toString()).toBe('https://example.com/x/')
  })

  it('encodes the filters: + in orderBy, comma-joined channels, booleans as strings', async () => {
    await client().listConversations({
      orderBy: '+lastMessageDate',
      channelIds: ['ch_wa', 'ch_sms'],
      unreadOnly: true,
      archived: 'any',
      dateFrom: '2026-11-24T09:15:02.123Z',
    })
    const url = new URL(seen[0]?.url ?? '', baseUrl)
    expect(seen[0]?.url).toContain('orderBy=%2BlastMessageDate')
    expect(url.searchParams.get('orderBy')).toBe('+lastMessageDate')
    expect(url.searchParams.get('channelIds')).toBe('ch_wa,ch_sms')
    expect(url.searchParams.get('unreadOnly')).toBe('true')
    expect(url.searchParams.get('archived')).toBe('any')
    expect(url.searchParams.get('dateFrom')).toBe('2026-11-24T09:15:02.123Z')
  })

  it('sends the key in X-API-Key and encodes chat ids in paths', async () => {
    respond = (_req, res) => {
      res.writeHead(204)
      res.end()
    }
    await client().markRead('a/b c')
    expect(seen[0]?.headers['x-api-key']).toBe(KEY)
    expect(seen[0]?.method).toBe('PATCH')
    expect(seen[0]?.url).toBe('/conversations/a%2Fb%20c/read')
  })

  it('refuses bad input before sending anything', async () => {
    expect((await failure(client().sendReply('c1', '   '))).kind).toBe('bad_request')
    const unfilled = await failure(client().sendReply('c1', 'Your order {{?Order number}} ships today'))
    expect(unfilled.kind).toBe('bad_request')
    expect(unfilled.message).toMatch(/still has a field to fill in \(\{\{\?Order number\}\}\)/)
    expect((await failure(client().assign('c1', ''))).kind).toBe('bad_request')
    expect(seen).toHaveLength(0)
  })
})

describe('error mapping details', () => {
  it('does not follow a redirect (which could carry the key elsewhere) and says what to do', async () => {
    respond = (_req, res) => {
      res.writeHead(301, { location: 'https://elsewhere.example/conversations' })
      res.end()
    }
    const error = await failure(client().listConversations())
    expect(error.kind).toBe('invalid_response')
    expect(error.message).toContain('https://elsewhere.example')
    expect(seen).toHaveLength(1)
  })

  it('reads Retry-After as an HTTP date', async () => {
    const now = Date.parse('2026-11-25T10:00:00.000Z')
    respond = (_req, res) =>
      json(
        res,
        429,
        { error: { code: 'rate_limited', message: 'Slow down' } },
        { 'retry-after': 'Wed, 25 Nov 2026 10:00:30 GMT' },
      )
    const error = await failure(client({ now: () => now }).listConversations())
    expect(error.kind).toBe('rate_limited')
    expect(error.details.retryAfterMs).toBe(30_000)
    expect(toBridgeError(error).retryAfterMs).toBe(30_000)
    expect(parseRetryAfter(null, now)).toBeGreaterThan(0)
    expect(parseRetryAfter('garbage', now)).toBeGreaterThan(0)
    expect(parseRetryAfter('2', now)).toBe(2000)
  })

  it("a 429's Retry-After holds for every later call: a short one is waited for, a long one fails without sending", async () => {
    let clock = Date.parse('2026-11-25T10:00:00.000Z')
    const slept: number[] = []
    const sentAt: number[] = []
    const limited = client({
      now: () => clock,
      sleep: async (ms) => {
        slept.push(ms)
        clock += ms
      },
    })
    let retryAfter: string | null = '5'
    respond = (_req, res) => {
      sentAt.push(clock)
      if (retryAfter === null) json(res, 200, { data: [], hasMore: false })
      else json(res, 429, { error: { code: 'rate_limited', message: 'Slow down' } }, { 'retry-after': retryAfter })
    }
    const start = clock
    expect((await failure(limited.listConversations())).kind).toBe('rate_limited')
    // Another route, at once: it waits out the 5 s, then goes.
    retryAfter = null
    await limited.getMessages('chat_1')
    expect(slept).toEqual([5_000])
    expect(sentAt).toEqual([start, start + 5_000])

    // A long Retry-After: the next call says so at once and sends nothing.
    retryAfter = '60'
    await failure(limited.markRead('chat_1'))
    const error = await failure(limited.markRead('chat_1'))
    expect(error.kind).toBe('rate_limited')
    expect(error.details.retryAfterMs).toBe(60_000)
    expect(error.message).toContain('60 seconds')
    expect(sentAt).toHaveLength(3)
  })

  it('never repeats the key, even when the server echoes it', async () => {
    respond = (_req, res) =>
      json(res, 400, { error: { code: 'bad_request', message: `Unknown field in request with key ${KEY}` } })
    const error = await failure(client().unassign('c1'))
    expect(error.kind).toBe('bad_request')
    expect(error.message).toContain('[redacted]')
    expect(JSON.stringify(toBridgeError(error))).not.toContain(KEY)
  })

  it('a key that cannot be a header value fails without repeating the key', async () => {
    const badKey = 'pasted-key-with\nnewline'
    const error = await createInboxClient({ baseUrl, apiKey: badKey, fetch })
      .listAssignableUsers()
      .then(
        () => null,
        (caught: unknown) => caught as ApiError,
      )
    expect(error).toBeInstanceOf(ApiError)
    expect(error?.kind).toBe('bad_request')
    expect(error?.message).toMatch(/Enter the key again/)
    expect(error?.message).not.toContain(badKey)
    expect(JSON.stringify(error?.details)).not.toContain(badKey)
  })

  it('a refused connection is a network error naming the host', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const error = await failure(
      createInboxClient({
        baseUrl: `http://127.0.0.1:${port}`,
        apiKey: KEY,
        fetch,
        sleep: async () => undefined,
      }).sendReply('c1', 'Hello'),
    )
    expect(error.kind).toBe('network')
    expect(error.message).toContain(`127.0.0.1:${port}`)
    // Refused means it never left: not ambiguous, even for a reply.
    expect(error.details.ambiguous).toBe(false)
    expect(error.details.networkCode).toBe('ECONNREFUSED')
    expect(toBridgeError(error).detail).toContain('ECONNREFUSED')
  })

  it('anything that is not an ApiError crosses the bridge as internal', () => {
    const bridgeError = toBridgeError(new TypeError('x is undefined'))
    expect(bridgeError.kind).toBe('internal')
    expect(bridgeError.detail).toBe('x is undefined')
    expect(toBridgeError('a string').kind).toBe('internal')
  })
})

describe('retry schedule', () => {
  it('backs off exponentially with full jitter, capped', async () => {
    respond = (_req, res) => json(res, 502, { error: { code: 'upstream_unavailable', message: 'Down' } })
    const delays: number[] = []
    const error = await failure(
      client({
        retry: { attempts: 5, baseDelayMs: 100, maxDelayMs: 500 },
        random: () => 0.999,
        sleep: async (ms) => {
          delays.push(ms)
        },
      }).listAssignableUsers(),
    )
    expect(error.kind).toBe('unavailable')
    expect(delays).toEqual([99, 199, 399, 499])
    expect(seen).toHaveLength(5)
  })
})
