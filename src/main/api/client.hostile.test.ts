/**
 * The client against a real local HTTP server (node:http) that behaves like a
 * broken or hostile Inbox API (issue 9 §3): bodies of hundreds of megabytes,
 * a 20 MB contact name, values the client does not know, redirects (as
 * Node's fetch and as Electron's net.fetch report them), and an API address
 * over plain http:// to another machine.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { expectApiFailure } from '../testing/api-failure'
import { createLogger, createMemorySink } from '../log'
import { type ApiError } from '../ports/inbox-api'
import { MAX_RESPONSE_BYTES } from './body-reader'
import { createInboxClient } from './client'
import { isLoopbackHostname, plainHttpProblem } from './plain-http'

const KEY = 'hostile-test-key-5d1e8b'
const MiB = 1024 * 1024

interface Seen {
  url: string
  headers: IncomingMessage['headers']
}
type Responder = (req: IncomingMessage, res: ServerResponse) => void

async function startServer(): Promise<{ server: Server; url: string; seen: Seen[]; respond: { current: Responder } }> {
  const seen: Seen[] = []
  const respond = { current: ((_req, res) => res.end()) as Responder }
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers })
    req.resume()
    req.on('end', () => respond.current(req, res))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, respond }
}

let api: Awaited<ReturnType<typeof startServer>>
/** A second origin: where a redirect points. It must never see the key (or anything). */
let elsewhere: Awaited<ReturnType<typeof startServer>>

beforeAll(async () => {
  api = await startServer()
  elsewhere = await startServer()
  elsewhere.respond.current = (_req, res) => json(res, 200, { data: [] })
})
afterAll(async () => {
  for (const { server } of [api, elsewhere]) {
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
})
beforeEach(() => {
  api.seen.length = 0
  elsewhere.seen.length = 0
})

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

const client = (overrides: Partial<Parameters<typeof createInboxClient>[0]> = {}) =>
  createInboxClient({ baseUrl: api.url, apiKey: KEY, fetch, sleep: async () => undefined, ...overrides })

const failure = (promise: Promise<unknown>): Promise<ApiError> => expectApiFailure(promise, KEY)

/**
 * Streams `totalBytes` of a JSON-looking body in 1 MiB chunks, honouring
 * back-pressure, and reports how much it managed to write before the client
 * hung up.
 */
function streamHugeBody(
  res: ServerResponse,
  status: number,
  totalBytes: number,
  written: { bytes: number; closed: Promise<void> },
  declareLength: boolean,
) {
  res.writeHead(status, {
    'content-type': 'application/json',
    ...(declareLength ? { 'content-length': String(totalBytes) } : {}),
  })
  const chunk = Buffer.alloc(MiB, 'a')
  let stopped = false
  res.on('close', () => (stopped = true))
  const pump = () => {
    while (!stopped && written.bytes < totalBytes) {
      written.bytes += chunk.byteLength
      if (!res.write(chunk)) return void res.once('drain', pump)
    }
    if (!stopped) res.end()
  }
  pump()
}

function watchWrites(): { bytes: number; closed: Promise<void>; close(): void } {
  let close = () => undefined as void
  const closed = new Promise<void>((resolve) => (close = resolve))
  return { bytes: 0, closed, close }
}

describe('response bodies are capped: 16 MiB, the conversation list 160 MiB (100,000 conversations are ~52 MB)', () => {
  it.each([
    ['streamed without a length', false],
    ['with a Content-Length of 300 MB', true],
  ])('a 300 MB success body, %s: read no further than the cap, then a clear error', async (_name, declared) => {
    const written = watchWrites()
    api.respond.current = (_req, res) => {
      res.on('close', written.close)
      streamHugeBody(res, 200, 300 * MiB, written, declared)
    }
    const error = await failure(client().listConversations())
    expect(error.kind).toBe('invalid_response')
    expect(error.message).toContain('larger than 160 MiB while loading the conversations')
    expect(error.message).toContain('stopped reading it')
    await written.closed // the client hung up: the server was not allowed to send it all
    expect(written.bytes).toBeLessThan(300 * MiB)
    expect(api.seen).toHaveLength(1) // not retried: it would be as large again
  })

  it('a 300 MB error body is capped the same way before it is read', async () => {
    const written = watchWrites()
    api.respond.current = (_req, res) => {
      res.on('close', written.close)
      streamHugeBody(res, 502, 300 * MiB, written, false)
    }
    const error = await failure(client().listAssignableUsers())
    expect(error.kind).toBe('invalid_response')
    expect(error.message).toContain('larger than 16 MiB')
    await written.closed
    expect(written.bytes).toBeLessThan(300 * MiB)
  })

  it('a reply whose answer is too large is ambiguous (it may have been sent)', async () => {
    const written = watchWrites()
    api.respond.current = (_req, res) => {
      res.on('close', written.close)
      streamHugeBody(res, 202, 64 * MiB, written, false)
    }
    const error = await failure(client().sendReply('chat_1', 'Hello'))
    expect(error.details.ambiguous).toBe(true)
    expect(error.message).toContain('may or may not have been sent')
  })

  it('a body just under the cap is read', async () => {
    const filler = 'x'.repeat(MAX_RESPONSE_BYTES - 64 * 1024)
    api.respond.current = (_req, res) => json(res, 200, { data: [], filler })
    await expect(client().listAssignableUsers()).resolves.toEqual([])
  })
})

describe('strings and arrays in answers are bounded', () => {
  const conversation = (name: string) => ({
    id: 'chat_1',
    channel: { id: 'ch_1', type: 'sms', name: 'SMS' },
    contact: { id: 'ct_1', name, phoneNumber: '+15550100' },
    unreadCount: 0,
    archived: false,
    assignee: null,
    createdDate: '2026-11-24T09:15:02.123Z',
    updatedDate: '2026-11-24T09:15:02.123Z',
    lastMessageDate: '2026-11-24T09:15:02.123Z',
    lastInboundDate: null,
    lastMessage: null,
  })

  it('a 20 MB contact name never reaches the renderer: a thread page is stopped by the body cap, a list by the schema', async () => {
    const message = {
      id: 1,
      chatId: 'chat_1',
      direction: 'inbound',
      date: '2026-11-24T09:15:02.123Z',
      status: 'received',
    }
    api.respond.current = (_req, res) =>
      json(res, 200, { data: [{ ...message, content: { type: 'text', text: 'N'.repeat(20 * MiB) } }], hasMore: false })
    const page = await failure(client().getMessages('chat_1'))
    expect(page.kind).toBe('invalid_response')
    expect(page.message).toContain('larger than 16 MiB')
    api.respond.current = (_req, res) => json(res, 200, { data: [conversation('N'.repeat(20 * MiB))] })
    const error = await failure(client().listConversations())
    expect(error.kind).toBe('invalid_response')
    expect(error.message).toContain('data.0.contact.name')
  })

  it('a 2 MB contact name (under the body cap) is refused by the schema, naming the field', async () => {
    api.respond.current = (_req, res) => json(res, 200, { data: [conversation('N'.repeat(2 * MiB))] })
    const error = await failure(client().listConversations())
    expect(error.kind).toBe('invalid_response')
    expect(error.message).toContain('data.0.contact.name')
    expect(error.message.length).toBeLessThan(1000)
  })
})

describe('unknown values are kept item by item, logged once', () => {
  it('an unknown status, direction, channel and content type leave the rest of the thread readable', async () => {
    const message = (id: number, extra: Record<string, unknown>) => ({
      id,
      chatId: 'chat_1',
      direction: 'inbound',
      date: '2026-11-24T09:15:02.123Z',
      content: { type: 'text', text: `message ${id}` },
      status: 'received',
      ...extra,
    })
    api.respond.current = (_req, res) =>
      json(res, 200, {
        data: [
          message(1, {}),
          message(2, { direction: 'outbound', status: 'deleted_by_provider' }),
          message(3, { direction: 'sideways' }),
          message(4, { content: { type: 'sticker', text: '' } }),
        ],
        hasMore: false,
      })
    const sink = createMemorySink()
    const inbox = client({ log: createLogger(sink) })
    const first = await inbox.getMessages('chat_1')
    await inbox.getMessages('chat_1') // the same values again: not logged again
    expect(first.data.map((m) => [m.id, m.direction, m.status, m.content.type])).toEqual([
      [1, 'inbound', 'received', 'text'],
      [2, 'outbound', 'unknown', 'text'],
      [3, 'unknown', 'received', 'text'],
      [4, 'inbound', 'received', 'sticker'],
    ])
    const warnings = sink.lines.filter((l) => l.level === 'warn').map((l) => l.line)
    expect(warnings).toHaveLength(3)
    expect(warnings.join('\n')).toContain('message.status "deleted_by_provider"')
    expect(warnings.join('\n')).toContain('message.direction "sideways"')
    expect(warnings.join('\n')).toContain('content.type "sticker"')
  })
})

describe('redirects are never followed, and never retried', () => {
  const redirect: Responder = (_req, res) => {
    res.writeHead(302, { location: `${elsewhere.url}/conversations` })
    res.end()
  }

  it('a 302 to another origin (Node fetch hands back the 3xx): the redirect message; the other origin sees nothing', async () => {
    api.respond.current = redirect
    const error = await failure(client().listConversations())
    expect(error.kind).toBe('invalid_response')
    expect(error.message).toContain(`redirected the request to ${elsewhere.url}/conversations`)
    expect(api.seen).toHaveLength(1)
    expect(elsewhere.seen).toHaveLength(0)
  })

  it('Electron net.fetch\'s "Redirect was cancelled" under redirect: manual maps to the same error, not a retried network error', async () => {
    api.respond.current = redirect
    // What Electron's net.fetch does with redirect: 'manual': it rejects instead of returning the 3xx.
    const electronLikeFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init)
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel()
        throw new TypeError('Redirect was cancelled')
      }
      return response
    }
    const error = await failure(client({ fetch: electronLikeFetch }).listConversations())
    expect(error.kind).toBe('invalid_response')
    expect(error.message).toMatch(/redirected the request while loading the conversations/)
    expect(error.message).not.toMatch(/Could not reach/)
    expect(api.seen).toHaveLength(1) // one attempt: an idempotent call is not retried on it
    expect(elsewhere.seen).toHaveLength(0)
  })
})

describe('the key over plain http:// only to this machine', () => {
  it('a call to an http:// address on another host sends nothing and says why', async () => {
    const requested: string[] = []
    const recording: typeof fetch = async (input, init) => {
      requested.push(String(input))
      return fetch(input, init)
    }
    const error = await failure(
      createInboxClient({ baseUrl: 'http://192.0.2.10:8080', apiKey: KEY, fetch: recording }).listConversations(),
    )
    expect(error.kind).toBe('bad_request')
    expect(error.message).toContain('uses http://, which would send the API key over the network unencrypted')
    expect(requested).toEqual([])
  })

  it('loopback http:// is allowed (the local server here answers)', async () => {
    api.respond.current = (_req, res) => json(res, 200, { data: [] })
    await expect(client().listAssignableUsers()).resolves.toEqual([])
    expect(api.seen[0]?.headers['x-api-key']).toBe(KEY)
  })

  it.each([
    ['localhost', true],
    ['app.localhost', true],
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['[::1]', true],
    ['[::ffff:7f00:1]', true],
    ['192.168.1.20', false],
    ['10.0.0.1', false],
    ['api.example.com', false],
    ['127.0.0.1.example.com', false],
    ['localhost.example.com', false],
    ['[::ffff:c0a8:114]', false],
  ])('%s is loopback: %s', (hostname, loopback) => {
    expect(isLoopbackHostname(hostname)).toBe(loopback)
    expect(plainHttpProblem(new URL(`http://${hostname}/`)) === null).toBe(loopback)
    expect(plainHttpProblem(new URL(`https://${hostname}/`))).toBeNull()
  })
})
