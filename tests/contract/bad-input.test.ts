/**
 * Bad input never crashes the sandbox and always gets the contract's error
 * body: invalid JSON, oversized bodies, unknown routes, bad queries, missing
 * or unknown keys, malformed HTTP.
 */
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHarness, type SandboxHarness } from './harness'
import { contract, expectErrorBody } from './openapi'

let sandbox: SandboxHarness
let chatId: string

beforeAll(async () => {
  sandbox = await startHarness()
  chatId = (await sandbox.conversations())[0]!.id
})
afterAll(() => sandbox.close())

describe('invalid JSON', () => {
  it.each(['{bad', '{"chatId": "x",}', 'null x', '\u0000'])('sendReply with %j → 400', async (rawBody) => {
    const answer = await sandbox.call('sendReply', { rawBody })
    expect(answer.status).toBe(400)
    expect(answer.body).toMatchObject({ error: { code: expect.stringMatching(/invalid_json|bad_request/) } })
  })

  it('assignConversation with invalid JSON → 400', async () => {
    const answer = await sandbox.call('assignConversation', { chatId, rawBody: '{"userId":' })
    expect(answer.status).toBe(400)
    expect(answer.body).toMatchObject({ error: { code: 'invalid_json' } })
  })

  it('an empty body → 400', async () => {
    expect((await sandbox.call('sendReply', { rawBody: '' })).status).toBe(400)
  })
})

describe('oversized body', () => {
  it('over 1 MiB → 413 with the error body', async () => {
    const text = 'x'.repeat(1024 * 1024 + 10)
    const response = await sandbox.fetchRaw('POST', '/conversations/reply', {
      body: { chatId, content: { type: 'text', text } },
    })
    expect(response.status).toBe(413)
    const body: unknown = await response.json()
    expectErrorBody(body)
    expect(body).toMatchObject({ error: { code: 'payload_too_large' } })
  })

  it('over 1 MiB without a Content-Length (chunked) → 413', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(256 * 1024))
    let sent = 0
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 5) controller.close()
        else {
          sent++
          controller.enqueue(chunk)
        }
      },
    })
    const response = await fetch(`${sandbox.url}/conversations/reply`, {
      method: 'POST',
      headers: { 'x-api-key': 'sandbox-acme-key', 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit)
    expect(response.status).toBe(413)
    expectErrorBody(await response.json())
  })
})

describe('unknown routes and methods', () => {
  it.each([
    ['GET', '/nope'],
    ['GET', '/conversations/x/unknown'],
    ['POST', '/conversations/x/y/read'],
  ])('%s %s → 404 JSON', async (method, path) => {
    const response = await sandbox.fetchRaw(method, path)
    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).toMatch(/application\/json/)
    const body: unknown = await response.json()
    expectErrorBody(body)
    expect(body).toMatchObject({ error: { code: 'not_found' } })
  })
  it.each([
    ['GET', '/conversations/x/read', 'PATCH'],
    ['PUT', '/conversations', 'GET, HEAD'],
    ['DELETE', '/conversations/reply', 'POST'],
    ['GET', '/conversations/x/assignee', 'POST, DELETE'],
    ['OPTIONS', '/conversations/assignable-users', 'GET, HEAD'],
  ])('%s %s (a path of the contract, not that method) → 405 with Allow: %s', async (method, path, allow) => {
    const response = await sandbox.fetchRaw(method, path)
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe(allow)
    const body: unknown = await response.json()
    expectErrorBody(body)
    expect(body).toMatchObject({ error: { code: 'method_not_allowed' } })
  })
})

/** A valid body for the operations that take one, so only the key is wrong. */
function bodyFor(operationId: string): unknown {
  if (operationId === 'sendReply') return { chatId, content: { type: 'text', text: 'hi' } }
  if (operationId === 'assignConversation') return { userId: 'usr_acme_maya' }
  return undefined
}

describe('API key', () => {
  const operations = [...contract().operations.keys()]

  it.each(operations)('%s without a key → 401', async (operationId) => {
    const answer = await sandbox.call(operationId, {
      key: null,
      chatId,
      body: bodyFor(operationId),
    })
    expect(answer.status).toBe(401)
    expect(answer.body).toMatchObject({ error: { code: 'unauthorized' } })
  })

  it.each(operations)('%s with an unknown key → 401', async (operationId) => {
    const answer = await sandbox.call(operationId, {
      key: 'sandbox-not-a-key',
      chatId,
      body: bodyFor(operationId),
    })
    expect(answer.status).toBe(401)
  })

  it('the key check comes before route matching: an unknown route without a key is 401 JSON', async () => {
    const response = await sandbox.fetchRaw('GET', '/nope', { key: null })
    expect(response.status).toBe(401)
    expectErrorBody(await response.json())
  })
})

describe('bad queries', () => {
  it('listConversations with a bad filter → 400', async () => {
    expect((await sandbox.call('listConversations', { query: 'archived=1' })).status).toBe(400)
  })

  it('getMessages with a bad bound → 400', async () => {
    expect((await sandbox.call('getMessages', { chatId, query: 'idTo=last' })).status).toBe(400)
  })

  it('a broken percent-encoding does not crash the server', async () => {
    const response = await sandbox.fetchRaw('GET', '/conversations', { query: 'channelIds=%E0%A4%A' })
    expect([200, 400]).toContain(response.status)
    expectErrorBodyOrList(await response.json())
  })
})

function expectErrorBodyOrList(body: unknown): void {
  if (typeof body === 'object' && body !== null && 'error' in body) expectErrorBody(body)
  else
    contract()
      .responseErrors('listConversations', 200, body)
      .forEach((error) => expect.fail(error))
}

describe('malformed HTTP', () => {
  it('gets a 400 and the server keeps serving', async () => {
    const { port } = sandbox.sandbox
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('THIS IS NOT HTTP\r\n\r\n'))
      let data = ''
      socket.on('data', (chunk) => (data += chunk.toString()))
      socket.on('end', () => resolve(data))
      socket.on('error', reject)
    })
    expect(reply).toMatch(/^HTTP\/1\.1 400/)
    expect((await sandbox.call('listConversations')).status).toBe(200)
  })
})
