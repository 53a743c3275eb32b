/**
 * The sandbox Inbox API server: a real HTTP server on loopback that
 * implements docs/inbox-api.yaml with demo data and a simulated world.
 *
 * Started by `npm run sandbox` (./cli.ts), by the Electron main process for
 * the demo workspace, and by tests. Never imports electron; reads no files at
 * run time (the seed is TypeScript), so it bundles into main as is.
 */
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { createAdaptorServer } from '@hono/node-server'
import { SANDBOX_ACCOUNTS, type SandboxAccount } from './accounts'
import { SandboxClock } from './clock'
import { createSandboxApp } from './http/app'
import { SandboxWorld } from './world'

export { SANDBOX_ACCOUNTS, type SandboxAccount } from './accounts'
export type { FaultRule } from './faults'
export type { LoggedFault, RequestLogEntry } from './world'

export interface SandboxOptions {
  /** 0 (default) = a free port. */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  /** Default 'demo'. */
  seed?: 'demo' | 'empty'
  /** One delivery step (queued → sent → delivered → read) every this many ms; default 1500. */
  deliveryMs?: number
  /** Requests a second per key, then 429 with Retry-After; default no limit. */
  rateLimit?: number
  /** Simulated inbound messages a minute; default 0. */
  trafficPerMinute?: number
  /** Default: nothing (the CLI passes stderr). */
  log?: (line: string) => void
}

export interface RunningSandbox {
  url: string
  port: number
  accounts: SandboxAccount[]
  close(): Promise<void>
}

const DEFAULT_DELIVERY_MS = 1500
/** Request line plus headers; past it Node answers a bare 400 (see the clientError handler). */
export const MAX_HEADER_BYTES = 64 * 1024

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const log = options.log ?? (() => undefined)
  const host = options.host ?? '127.0.0.1'
  const deliveryMs = options.deliveryMs ?? DEFAULT_DELIVERY_MS
  if (!(Number.isFinite(deliveryMs) && deliveryMs > 0))
    throw new RangeError(`deliveryMs must be > 0, got ${deliveryMs}`)
  if (options.rateLimit !== undefined && !(options.rateLimit > 0)) {
    throw new RangeError(`rateLimit must be > 0 when given, got ${options.rateLimit}`)
  }
  const world = new SandboxWorld(new SandboxClock(), {
    deliveryMs,
    rateLimit: options.rateLimit,
    trafficPerMinute: options.trafficPerMinute ?? 0,
    log,
  })
  world.reset(options.seed ?? 'demo')
  const app = createSandboxApp(world, log)
  // 64 KiB of request line and headers (Node's default is 16): the contract's longest query (channelIds of
  // 4,096 characters, percent-encoded, next to the other filters) must reach the route and get its JSON answer.
  const server = createAdaptorServer({
    fetch: app.fetch,
    serverOptions: { maxHeaderSize: MAX_HEADER_BYTES },
  }) as Server
  // A malformed HTTP request must never take the process down: answer 400 and drop that socket.
  server.on('clientError', (error, socket) => {
    log(`client error: ${error.message}`)
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
    else socket.destroy()
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
  const url = `http://${urlHost}:${address.port}`
  world.startTraffic()
  log(`sandbox listening on ${url}`)

  let closing: Promise<void> | undefined
  return {
    url,
    port: address.port,
    accounts: [SANDBOX_ACCOUNTS.acme, SANDBOX_ACCOUNTS.globex].map((a) => ({ ...a })),
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        world.stop()
        server.close((error) => (error ? reject(error) : resolve()))
        // Keep-alive sockets would hold close() open for seconds.
        server.closeAllConnections()
      })
      return closing
    },
  }
}
