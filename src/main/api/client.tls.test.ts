/**
 * TLS and proxy failures against real servers on loopback: an HTTPS server with certificates made at run
 * time (src/main/testing/tls-fixtures.ts), and proxies that refuse, drop or answer the CONNECT with an error.
 * Node's fetch reports these as undici causes; the client must name each one, and never retry a certificate.
 * (Electron's net.fetch reports the same as net::ERR_* names: transport-errors.test.ts.)
 */
import { createServer as createHttpServer } from 'node:http'
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net'
import { Agent, fetch as undiciFetch, ProxyAgent } from 'undici'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toBridgeError } from '../ports/errors'
import { expectApiFailure } from '../testing/api-failure'
import {
  makeTestCertificates,
  startHttpsServer,
  type TestCertificates,
  type TestHttpsServer,
} from '../testing/tls-fixtures'
import { createInboxClient } from './client'

const KEY = 'tls-test-key-51c0'
let certificates: TestCertificates
const servers: { close(): Promise<void> }[] = []

beforeAll(() => {
  certificates = makeTestCertificates()
})
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()))
  certificates.dispose()
})

const https = async (pair: keyof Pick<TestCertificates, 'valid' | 'otherName' | 'expired'>) => {
  const server = await startHttpsServer(certificates[pair])
  servers.push(server)
  return server
}

/** undici's own fetch with a dispatcher (Node 20's built-in fetch takes no `ca`). */
const fetchWith = (dispatcher: Agent | ProxyAgent): typeof fetch =>
  ((input: string, init?: RequestInit) =>
    undiciFetch(input, { ...(init as object), dispatcher } as Parameters<
      typeof undiciFetch
    >[1])) as unknown as typeof fetch

const trustingTheCa = () => fetchWith(new Agent({ connect: { ca: certificates.ca } }))

const client = (server: TestHttpsServer, fetchImpl: typeof fetch, proxyAddress?: string) =>
  createInboxClient({ baseUrl: server.url, apiKey: KEY, fetch: fetchImpl, sleep: async () => undefined, proxyAddress })

describe('a real HTTPS server', () => {
  it('answers normally when its certificate is trusted (the fixture is right)', async () => {
    const server = await https('valid')
    await expect(client(server, trustingTheCa()).listConversations()).resolves.toEqual([])
    expect(server.requests).toBe(1)
  })

  it("with a certificate this computer does not trust: 'not trusted', tried once, nothing sent", async () => {
    const server = await https('valid')
    // Node's fetch with its own CA list: the throw-away root is in none.
    const error = await expectApiFailure(client(server, fetch).listConversations(), KEY)
    expect(error.kind).toBe('certificate')
    expect(error.message).toMatch(/^The server's certificate is not trusted: 127\.0\.0\.1:\d+ sent/)
    expect(error.details).toMatchObject({ cause: 'cert_untrusted', networkCode: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' })
    // listConversations is idempotent (retried on network errors), but a certificate is never retried.
    expect(server.connections).toBe(1)
    expect(server.requests).toBe(0)
    // What the renderer gets: the cause and host for its translated sentence.
    expect(toBridgeError(error)).toMatchObject({
      kind: 'certificate',
      cause: 'cert_untrusted',
      host: error.details.host,
    })
  })

  it("with an expired certificate: 'has expired'", async () => {
    const server = await https('expired')
    const error = await expectApiFailure(client(server, trustingTheCa()).listConversations(), KEY)
    expect(error.kind).toBe('certificate')
    expect(error.details).toMatchObject({ cause: 'cert_expired', networkCode: 'CERT_HAS_EXPIRED' })
    expect(error.message).toMatch(/^The server's certificate has expired/)
    expect(server.connections).toBe(1)
  })

  it('with a certificate for another name: names the mismatch', async () => {
    const server = await https('otherName')
    const error = await expectApiFailure(client(server, trustingTheCa()).sendReply('chat-1', 'hello'), KEY)
    expect(error.details).toMatchObject({ cause: 'cert_name_mismatch', networkCode: 'ERR_TLS_CERT_ALTNAME_INVALID' })
    // A reply: the handshake failed before the request, so it was certainly not sent.
    expect(error.details.ambiguous).toBe(false)
    expect(server.requests).toBe(0)
  })
})

/** A TCP "proxy" that does `onConnection` with each socket. */
async function startProxy(onConnection: (socket: Socket) => void) {
  const server: TcpServer = createTcpServer(onConnection)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = `127.0.0.1:${(server.address() as AddressInfo).port}`
  let connections = 0
  server.on('connection', () => connections++)
  const handle = {
    address,
    connections: () => connections,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
  servers.push(handle)
  return handle
}

const throughProxy = (address: string) =>
  fetchWith(new ProxyAgent({ uri: `http://${address}`, requestTls: { ca: certificates.ca } }))

// A proxy that accepts and at once closes the connection is not here: undici's ProxyAgent opens the CONNECT
// again and again until the call's timeout (949 connections in 3 s, undici 7.30), so under Node's fetch it
// reads as a timeout. Chromium reports it as ERR_PROXY_CONNECTION_FAILED (transport-errors.test.ts).
describe('a real local proxy', () => {
  it("that nothing listens on: 'Your proxy refused the connection', retried like any refused socket", async () => {
    const proxy = await startProxy(() => undefined)
    const address = proxy.address
    await proxy.close()
    const server = await https('valid')
    const error = await expectApiFailure(client(server, throughProxy(address), address).listConversations(), KEY)
    expect(error.kind).toBe('proxy')
    expect(error.message).toMatch(/^Your proxy refused the connection to 127\.0\.0\.1:\d+\./)
    expect(error.details.cause).toBe('proxy_refused')
    expect(server.connections).toBe(0)
  })

  it('that answers the CONNECT with 407: asks for a sign-in, not retried', async () => {
    const proxy = await startProxy((socket) =>
      socket.once('data', () =>
        socket.end(
          'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp"\r\nContent-Length: 0\r\n\r\n',
        ),
      ),
    )
    const server = await https('valid')
    const error = await expectApiFailure(client(server, throughProxy(proxy.address)).listConversations(), KEY)
    expect(error.kind).toBe('proxy')
    expect(error.details.cause).toBe('proxy_auth_required')
    expect(error.message).toMatch(/^Your proxy asks for a sign-in/)
    expect(proxy.connections()).toBe(1)
  })

  it('that answers the CONNECT with 502: could not reach the server', async () => {
    const proxy = await startProxy((socket) =>
      socket.once('data', () => socket.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n')),
    )
    const server = await https('valid')
    const error = await expectApiFailure(client(server, throughProxy(proxy.address)).sendReply('chat-1', 'hi'), KEY)
    expect(error.kind).toBe('proxy')
    expect(error.details).toMatchObject({ cause: 'proxy_tunnel_failed', ambiguous: false })
  })

  it("a 407 answer: under Node's fetch a bare network error (the Fetch spec); handed back as a response, a proxy sign-in", async () => {
    const server = createHttpServer((_req, res) => {
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="corp"', 'content-type': 'text/html' })
      res.end('<html>Sign in to the proxy</html>')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    servers.push({ close: () => new Promise<void>((resolve) => server.close(() => resolve())) })
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const overNode = createInboxClient({ baseUrl, apiKey: KEY, fetch, sleep: async () => undefined })
    expect((await expectApiFailure(overNode.listConversations(), KEY)).kind).toBe('network')
    // Electron's net.fetch hands the 407 back when nobody answers its 'login' event (cannot run here): a
    // fetch that returns that answer stands in for it.
    const handedBack: typeof fetch = async () =>
      new Response('<html>Sign in to the proxy</html>', { status: 407, headers: { 'content-type': 'text/html' } })
    const overElectron = createInboxClient({ baseUrl, apiKey: KEY, fetch: handedBack, sleep: async () => undefined })
    const error = await expectApiFailure(overElectron.listConversations(), KEY)
    expect(error.kind).toBe('proxy')
    expect(error.details).toMatchObject({ status: 407, cause: 'proxy_auth_required' })
  })
})
