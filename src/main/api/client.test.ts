/**
 * The API client against the real sandbox over HTTP (Node's fetch): every
 * operation, and every error mapping driven by the sandbox's fault rules,
 * with the request log as the witness of what was (re)sent.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { expectApiFailure } from '../testing/api-failure'
import { SANDBOX_ACCOUNTS, startSandbox, type RunningSandbox } from '../../sandbox'
import { expectMatchesContract } from '../../../tests/contract/openapi'
import type { Conversation } from '../../shared/api/schemas'
import { ApiError, type InboxApi } from '../ports/inbox-api'
import { createInboxClient, type InboxClientOptions } from './client'
import { toBridgeError } from '../ports/errors'

const KEY = SANDBOX_ACCOUNTS.acme.apiKey

interface LoggedRequest {
  method: string
  path: string
  query: string
  status: number
  dropped?: boolean
}

/** Raw answers, for the contract check (the client hands back parsed data only). */
interface Recording {
  method: string
  path: string
  status: number
  body: unknown
  headers: Headers
}

let sandbox: RunningSandbox
let recordings: Recording[] = []

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 'demo' })
})
afterAll(async () => {
  await sandbox.close()
})
beforeEach(async () => {
  recordings = []
  await control('POST', '/_sandbox/reset', { seed: 'demo' })
})

async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(sandbox.url + path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  expect(response.ok, `${method} ${path} → ${response.status}`).toBe(true)
  return response.status === 204 ? null : response.json()
}

const faults = (...rules: Record<string, unknown>[]) => control('POST', '/_sandbox/faults', { rules })
const requestLog = async () => ((await control('GET', '/_sandbox/requests')) as { data: LoggedRequest[] }).data

const recordingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init)
  const text = await response.clone().text()
  let body: unknown = undefined
  if (text.length > 0) {
    try {
      body = JSON.parse(text)
    } catch {
      body = text // kept as text: the contract check then reports it
    }
  }
  recordings.push({
    method: init?.method ?? 'GET',
    path: new URL(String(input)).pathname,
    status: response.status,
    body,
    headers: response.headers,
  })
  return response
}

function client(overrides: Partial<InboxClientOptions> = {}): InboxApi {
  return createInboxClient({
    baseUrl: sandbox.url,
    apiKey: KEY,
    fetch: recordingFetch,
    retry: { attempts: 4, baseDelayMs: 5, maxDelayMs: 20 },
    ...overrides,
  })
}

function checkContract(operationId: string) {
  const last = recordings.at(-1)
  expect(last, `a response was recorded for ${operationId}`).toBeDefined()
  if (last) expectMatchesContract(operationId, last.status, last.body, last.headers)
}

const failure = (promise: Promise<unknown>): Promise<ApiError> => expectApiFailure(promise, KEY)

async function someConversation(api: InboxApi, predicate: (c: Conversation) => boolean = () => true) {
  const conversation = (await api.listConversations()).find(predicate)
  if (!conversation) throw new Error('the demo seed has no matching conversation')
  return conversation
}

describe('every operation against the sandbox', () => {
  it('listConversations, with each filter', async () => {
    const api = client()
    const active = await api.listConversations()
    checkContract('listConversations')
    expect(active.length).toBeGreaterThan(0)
    expect(active.every((c) => !c.archived)).toBe(true)

    const archived = await api.listConversations({ archived: 'true' })
    checkContract('listConversations')
    expect(archived.length).toBeGreaterThan(0)
    expect(archived.every((c) => c.archived)).toBe(true)
    const everything = await api.listConversations({ archived: 'any' })
    expect(everything.length).toBe(active.length + archived.length)
    expect(everything.length).toBeGreaterThanOrEqual(40)

    const unread = await api.listConversations({ unreadOnly: true })
    expect(unread.length).toBeGreaterThan(0)
    expect(unread.every((c) => c.unreadCount > 0)).toBe(true)

    const channelId = active[0]!.channel.id
    const onChannel = await api.listConversations({ channelIds: [channelId] })
    expect(onChannel.length).toBeGreaterThan(0)
    expect(onChannel.every((c) => c.channel.id === channelId)).toBe(true)
    const twoChannels = [...new Set(active.map((c) => c.channel.id))].slice(0, 2)
    const onTwo = await api.listConversations({ channelIds: twoChannels })
    expect(new Set(onTwo.map((c) => c.channel.id))).toEqual(new Set(twoChannels))

    const ascending = await api.listConversations({ orderBy: '+lastMessageDate' })
    const dates = ascending.map((c) => Date.parse(c.lastMessageDate))
    expect(dates).toEqual([...dates].sort((a, b) => a - b))
    const descending = await api.listConversations({ orderBy: '-lastMessageDate' })
    expect(descending.map((c) => c.id)).toEqual([...ascending].reverse().map((c) => c.id))

    const newest = descending[0]!.updatedDate
    const after = await api.listConversations({ dateFrom: newest, archived: 'any' })
    expect(after.every((c) => Date.parse(c.updatedDate) > Date.parse(newest))).toBe(true)
  })

  it('getMessages: the oldest page, the newest page via idTo, newer via idFrom', async () => {
    const api = client()
    const long = await someConversation(api, (c) => (c.lastMessage?.id ?? 0) > 0)
    const oldest = await api.getMessages(long.id)
    checkContract('getMessages')
    expect(oldest.data.length).toBeGreaterThan(0)
    const newest = await api.getMessages(long.id, { idTo: long.lastMessage!.id })
    checkContract('getMessages')
    expect(newest.data.at(-1)?.id).toBe(long.lastMessage!.id)
    const fromFirst = await api.getMessages(long.id, { idFrom: oldest.data[0]!.id })
    expect(fromFirst.data[0]?.id).toBe(oldest.data[0]!.id)
  })

  it('sendReply is accepted (202, queued) and appears in the thread', async () => {
    const api = client()
    const target = await someConversation(api, (c) => c.channel.type !== 'whatsapp')
    const accepted = await api.sendReply(target.id, 'Thanks, we are on it 👍')
    checkContract('sendReply')
    expect(accepted.status).toBe('queued')
    const page = await api.getMessages(target.id, { idFrom: accepted.messageId })
    expect(page.data[0]).toMatchObject({ id: accepted.messageId, direction: 'outbound' })
    expect(page.data[0]?.content.text).toBe('Thanks, we are on it 👍')
  })

  it('a reply of 3,000 emoji (6,000 UTF-16 units, 3,000 characters) is sent; 4,097 characters are refused unsent', async () => {
    const api = client()
    const target = await someConversation(api, (c) => c.channel.type !== 'whatsapp')
    const accepted = await api.sendReply(target.id, '👍'.repeat(3000))
    checkContract('sendReply')
    expect(accepted.status).toBe('queued')
    const posts = () => recordings.filter((r) => r.method === 'POST').length
    const before = posts()
    const refused = await api.sendReply(target.id, '👍'.repeat(4097)).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(ApiError)
    expect((refused as ApiError).message).toContain('this one has 4097')
    expect(posts()).toBe(before)
  })

  it('markRead, archive, unarchive', async () => {
    const api = client()
    const unread = await someConversation(api, (c) => c.unreadCount > 0)
    await api.markRead(unread.id)
    checkContract('markRead')
    const afterRead = (await api.listConversations({ archived: 'any' })).find((c) => c.id === unread.id)
    expect(afterRead?.unreadCount).toBe(0)

    await api.archive(unread.id)
    checkContract('archiveConversation')
    expect((await api.listConversations({ archived: 'true' })).some((c) => c.id === unread.id)).toBe(true)
    await api.unarchive(unread.id)
    checkContract('unarchiveConversation')
    expect((await api.listConversations()).some((c) => c.id === unread.id)).toBe(true)
  })

  it('listAssignableUsers, assign, unassign', async () => {
    const api = client()
    const users = await api.listAssignableUsers()
    checkContract('listAssignableUsers')
    expect(users.length).toBeGreaterThanOrEqual(4)
    const target = await someConversation(api)
    await api.assign(target.id, users[1]!.id)
    checkContract('assignConversation')
    let current = (await api.listConversations({ archived: 'any' })).find((c) => c.id === target.id)
    expect(current?.assignee?.id).toBe(users[1]!.id)
    await api.unassign(target.id)
    checkContract('unassignConversation')
    current = (await api.listConversations({ archived: 'any' })).find((c) => c.id === target.id)
    expect(current?.assignee).toBeNull()
  })

  it('works with a trailing slash on the base URL', async () => {
    const users = await client({ baseUrl: `${sandbox.url}/` }).listAssignableUsers()
    expect(users.length).toBeGreaterThan(0)
  })
})

describe('error mappings, driven by fault rules', () => {
  it('401: a wrong key → unauthorized, asking for a new key', async () => {
    const error = await failure(client({ apiKey: 'not-the-key-000' }).listConversations())
    expect(error.kind).toBe('unauthorized')
    expect(error.message).toMatch(/needs a new key/)
    checkContract('listConversations')
    expect(toBridgeError(error)).toMatchObject({ kind: 'unauthorized' })
  })

  it('404: an unknown conversation → not_found', async () => {
    const api = client()
    for (const call of [() => api.getMessages('no-such-chat'), () => api.markRead('no-such-chat')]) {
      const error = await failure(call())
      expect(error.kind).toBe('not_found')
      expect(error.message).toMatch(/no longer exists/)
    }
    checkContract('markRead')
  })

  it('404: assigning to a user of another account', async () => {
    const api = client()
    const target = await someConversation(api)
    const globexUsers = await client({ apiKey: SANDBOX_ACCOUNTS.globex.apiKey }).listAssignableUsers()
    const error = await failure(api.assign(target.id, globexUsers[0]!.id))
    expect(error.kind).toBe('not_found')
    expect(error.message).toMatch(/team member/)
  })

  it('400 → bad_request with the server message', async () => {
    const api = client()
    const target = await someConversation(api)
    await faults({ method: 'POST', path: `/conversations/${target.id}/assignee`, status: 400, times: 1 })
    const error = await failure(api.assign(target.id, 'u1'))
    expect(error.kind).toBe('bad_request')
    expect(error.details.serverMessage).toMatch(/Injected fault/)
    expect(error.message).toContain(error.details.serverMessage!)
    expect(toBridgeError(error).detail).toContain('HTTP 400')
    // A 400 is not transient: sent once.
    expect((await requestLog()).filter((r) => r.method === 'POST')).toHaveLength(1)
  })

  it('429 → rate_limited with Retry-After, not retried', async () => {
    await faults({ method: 'GET', path: '/conversations', status: 429, retryAfter: 7, times: 1 })
    const error = await failure(client().listConversations())
    expect(error.kind).toBe('rate_limited')
    expect(error.details.retryAfterMs).toBe(7000)
    expect(error.message).toMatch(/7 seconds/)
    expect(await requestLog()).toHaveLength(1)
  })

  it('the sandbox rate limit answers 429 with Retry-After', async () => {
    const limited = await startSandbox({ port: 0, seed: 'empty', rateLimit: 1 })
    try {
      const api = createInboxClient({ baseUrl: limited.url, apiKey: KEY, fetch })
      const results = await Promise.allSettled([1, 2, 3, 4].map(() => api.listAssignableUsers()))
      const limitedError = results.find((r) => r.status === 'rejected')
      expect(limitedError, 'one of four requests in a burst is limited').toBeDefined()
      const reason = (limitedError as PromiseRejectedResult).reason as ApiError
      expect(reason.kind).toBe('rate_limited')
      expect(reason.details.retryAfterMs).toBeGreaterThan(0)
    } finally {
      await limited.close()
    }
  })

  it('502 twice → retried, then succeeds; the log shows the retries', async () => {
    await faults({ method: 'GET', path: '/conversations/assignable-users', status: 502, times: 2 })
    const users = await client().listAssignableUsers()
    expect(users.length).toBeGreaterThan(0)
    const log = await requestLog()
    expect(log.map((r) => r.status)).toEqual([502, 502, 200])
  })

  it('503 on an idempotent PATCH is retried too', async () => {
    const api = client()
    const target = await someConversation(api)
    await faults({ method: 'PATCH', path: `/conversations/${target.id}/archive`, status: 503, times: 1 })
    await api.archive(target.id)
    const patches = (await requestLog()).filter((r) => r.method === 'PATCH')
    expect(patches.map((r) => r.status)).toEqual([503, 204])
  })

  it('502 persisting → unavailable after the configured attempts', async () => {
    await faults({ method: 'GET', path: '/conversations/assignable-users', status: 502 })
    const error = await failure(client().listAssignableUsers())
    expect(error.kind).toBe('unavailable')
    expect(error.message).toMatch(/Try again/)
    expect(await requestLog()).toHaveLength(4)
  })

  it('sendReply under 502 is NOT retried: exactly one POST', async () => {
    const api = client()
    const target = await someConversation(api)
    await faults({ method: 'POST', path: '/conversations/reply', status: 502 })
    const error = await failure(api.sendReply(target.id, 'Hello'))
    expect(error.kind).toBe('unavailable')
    const posts = (await requestLog()).filter((r) => r.method === 'POST')
    expect(posts).toHaveLength(1)
  })

  it('drop-after-commit on sendReply → network, ambiguous, and the reply did land', async () => {
    const api = client()
    const target = await someConversation(api, (c) => c.channel.type !== 'whatsapp')
    await faults({ method: 'POST', path: '/conversations/reply', mode: 'drop-after-commit', times: 1 })
    const error = await failure(api.sendReply(target.id, 'Did this arrive?'))
    expect(error.kind).toBe('network')
    expect(error.details.ambiguous).toBe(true)
    expect(error.message).toMatch(/may or may not have been sent/)
    expect((await requestLog()).filter((r) => r.method === 'POST')).toHaveLength(1)
    const after = (await api.listConversations()).find((c) => c.id === target.id)
    const thread = await api.getMessages(target.id, { idTo: after!.lastMessage!.id })
    expect(thread.data.at(-1)?.content.text).toBe('Did this arrive?')
  })

  it('drop-after-commit on an idempotent call is retried and succeeds', async () => {
    const api = client()
    const target = await someConversation(api, (c) => c.unreadCount > 0)
    await faults({ method: 'PATCH', path: `/conversations/${target.id}/read`, mode: 'drop-after-commit', times: 1 })
    await api.markRead(target.id)
    expect((await requestLog()).filter((r) => r.method === 'PATCH')).toHaveLength(2)
  })

  it('delayMs beyond a short timeout → timeout', async () => {
    await faults({ method: 'GET', path: '/conversations', delayMs: 1500, times: 1 })
    const error = await failure(client({ timeoutMs: 200 }).listConversations())
    expect(error.kind).toBe('timeout')
    expect(error.details.ambiguous).toBe(false)
    expect(error.message).toMatch(/did not answer within 0.2 seconds/)
  })

  it('a reply that times out is ambiguous', async () => {
    const api = client({ timeoutMs: 200 })
    const target = await someConversation(client())
    await faults({ method: 'POST', path: '/conversations/reply', delayMs: 1500, times: 1 })
    const error = await failure(api.sendReply(target.id, 'Slow one'))
    expect(error.kind).toBe('timeout')
    expect(error.details.ambiguous).toBe(true)
  })
})
