/**
 * Fault rules (502, 429, delay, rate, drop-after-commit), the rate limit, and
 * the request log.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ACME_KEY, GLOBEX_KEY, startHarness, type SandboxHarness } from './harness'

let sandbox: SandboxHarness

beforeAll(async () => {
  sandbox = await startHarness({ deliveryMs: 10 * 60_000 })
})
beforeEach(() => sandbox.reset('demo'))
afterAll(() => sandbox.close())

function addFaults(rules: unknown[]): Promise<unknown> {
  return sandbox.control('POST', '/faults', { rules })
}

describe('502 fault', () => {
  it('fails the matching operation `times` times, then it works again', async () => {
    await addFaults([{ method: 'GET', path: '/conversations/assignable-users', status: 502, times: 2 }])
    for (let i = 0; i < 2; i++) {
      const failed = await sandbox.call('listAssignableUsers')
      expect(failed.status).toBe(502)
      expect(failed.body).toMatchObject({ error: { code: 'bad_gateway' } })
    }
    expect((await sandbox.call('listAssignableUsers')).status).toBe(200)
  })

  it('applies before the key check', async () => {
    await addFaults([{ path: '/conversations/assignable-users', status: 502, times: 1 }])
    expect((await sandbox.call('listAssignableUsers', { key: null })).status).toBe(502)
    expect((await sandbox.call('listAssignableUsers', { key: null })).status).toBe(401)
  })

  it('matches the exact path and the method only', async () => {
    await addFaults([{ method: 'POST', path: '/conversations/assignable-users', status: 502 }])
    expect((await sandbox.call('listAssignableUsers')).status).toBe(200)
    await sandbox.control('DELETE', '/faults')
    await addFaults([{ path: '/conversations/assignable', status: 502 }])
    expect((await sandbox.call('listAssignableUsers')).status).toBe(200)
  })

  it('without times or rate fails every match until DELETE /_sandbox/faults', async () => {
    await addFaults([{ path: '/conversations/assignable-users', status: 502 }])
    for (let i = 0; i < 3; i++) expect((await sandbox.call('listAssignableUsers')).status).toBe(502)
    await sandbox.control('DELETE', '/faults')
    expect((await sandbox.call('listAssignableUsers')).status).toBe(200)
  })

  it('rate 1 always fires and rate 0 never does', async () => {
    await addFaults([{ path: '/conversations/assignable-users', status: 502, rate: 0 }])
    expect((await sandbox.call('listAssignableUsers')).status).toBe(200)
    await addFaults([{ path: '/conversations/assignable-users', status: 502, rate: 1 }])
    expect((await sandbox.call('listAssignableUsers')).status).toBe(502)
  })

  it('reset clears the rules', async () => {
    await addFaults([{ path: '/conversations/assignable-users', status: 502 }])
    await sandbox.reset('demo')
    expect((await sandbox.call('listAssignableUsers')).status).toBe(200)
  })
})

describe('429', () => {
  it('a 429 fault sends Retry-After with the given seconds', async () => {
    await addFaults([{ method: 'GET', path: '/conversations', status: 429, retryAfter: 7, times: 1 }])
    const limited = await sandbox.call('listConversations')
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('7')
    expect(limited.body).toMatchObject({ error: { code: 'rate_limited' } })
    expect((await sandbox.call('listConversations')).status).toBe(200)
  })

  it('a 429 fault without retryAfter still sends a Retry-After', async () => {
    await addFaults([{ path: '/conversations', status: 429, times: 1 }])
    const limited = await sandbox.call('listConversations')
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
  })

  it('the rate limit answers 429 with Retry-After per key, leaving other keys alone', async () => {
    const limited = await startHarness({ rateLimit: 1 })
    try {
      const statuses: number[] = []
      for (let i = 0; i < 8; i++) {
        const answer = await limited.call('listAssignableUsers', { key: ACME_KEY })
        statuses.push(answer.status)
        if (answer.status === 429) expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
      }
      expect(statuses).toContain(429)
      expect(statuses[0]).toBe(200)
      expect((await limited.call('listAssignableUsers', { key: GLOBEX_KEY })).status).toBe(200)
    } finally {
      await limited.close()
    }
  })
})

describe('delayMs', () => {
  it('alone only delays: the answer is the normal one', async () => {
    await addFaults([{ path: '/conversations/assignable-users', delayMs: 50, times: 1 }])
    const answer = await sandbox.call('listAssignableUsers')
    expect(answer.status).toBe(200)
  })
})

describe('drop-after-commit', () => {
  it('does the work, then destroys the socket without answering', async () => {
    const chat = (await sandbox.conversations())[0]!
    await addFaults([{ method: 'POST', path: '/conversations/reply', mode: 'drop-after-commit', times: 1 }])
    await expect(
      sandbox.fetchRaw('POST', '/conversations/reply', {
        body: { chatId: chat.id, content: { type: 'text', text: 'Did this arrive?' } },
      }),
    ).rejects.toThrow()
    // The reply was committed although the client never heard back.
    const page = await sandbox.messages(chat.id, `idFrom=${chat.lastMessage!.id + 1}`)
    expect(page.data.map((m) => m.content.text)).toEqual(['Did this arrive?'])
    const log = await sandbox.requestLog()
    expect(log.find((entry) => entry.path === '/conversations/reply')).toMatchObject({ status: 202, dropped: true })
    // The server is fine afterwards.
    expect((await sandbox.call('listConversations')).status).toBe(200)
  })
})

describe('fault rule validation', () => {
  it.each([
    [{ rules: [] }],
    [{ rules: [{ path: 'no-slash', status: 502 }] }],
    [{ rules: [{ path: '/conversations' }] }],
    [{ rules: [{ path: '/conversations', status: 502, mode: 'drop-after-commit' }] }],
    [{ rules: [{ path: '/conversations', status: 200 }] }],
    [{ rules: [{ path: '/conversations', status: 502, rate: 2 }] }],
  ])('%j is a 400', async (body) => {
    const response = await fetch(`${sandbox.url}/_sandbox/faults`, { method: 'POST', body: JSON.stringify(body) })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ error: { code: 'bad_request' } })
  })
})

describe('the active rules', () => {
  it('GET /_sandbox/faults lists the active rules; a times rule says what remains and is gone once used up', async () => {
    const never = { method: 'POST', path: '/conversations/reply', status: 502, rate: 0 }
    const twice = { method: 'GET', path: '/conversations/assignable-users', delayMs: 1, times: 2 }
    await addFaults([never, twice])
    const active = async () => ((await sandbox.control('GET', '/faults')) as { rules: unknown[] }).rules
    expect(await active()).toEqual([never, { ...twice, remaining: 2 }])
    await sandbox.call('listAssignableUsers')
    expect(await active()).toEqual([never, { ...twice, remaining: 1 }])
    await sandbox.call('listAssignableUsers')
    expect(await active()).toEqual([never])
    await sandbox.control('DELETE', '/faults')
    expect(await active()).toEqual([])
  })
})

describe('request log', () => {
  it('lists API requests since reset with method, path, raw query, status, bytes, account and time', async () => {
    expect(await sandbox.requestLog()).toEqual([])
    const listed = await sandbox.call('listConversations', { query: 'orderBy=+updatedDate&unreadOnly=true' })
    await sandbox.call('listAssignableUsers', { key: GLOBEX_KEY })
    await sandbox.call('listConversations', { key: null })
    await sandbox.advanceClock(1000) // a control route: not logged
    const log = await sandbox.requestLog()
    expect(log).toHaveLength(3)
    expect(log[0]).toMatchObject({
      method: 'GET',
      path: '/conversations',
      query: 'orderBy=+updatedDate&unreadOnly=true',
      status: 200,
      bytes: Buffer.byteLength(JSON.stringify(listed.body)),
      account: 'Acme Support',
    })
    expect(Number.isNaN(Date.parse(log[0]!.at))).toBe(false)
    expect(log[1]).toMatchObject({
      method: 'GET',
      path: '/conversations/assignable-users',
      status: 200,
      account: 'Globex Care',
    })
    expect(log[2]).toMatchObject({ path: '/conversations', status: 401, account: null })
  })

  it('logs faulted requests with the status they got', async () => {
    await addFaults([{ path: '/conversations/assignable-users', status: 502, times: 1 }])
    await sandbox.call('listAssignableUsers')
    expect((await sandbox.requestLog()).map((e) => e.status)).toEqual([502])
  })

  it('says which fault fired on each request (its effect, not how it was picked), and nothing on the others', async () => {
    const chat = (await sandbox.conversations())[0]!
    const reply = { body: { chatId: chat.id, content: { type: 'text', text: 'Faulted?' } } }
    await addFaults([
      { method: 'POST', path: '/conversations/reply', status: 502, retryAfter: 2, times: 1 },
      { method: 'POST', path: '/conversations/reply', mode: 'drop-after-commit', times: 1 },
      { method: 'POST', path: '/conversations/reply', mode: 'drop-before-commit', times: 1 },
      { method: 'POST', path: '/conversations/reply', mode: 'commit-then-delay', delayMs: 10, times: 1 },
      { method: 'POST', path: '/conversations/reply', delayMs: 10, rate: 1 },
    ])
    await sandbox.fetchRaw('POST', '/conversations/reply', reply)
    for (let i = 0; i < 2; i++) await expect(sandbox.fetchRaw('POST', '/conversations/reply', reply)).rejects.toThrow()
    await sandbox.fetchRaw('POST', '/conversations/reply', reply)
    await sandbox.fetchRaw('POST', '/conversations/reply', reply)
    await sandbox.control('DELETE', '/faults')
    await sandbox.fetchRaw('POST', '/conversations/reply', reply)
    const log = (await sandbox.requestLog()).filter((entry) => entry.path === '/conversations/reply')
    expect(log.map((entry) => entry.fault ?? null)).toEqual([
      { status: 502, retryAfter: 2 },
      { mode: 'drop-after-commit' },
      { mode: 'drop-before-commit' },
      { mode: 'commit-then-delay', delayMs: 10 },
      { delayMs: 10 },
      null,
    ])
    expect(log.map((entry) => entry.status)).toEqual([502, 202, 500, 202, 202, 202])
  })

  it('lists requests in the order they arrived, even when a held one is answered after those behind it', async () => {
    const active = async () => ((await sandbox.control('GET', '/faults')) as { rules: unknown[] }).rules
    // Held until the next request has come and gone: the rule is used up as soon as the first one arrives.
    await addFaults([{ method: 'GET', path: '/conversations/assignable-users', delayMs: 3_000, times: 1 }])
    const held = sandbox.call('listAssignableUsers')
    await expect.poll(active).toEqual([])
    await sandbox.call('listConversations')
    await held
    expect((await sandbox.requestLog()).map((entry) => entry.path)).toEqual([
      '/conversations/assignable-users',
      '/conversations',
    ])
  })

  it('is cleared by reset', async () => {
    await sandbox.call('listConversations')
    expect((await sandbox.requestLog()).length).toBe(1)
    await sandbox.reset('demo')
    expect(await sandbox.requestLog()).toEqual([])
  })
})
