/**
 * Test support for the sync engine, outbox and notify tests: a real sandbox
 * over HTTP, the real API client, a real `conf` store in a temp folder, and
 * recorders for the engine's outputs. Not shipped: only *.test.ts import it.
 */
import Conf from 'conf'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SANDBOX_ACCOUNTS, startSandbox, type RunningSandbox, type SandboxOptions } from '../../sandbox'
import type { Conversation } from '../../shared/api/schemas'
import type { EventChannel } from '../../shared/ipc/channels'
import type { EventPayloads } from '../../shared/ipc/contract'
import { createInboxClient } from '../api'
import type { InboxApi } from '../ports/inbox-api'

export interface LoggedRequest {
  method: string
  path: string
  query: string
  status: number
  bytes: number
  account: string | null
  at: string
  dropped?: boolean
  fault?: { status?: number; delayMs?: number; retryAfter?: number; mode?: string }
}

export interface SandboxHarness {
  sandbox: RunningSandbox
  control(method: string, path: string, body?: unknown): Promise<unknown>
  reset(seed?: unknown): Promise<void>
  faults(...rules: Record<string, unknown>[]): Promise<void>
  clearFaults(): Promise<void>
  requestLog(): Promise<LoggedRequest[]>
  inbound(chatId: string, text: string): Promise<{ chatId: string; messageId: number }>
  /** A client with the acme key; `apiKey` for another. No retries unless asked: tests count requests. */
  client(options?: { apiKey?: string; timeoutMs?: number; retries?: number }): InboxApi
  close(): Promise<void>
}

export const ACME_KEY = SANDBOX_ACCOUNTS.acme.apiKey

export async function startSandboxHarness(options: SandboxOptions = {}): Promise<SandboxHarness> {
  const sandbox = await startSandbox({ port: 0, seed: 'demo', ...options })
  const control = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(sandbox.url + path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${await response.text()}`)
    return response.status === 204 ? null : response.json()
  }
  return {
    sandbox,
    control,
    reset: async (seed = 'demo') => {
      await control('POST', '/_sandbox/reset', { seed })
    },
    faults: async (...rules) => {
      await control('POST', '/_sandbox/faults', { rules })
    },
    clearFaults: async () => {
      await control('DELETE', '/_sandbox/faults')
    },
    requestLog: async () => ((await control('GET', '/_sandbox/requests')) as { data: LoggedRequest[] }).data,
    inbound: async (chatId, text) =>
      (await control('POST', '/_sandbox/inbound', { apiKey: ACME_KEY, chatId, text })) as {
        chatId: string
        messageId: number
      },
    client: ({ apiKey = ACME_KEY, timeoutMs, retries = 1 } = {}) =>
      createInboxClient({
        baseUrl: sandbox.url,
        apiKey,
        fetch: globalThis.fetch,
        timeoutMs,
        retry: { attempts: retries, baseDelayMs: 5, maxDelayMs: 20 },
      }),
    close: () => sandbox.close(),
  }
}

/** A fresh `conf` store in a temp folder (the app uses electron-store, a subclass). */
export function tempStore<T extends Record<string, unknown>>(): { store: Conf<T>; dir: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'inbox-desk-store-'))
  return {
    store: new Conf<T>({ cwd: dir, projectName: 't' }),
    dir,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  }
}

/** Another handle on the same file: what the app sees after a restart. */
export function reopenStore<T extends Record<string, unknown>>(dir: string): Conf<T> {
  return new Conf<T>({ cwd: dir, projectName: 't' })
}

export type RecordedEvent = { [E in EventChannel]: { event: E; payload: EventPayloads[E] } }[EventChannel]

export function eventRecorder() {
  const events: RecordedEvent[] = []
  const emit = <E extends EventChannel>(event: E, payload: EventPayloads[E]) => {
    events.push({ event, payload } as RecordedEvent)
  }
  const of = <E extends EventChannel>(event: E): EventPayloads[E][] =>
    events.filter((e) => e.event === event).map((e) => e.payload as EventPayloads[E])
  return { events, emit, of }
}

export async function findConversation(api: InboxApi, predicate: (c: Conversation) => boolean): Promise<Conversation> {
  const conversation = (await api.listConversations({ archived: 'any' })).find(predicate)
  if (!conversation) throw new Error('the demo seed has no matching conversation')
  return conversation
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
