/**
 * GET /conversations/{chatId}/messages: every paging case (inclusive bounds,
 * at most 100 a page, idTo alone = the last 100 <= idTo, both bounds = from
 * idFrom, hasMore per direction).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Conversation, Message } from '../../src/shared/api/schemas'
import { ACME_KEY, startHarness, type SandboxHarness } from './harness'

let sandbox: SandboxHarness
let long: Conversation
/** Every message of the long thread, oldest first, gathered page by page. */
let thread: Message[]
let ids: number[]

beforeAll(async () => {
  sandbox = await startHarness()
  // The demo seed's business customer has a thread of more than 250 messages.
  const all = await sandbox.conversations('archived=any')
  const found = all.find((c) => c.contact.name === 'Müller Gastro GmbH')
  if (!found) throw new Error('the demo seed lost its long thread')
  long = found
  thread = []
  let page = await sandbox.messages(long.id)
  thread.push(...page.data)
  while (page.hasMore) {
    page = await sandbox.messages(long.id, `idFrom=${thread[thread.length - 1]!.id + 1}`)
    thread.push(...page.data)
  }
  ids = thread.map((m) => m.id)
})
afterAll(() => sandbox.close())

function idsOf(page: { data: Message[] }): number[] {
  return page.data.map((m) => m.id)
}

describe('the thread', () => {
  it('is longer than 250 messages, ascending by id, all of this conversation', () => {
    expect(thread.length).toBeGreaterThan(250)
    for (let i = 1; i < ids.length; i++) expect(ids[i]!).toBeGreaterThan(ids[i - 1]!)
    expect(thread.every((m) => m.chatId === long.id)).toBe(true)
    expect(ids[ids.length - 1]).toBe(long.lastMessage!.id)
  })

  it('dates ascend with ids', () => {
    for (let i = 1; i < thread.length; i++) {
      expect(Date.parse(thread[i]!.date)).toBeGreaterThanOrEqual(Date.parse(thread[i - 1]!.date))
    }
  })
})

describe('neither bound', () => {
  it('gives the oldest 100 and hasMore', async () => {
    const page = await sandbox.messages(long.id)
    expect(idsOf(page)).toEqual(ids.slice(0, 100))
    expect(page.hasMore).toBe(true)
  })

  it('gives a short thread whole, without hasMore', async () => {
    const short = (await sandbox.conversations()).find((c) => c.id !== long.id)!
    const page = await sandbox.messages(short.id)
    expect(page.data.length).toBeGreaterThan(0)
    expect(page.data.length).toBeLessThan(100)
    expect(page.data[page.data.length - 1]!.id).toBe(short.lastMessage!.id)
    expect(page.hasMore).toBe(false)
  })
})

describe('idFrom (load newer)', () => {
  it('is inclusive: the page starts at idFrom', async () => {
    const page = await sandbox.messages(long.id, `idFrom=${ids[120]}`)
    expect(idsOf(page)).toEqual(ids.slice(120, 220))
    expect(page.hasMore).toBe(true)
  })

  it('with an id between messages starts at the next existing one', async () => {
    // Message ids are global: a message elsewhere in between leaves a gap in this thread's ids.
    const [short, other] = (await sandbox.conversations()).filter((c) => c.id !== long.id)
    const lastBefore = short!.lastMessage!.id
    const elsewhere = await sandbox.inbound({ apiKey: ACME_KEY, chatId: other!.id, text: 'in between' })
    const mine = await sandbox.inbound({ apiKey: ACME_KEY, chatId: short!.id, text: 'after the gap' })
    expect(elsewhere.messageId).toBeGreaterThan(lastBefore)
    expect(mine.messageId).toBeGreaterThan(elsewhere.messageId)
    const page = await sandbox.messages(short!.id, `idFrom=${elsewhere.messageId}`)
    expect(idsOf(page)).toEqual([mine.messageId])
    const before = await sandbox.messages(short!.id, `idTo=${elsewhere.messageId}`)
    expect(before.data[before.data.length - 1]!.id).toBe(lastBefore)
  })

  it('hasMore is false on the last page', async () => {
    const page = await sandbox.messages(long.id, `idFrom=${ids[ids.length - 30]}`)
    expect(idsOf(page)).toEqual(ids.slice(-30))
    expect(page.hasMore).toBe(false)
  })

  it('hasMore is false when exactly 100 remain', async () => {
    const page = await sandbox.messages(long.id, `idFrom=${ids[ids.length - 100]}`)
    expect(page.data).toHaveLength(100)
    expect(page.hasMore).toBe(false)
  })

  it('beyond the newest gives an empty page', async () => {
    const page = await sandbox.messages(long.id, `idFrom=${ids[ids.length - 1]! + 1_000_000}`)
    expect(page).toEqual({ data: [], hasMore: false })
  })
})

describe('idTo alone (load older, or the newest page)', () => {
  it("with the conversation's lastMessage.id gives the newest 100, hasMore true", async () => {
    const page = await sandbox.messages(long.id, `idTo=${long.lastMessage!.id}`)
    expect(idsOf(page)).toEqual(ids.slice(-100))
    expect(page.hasMore).toBe(true)
  })

  it('is inclusive: the page ends at idTo', async () => {
    const page = await sandbox.messages(long.id, `idTo=${ids[180]}`)
    expect(idsOf(page)).toEqual(ids.slice(81, 181))
    expect(page.hasMore).toBe(true)
  })

  it('near the start gives what is left and hasMore false', async () => {
    const page = await sandbox.messages(long.id, `idTo=${ids[49]}`)
    expect(idsOf(page)).toEqual(ids.slice(0, 50))
    expect(page.hasMore).toBe(false)
  })

  it('hasMore is false when exactly 100 are left', async () => {
    const page = await sandbox.messages(long.id, `idTo=${ids[99]}`)
    expect(page.data).toHaveLength(100)
    expect(page.hasMore).toBe(false)
  })

  it('walking backwards from the newest page rebuilds the whole thread without gaps or repeats', async () => {
    const collected: number[] = []
    let page = await sandbox.messages(long.id, `idTo=${long.lastMessage!.id}`)
    collected.unshift(...idsOf(page))
    while (page.hasMore) {
      page = await sandbox.messages(long.id, `idTo=${collected[0]! - 1}`)
      collected.unshift(...idsOf(page))
    }
    expect(collected).toEqual(ids)
  })
})

describe('both bounds', () => {
  it('gives [idFrom, idTo] inclusive when it fits in a page', async () => {
    const page = await sandbox.messages(long.id, `idFrom=${ids[10]}&idTo=${ids[20]}`)
    expect(idsOf(page)).toEqual(ids.slice(10, 21))
    expect(page.hasMore).toBe(false)
  })

  it('gives at most 100 from idFrom, and hasMore when more are inside the range', async () => {
    const page = await sandbox.messages(long.id, `idFrom=${ids[0]}&idTo=${ids[250]}`)
    expect(idsOf(page)).toEqual(ids.slice(0, 100))
    expect(page.hasMore).toBe(true)
    const next = await sandbox.messages(long.id, `idFrom=${ids[200]}&idTo=${ids[250]}`)
    expect(idsOf(next)).toEqual(ids.slice(200, 251))
    expect(next.hasMore).toBe(false)
  })

  it('hasMore is false when the range holds exactly 100', async () => {
    const page = await sandbox.messages(long.id, `idFrom=${ids[5]}&idTo=${ids[104]}`)
    expect(page.data).toHaveLength(100)
    expect(page.hasMore).toBe(false)
  })

  it('a single id gives that message', async () => {
    const page = await sandbox.messages(long.id, `idFrom=${ids[42]}&idTo=${ids[42]}`)
    expect(idsOf(page)).toEqual([ids[42]])
  })

  it('idFrom above idTo gives an empty page', async () => {
    const page = await sandbox.messages(long.id, `idFrom=${ids[50]}&idTo=${ids[40]}`)
    expect(page).toEqual({ data: [], hasMore: false })
  })
})

describe('errors', () => {
  it.each([['idFrom=0'], ['idFrom=-3'], ['idTo=abc'], ['idFrom=1.5'], ['idTo='], ['limit=10'], ['idFrom=1&idFrom=2']])(
    '%s is a 400',
    async (query) => {
      const answer = await sandbox.call('getMessages', { chatId: long.id, query })
      expect(answer.status).toBe(400)
    },
  )

  it('an unknown conversation is a 404', async () => {
    const answer = await sandbox.call('getMessages', { chatId: 'chat_does_not_exist' })
    expect(answer.status).toBe(404)
    expect(answer.body).toMatchObject({ error: { code: 'not_found' } })
  })
})
