/**
 * The demo seed, over HTTP: what a new user sees first must look like a real
 * support inbox and carry the awkward texts a client must handle.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Conversation, Message, User } from '../../src/shared/api/schemas'
import { ACME_KEY, GLOBEX_KEY, ms, startHarness, type SandboxHarness } from './harness'

let sandbox: SandboxHarness
const accounts: Record<string, { conversations: Conversation[]; users: User[]; messages: Message[] }> = {}

beforeAll(async () => {
  sandbox = await startHarness()
  for (const key of [ACME_KEY, GLOBEX_KEY]) {
    const conversations = await sandbox.conversations('archived=any', key)
    const messages: Message[] = []
    for (const c of conversations) {
      let page = await sandbox.messages(c.id, '', key)
      messages.push(...page.data)
      while (page.hasMore) {
        page = await sandbox.messages(c.id, `idFrom=${page.data.at(-1)!.id + 1}`, key)
        messages.push(...page.data)
      }
    }
    accounts[key] = { conversations, users: await sandbox.users(key), messages }
  }
})
afterAll(() => sandbox.close())

describe.each([
  ['Acme Support', ACME_KEY],
  ['Globex Care', GLOBEX_KEY],
])('%s', (_name, key) => {
  const data = () => accounts[key]!

  it('has at least 40 conversations over WhatsApp, RCS and SMS', () => {
    expect(data().conversations.length).toBeGreaterThanOrEqual(40)
    expect(new Set(data().conversations.map((c) => c.channel.type))).toEqual(new Set(['whatsapp', 'rcs', 'sms']))
  })

  it('has 4 to 8 assignable users with on-machine avatars', () => {
    const { users } = data()
    expect(users.length).toBeGreaterThanOrEqual(4)
    expect(users.length).toBeLessThanOrEqual(8)
    for (const user of users) {
      if (user.avatarUrl) expect(user.avatarUrl).toMatch(/^data:image\/svg\+xml;base64,/)
    }
    expect(users.some((u) => u.avatarUrl)).toBe(true)
  })

  it('mixes unread, assigned, unassigned and archived conversations', () => {
    const { conversations } = data()
    expect(conversations.some((c) => c.unreadCount > 0)).toBe(true)
    expect(conversations.some((c) => c.unreadCount === 0)).toBe(true)
    expect(conversations.some((c) => c.assignee !== null)).toBe(true)
    expect(conversations.some((c) => c.assignee === null)).toBe(true)
    expect(conversations.some((c) => c.archived)).toBe(true)
    expect(conversations.some((c) => !c.archived)).toBe(true)
  })

  it('has E.164 numbers, and some contacts without a name', () => {
    const { conversations } = data()
    expect(conversations.every((c) => /^\+[1-9]\d{6,14}$/.test(c.contact.phoneNumber ?? ''))).toBe(true)
    expect(conversations.some((c) => c.contact.name === '')).toBe(true)
  })

  it('has a WhatsApp conversation whose last inbound is more than 24 hours old', () => {
    const now = Date.now()
    expect(
      data().conversations.some(
        (c) =>
          c.channel.type === 'whatsapp' && c.lastInboundDate !== null && now - ms(c.lastInboundDate) > 24 * 3600_000,
      ),
    ).toBe(true)
  })

  it('has a conversation with more than 250 messages', () => {
    const counts = new Map<string, number>()
    for (const m of data().messages) counts.set(m.chatId, (counts.get(m.chatId) ?? 0) + 1)
    expect(Math.max(...counts.values())).toBeGreaterThan(250)
  })

  it('has texts with emoji, right-to-left script, URLs, HTML-looking text and long paragraphs', () => {
    const texts = data().messages.map((m) => m.content.text)
    expect(texts.some((t) => /\p{Extended_Pictographic}/u.test(t))).toBe(true)
    expect(texts.some((t) => /[\u0590-\u05FF\u0600-\u06FF]/.test(t))).toBe(true)
    expect(texts.some((t) => /https?:\/\/\S+/.test(t))).toBe(true)
    expect(texts.some((t) => t.includes('<b>'))).toBe(true)
    expect(texts.some((t) => t.length > 400)).toBe(true)
  })

  it("outbound seed replies carry an authorId of the account's users", () => {
    const userIds = new Set(data().users.map((u) => u.id))
    const outbound = data().messages.filter((m) => m.direction === 'outbound')
    expect(outbound.length).toBeGreaterThan(0)
    expect(outbound.every((m) => m.authorId && userIds.has(m.authorId))).toBe(true)
  })

  it('has dates in the past, consistent with each conversation', () => {
    const now = Date.now()
    for (const c of data().conversations) {
      expect(ms(c.lastMessageDate)).toBeLessThanOrEqual(now)
      expect(ms(c.createdDate)).toBeLessThanOrEqual(ms(c.lastMessageDate))
      expect(ms(c.updatedDate)).toBeGreaterThanOrEqual(ms(c.lastMessageDate))
    }
  })
})

it('Acme shows a reply that failed because the WhatsApp window had closed', () => {
  const failed = accounts[ACME_KEY]!.messages.filter((m) => m.status === 'failed')
  expect(failed.length).toBeGreaterThan(0)
  expect(failed.every((m) => m.direction === 'outbound' && m.error?.code === 'reply_window_closed')).toBe(true)
})

it('a <script> text appears in Acme and an HTML <b> in Globex', () => {
  expect(accounts[ACME_KEY]!.messages.some((m) => m.content.text.includes('<script>alert(1)</script>'))).toBe(true)
  expect(accounts[GLOBEX_KEY]!.messages.some((m) => m.content.text.includes('<b>'))).toBe(true)
})

it('conversation, user and message ids are unique across accounts', () => {
  const acme = accounts[ACME_KEY]!
  const globex = accounts[GLOBEX_KEY]!
  const overlap = <T>(a: T[], b: T[]) => a.filter((x) => new Set(b).has(x))
  expect(
    overlap(
      acme.conversations.map((c) => c.id),
      globex.conversations.map((c) => c.id),
    ),
  ).toEqual([])
  expect(
    overlap(
      acme.users.map((u) => u.id),
      globex.users.map((u) => u.id),
    ),
  ).toEqual([])
  const allMessageIds = [...acme.messages, ...globex.messages].map((m) => m.id)
  expect(new Set(allMessageIds).size).toBe(allMessageIds.length)
  expect(allMessageIds.every((id) => Number.isInteger(id) && id > 0)).toBe(true)
})
