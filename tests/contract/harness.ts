/**
 * A real sandbox on a free loopback port, and typed helpers that talk to it
 * over HTTP. Every API answer goes through the contract check
 * (./openapi.ts) before a test sees it.
 */
import {
  listConversationsResponseSchema,
  listUsersResponseSchema,
  messagesPageSchema,
  type Conversation,
  type MessagesPage,
  type User,
} from '../../src/shared/api/schemas'
import { SANDBOX_ACCOUNTS, startSandbox, type RunningSandbox, type SandboxOptions } from '../../src/sandbox/index'
import type { RequestLogEntry, SeedSpec } from '../../src/sandbox/world'
import { contract, expectResponseMatchesContract } from './openapi'

export const ACME_KEY = SANDBOX_ACCOUNTS.acme.apiKey
export const GLOBEX_KEY = SANDBOX_ACCOUNTS.globex.apiKey

export interface ApiAnswer {
  status: number
  body: unknown
  headers: Headers
}

export interface RequestOptions {
  /** The X-API-Key; null sends none. Default: Acme's key. */
  key?: string | null
  /** Fills `{chatId}` in the operation's path. */
  chatId?: string
  /** The raw query string, sent as is (so a test can send an unencoded `+`). */
  query?: string
  /** Serialized as JSON. */
  body?: unknown
  /** Sent as is instead of `body`. */
  rawBody?: string | Uint8Array
}

export class SandboxHarness {
  constructor(readonly sandbox: RunningSandbox) {}

  get url(): string {
    return this.sandbox.url
  }

  close(): Promise<void> {
    return this.sandbox.close()
  }

  /** Calls an operation of the contract by its operationId; the answer is checked against the contract. */
  async call(operationId: string, options: RequestOptions = {}): Promise<ApiAnswer> {
    const operation = contract().operation(operationId)
    const path = operation.path.replace('{chatId}', encodeURIComponent(options.chatId ?? ''))
    const response = await this.fetchRaw(operation.method, path, options)
    const body = await expectResponseMatchesContract(operationId, response)
    return { status: response.status, body, headers: response.headers }
  }

  /** A request outside the contract's operations (unknown routes, ...); nothing is checked here. */
  fetchRaw(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
    const headers: Record<string, string> = {}
    const key = options.key === undefined ? ACME_KEY : options.key
    if (key !== null) headers['x-api-key'] = key
    let body: string | Uint8Array | undefined
    if (options.rawBody !== undefined) body = options.rawBody
    else if (options.body !== undefined) body = JSON.stringify(options.body)
    if (body !== undefined) headers['content-type'] = 'application/json'
    const query = options.query ? `?${options.query}` : ''
    return fetch(`${this.url}${path}${query}`, { method, headers, body })
  }

  async conversations(query = '', key: string = ACME_KEY): Promise<Conversation[]> {
    const answer = await this.call('listConversations', { key, query })
    if (answer.status !== 200)
      throw new Error(`listConversations ${query} → ${answer.status} ${JSON.stringify(answer.body)}`)
    return listConversationsResponseSchema.parse(answer.body).data
  }

  async conversation(chatId: string, key: string = ACME_KEY): Promise<Conversation> {
    const found = (await this.conversations('archived=any', key)).find((c) => c.id === chatId)
    if (!found) throw new Error(`conversation ${chatId} not in the list`)
    return found
  }

  async messages(chatId: string, query = '', key: string = ACME_KEY): Promise<MessagesPage> {
    const answer = await this.call('getMessages', { key, chatId, query })
    if (answer.status !== 200)
      throw new Error(`getMessages ${chatId}?${query} → ${answer.status} ${JSON.stringify(answer.body)}`)
    return messagesPageSchema.parse(answer.body)
  }

  async users(key: string = ACME_KEY): Promise<User[]> {
    const answer = await this.call('listAssignableUsers', { key })
    if (answer.status !== 200) throw new Error(`listAssignableUsers → ${answer.status}`)
    return listUsersResponseSchema.parse(answer.body).data
  }

  /** A control route; throws unless it answers 2xx. */
  async control(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.url}/_sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    if (!response.ok) throw new Error(`${method} /_sandbox${path} → ${response.status} ${text}`)
    return text === '' ? undefined : (JSON.parse(text) as unknown)
  }

  reset(seed: SeedSpec = 'demo'): Promise<unknown> {
    return this.control('POST', '/reset', { seed })
  }

  async inbound(body: Record<string, unknown>): Promise<{ chatId: string; messageId: number }> {
    return (await this.control('POST', '/inbound', body)) as { chatId: string; messageId: number }
  }

  advanceClock(advanceMs: number): Promise<unknown> {
    return this.control('POST', '/clock', { advanceMs })
  }

  async requestLog(): Promise<RequestLogEntry[]> {
    return ((await this.control('GET', '/requests')) as { data: RequestLogEntry[] }).data
  }
}

export async function startHarness(options: SandboxOptions = {}): Promise<SandboxHarness> {
  return new SandboxHarness(await startSandbox({ port: 0, ...options }))
}

/** Ids must be compared as timestamps, not strings. */
export function ms(iso: string | null | undefined): number {
  if (!iso) throw new Error('expected a timestamp')
  return Date.parse(iso)
}
