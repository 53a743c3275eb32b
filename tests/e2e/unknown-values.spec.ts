/**
 * A server that grew a value this version does not know (issue 9 §3): a message status and a message direction.
 * The thread stays readable item by item: the message with the new status shows the neutral "Status unknown", the
 * one with the new direction still shows its text, the other messages are there as usual, and main's log names each
 * new value. The sandbox speaks only the contract's values, so a small rewriting proxy on loopback stands between
 * the app and the sandbox, changing those two messages in every answer that carries them.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { SANDBOX_ACCOUNTS, type RunningSandbox } from '../../src/sandbox'
import { connectToSandbox, expect, test } from './fixtures'
import { openConversation } from './inbox-page'

const KEY = SANDBOX_ACCOUNTS.acme.apiKey
type Json = Record<string, unknown>

/** Forwards every request to `target` and hands each JSON answer through `rewrite` first. */
async function rewritingProxy(target: string, rewrite: (body: Json) => Json) {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const headers: Record<string, string> = {}
      for (const name of ['x-api-key', 'content-type']) {
        const value = req.headers[name]
        if (typeof value === 'string') headers[name] = value
      }
      void fetch(new URL(req.url ?? '/', target), {
        method: req.method,
        headers,
        body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
        redirect: 'manual',
      })
        .then(async (upstream) => {
          let body = await upstream.text()
          const type = upstream.headers.get('content-type') ?? ''
          if (upstream.ok && type.includes('json')) body = JSON.stringify(rewrite(JSON.parse(body) as Json))
          const out: Record<string, string> = {}
          for (const name of ['content-type', 'retry-after']) {
            const value = upstream.headers.get(name)
            if (value !== null) out[name] = value
          }
          res.writeHead(upstream.status, out).end(body)
        })
        .catch(() => res.writeHead(502).end())
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections() // the app keeps its connections alive
      }),
  }
}

async function api<T>(sandbox: RunningSandbox, path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${sandbox.url}${path}`, {
    ...init,
    headers: { 'x-api-key': KEY, 'content-type': 'application/json' },
  })
  if (!response.ok) throw new Error(`${path} answered ${response.status}`)
  return (await response.json()) as T
}

test('a message status and a direction this version does not know leave the thread readable', async ({
  app,
  sandbox,
}) => {
  const conversations = await api<{ data: Array<{ id: string; contact: { name: string } }> }>(sandbox, '/conversations')
  const chatId = conversations.data.find((c) => c.contact.name === 'Kwame Mensah')!.id
  const replyText = 'We have sent the replacement by courier.'
  const { messageId: outboundId } = await api<{ messageId: number }>(sandbox, '/conversations/reply', {
    method: 'POST',
    body: JSON.stringify({ chatId, content: { type: 'text', text: replyText } }),
  })
  const history = await api<{ data: Array<{ id: number; direction: string; content: { text?: string } }> }>(
    sandbox,
    `/conversations/${chatId}/messages?idTo=${outboundId}`,
  )
  const inbound = history.data.filter((m) => m.direction === 'inbound' && m.content.text).at(-1)!

  // Every message of the pair, wherever an answer carries it (a page of the thread, a list's lastMessage).
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite)
    if (typeof node !== 'object' || node === null) return node
    const copy = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, rewrite(value)])) as Json
    if (copy.id === outboundId && 'status' in copy) copy.status = 'bounced'
    if (copy.id === inbound.id && 'direction' in copy) copy.direction = 'sideways'
    return copy
  }
  const proxy = await rewritingProxy(sandbox.url, (body) => rewrite(body) as Json)
  try {
    const page = await connectToSandbox(app, { ...sandbox, url: proxy.url })
    await openConversation(page, 'Kwame Mensah')
    const thread = page.getByRole('region', { name: 'Messages with Kwame Mensah' })
    const newStatus = thread.locator(`[data-message-id="${outboundId}"]`)
    await expect(newStatus).toContainText(replyText)
    await expect(newStatus).toContainText('Status unknown')
    await expect(thread.locator(`[data-message-id="${inbound.id}"]`)).toContainText(inbound.content.text!)
    // The rest of the page as usual: every other message of the thread's newest page is shown.
    await expect.poll(() => thread.locator('[data-message-id]').count()).toBeGreaterThanOrEqual(3)
    await expect(page.getByText('The messages did not load')).toHaveCount(0)
    // Main's log (userData/logs/main.log) names each new value, once however often the thread is read.
    const mainLog = () => {
      const file = join(app.userDataDir, 'logs', 'main.log')
      return existsSync(file) ? readFileSync(file, 'utf8') : ''
    }
    const logged = (field: string, value: string) =>
      mainLog()
        .split('\n')
        .filter((line) => line.includes(`the server sent message.${field} "${value}", which`))
    await expect.poll(() => logged('status', 'bounced').length).toBe(1)
    expect(logged('direction', 'sideways')).toHaveLength(1)
    expect(logged('status', 'bounced')[0]).toContain('shown as unknown')
  } finally {
    await proxy.close()
  }
})
