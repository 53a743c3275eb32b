/**
 * POST /conversations/reply: 202, the status progression
 * queued → sent → delivered → read, and the WhatsApp 24-hour window judged
 * at acceptance on the sandbox clock.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  sendReplyResponseSchema,
  type Message,
  type SeenMessageStatus as MessageStatus,
} from '../../src/shared/api/schemas'
import { ACME_KEY, GLOBEX_KEY, ms, startHarness, type SandboxHarness } from './harness'

const DAY = 24 * 3600_000
const ORDER: MessageStatus[] = ['queued', 'sent', 'delivered', 'read']

let fast: SandboxHarness
/** Delivery so slow that nothing moves during a test: shows the state right after acceptance. */
let frozen: SandboxHarness

beforeAll(async () => {
  fast = await startHarness({ deliveryMs: 40 })
  frozen = await startHarness({ deliveryMs: 10 * 60_000 })
})
afterAll(async () => {
  await fast.close()
  await frozen.close()
})

async function reply(sandbox: SandboxHarness, chatId: string, text: string, key = ACME_KEY): Promise<number> {
  const answer = await sandbox.call('sendReply', { key, body: { chatId, content: { type: 'text', text } } })
  expect(answer.status).toBe(202)
  const body = sendReplyResponseSchema.parse(answer.body)
  expect(body.status).toBe('queued')
  return body.messageId
}

async function findMessage(
  sandbox: SandboxHarness,
  chatId: string,
  messageId: number,
  key = ACME_KEY,
): Promise<Message> {
  const page = await sandbox.messages(chatId, `idFrom=${messageId}&idTo=${messageId}`, key)
  const message = page.data[0]
  if (!message) throw new Error(`message ${messageId} not in ${chatId}`)
  return message
}

/** Polls until the message reaches a final status; returns every distinct status seen, in order. */
async function watchUntilFinal(
  sandbox: SandboxHarness,
  chatId: string,
  messageId: number,
): Promise<{ seen: MessageStatus[]; last: Message }> {
  const seen: MessageStatus[] = []
  let last: Message | undefined
  await expect
    .poll(
      async () => {
        last = await findMessage(sandbox, chatId, messageId)
        if (seen[seen.length - 1] !== last.status) seen.push(last.status)
        return last.status
      },
      { timeout: 10_000, interval: 5 },
    )
    .toMatch(/^(read|failed)$/)
  return { seen, last: last! }
}

async function newWhatsAppConversation(sandbox: SandboxHarness, phone: string): Promise<string> {
  const { chatId } = await sandbox.inbound({
    apiKey: ACME_KEY,
    channelId: 'ch_acme_wa',
    contact: { name: 'Window Tester', phoneNumber: phone },
    text: 'Hello, I have a question',
  })
  return chatId
}

describe('accepting a reply', () => {
  beforeEach(() => frozen.reset('demo'))

  it('answers 202 {messageId, status: queued} and the message is in the thread as queued, outbound', async () => {
    const chat = (await frozen.conversations()).find((c) => c.channel.type === 'rcs')!
    const messageId = await reply(frozen, chat.id, 'Thanks, we are on it!')
    expect(messageId).toBeGreaterThan(chat.lastMessage!.id)
    const message = await findMessage(frozen, chat.id, messageId)
    expect(message).toMatchObject({
      id: messageId,
      chatId: chat.id,
      direction: 'outbound',
      status: 'queued',
      content: { type: 'text', text: 'Thanks, we are on it!' },
    })
    const after = await frozen.conversation(chat.id)
    expect(after.lastMessage).toMatchObject({ id: messageId, direction: 'outbound', preview: 'Thanks, we are on it!' })
    expect(ms(after.updatedDate)).toBeGreaterThan(ms(chat.updatedDate))
    expect(ms(after.lastMessageDate)).toBe(ms(message.date))
  })

  it('keeps text exactly as sent, HTML-looking, RTL and emoji included', async () => {
    const chat = (await frozen.conversations())[0]!
    const text = '<script>alert(1)</script> שלום مرحبا 👋🏽 & "quotes"'
    const messageId = await reply(frozen, chat.id, text)
    expect((await findMessage(frozen, chat.id, messageId)).content.text).toBe(text)
  })

  it('gives strictly increasing message ids, unique across accounts', async () => {
    const acmeChat = (await frozen.conversations('', ACME_KEY))[0]!.id
    const globexChat = (await frozen.conversations('', GLOBEX_KEY))[0]!.id
    const first = await reply(frozen, acmeChat, 'one')
    const second = await reply(frozen, globexChat, 'two', GLOBEX_KEY)
    const third = await reply(frozen, acmeChat, 'three')
    expect(second).toBeGreaterThan(first)
    expect(third).toBeGreaterThan(second)
  })

  it.each([
    ['missing content', { chatId: 'chat_00001' }],
    ['missing chatId', { content: { type: 'text', text: 'hi' } }],
    ['empty text', { chatId: 'chat_00001', content: { type: 'text', text: '' } }],
    ['text over 4096 characters', { chatId: 'chat_00001', content: { type: 'text', text: 'x'.repeat(4097) } }],
    ['a non-text type', { chatId: 'chat_00001', content: { type: 'image', text: 'hi' } }],
    ['an extra field', { chatId: 'chat_00001', content: { type: 'text', text: 'hi' }, priority: 'high' }],
    ['an array', [1, 2, 3]],
    ['a string', 'hello'],
  ])('%s is a 400', async (_name, body) => {
    const answer = await frozen.call('sendReply', { body })
    expect(answer.status).toBe(400)
    expect(answer.body).toMatchObject({ error: { code: 'bad_request' } })
  })

  it('an unknown conversation is a 404', async () => {
    const answer = await frozen.call('sendReply', {
      body: { chatId: 'chat_nope', content: { type: 'text', text: 'hi' } },
    })
    expect(answer.status).toBe(404)
  })

  it('accepts exactly 4096 characters', async () => {
    const chat = (await frozen.conversations())[0]!
    await reply(frozen, chat.id, 'y'.repeat(4096))
  })
})

describe('status progression', () => {
  beforeAll(() => fast.reset('empty'))

  it('moves queued → sent → delivered → read in order, each step moving updatedDate', async () => {
    const chatId = await newWhatsAppConversation(fast, '+14155550001')
    const messageId = await reply(fast, chatId, 'On its way!')
    // Watch (status, updatedDate) pairs until the reply is read.
    const observations: Array<{ status: MessageStatus; updatedDate: number }> = []
    await expect
      .poll(
        async () => {
          // A step changes status and updatedDate together; keep only looks where no step fell
          // between reading the conversation and the message (same updatedDate before and after).
          const before = await fast.conversation(chatId)
          const message = await findMessage(fast, chatId, messageId)
          const after = await fast.conversation(chatId)
          if (before.updatedDate === after.updatedDate) {
            observations.push({ status: message.status, updatedDate: ms(after.updatedDate) })
          }
          return message.status
        },
        { timeout: 10_000, interval: 5 },
      )
      .toBe('read')
    // Polling may miss a step, but never sees one out of order or a failure.
    const ranks = observations.map((o) => ORDER.indexOf(o.status))
    expect(ranks.every((rank) => rank >= 0)).toBe(true)
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
    // Whenever the status moved between two looks, updatedDate moved forward too.
    for (let i = 1; i < observations.length; i++) {
      const [before, after] = [observations[i - 1]!, observations[i]!]
      if (after.status !== before.status) expect(after.updatedDate).toBeGreaterThan(before.updatedDate)
      else expect(after.updatedDate).toBe(before.updatedDate)
    }
    const read = await findMessage(fast, chatId, messageId)
    expect(read.error ?? null).toBeNull()
  })

  it('every step is a change: dateFrom taken at acceptance sees the conversation again after delivery', async () => {
    const chatId = await newWhatsAppConversation(fast, '+14155550002')
    await reply(fast, chatId, 'Tracking number is ZX99812')
    const atAcceptance = (await fast.conversation(chatId)).updatedDate
    await expect
      .poll(async () => (await fast.conversations(`dateFrom=${encodeURIComponent(atAcceptance)}`)).map((c) => c.id), {
        timeout: 10_000,
        interval: 5,
      })
      .toContain(chatId)
  })
})

describe('the WhatsApp 24-hour window (sandbox clock)', () => {
  beforeEach(() => fast.reset('empty'))

  it('a reply within 24 hours of the last inbound is delivered', async () => {
    const chatId = await newWhatsAppConversation(fast, '+14155550010')
    await fast.advanceClock(DAY - 60_000)
    const messageId = await reply(fast, chatId, 'Still in time')
    expect((await watchUntilFinal(fast, chatId, messageId)).last.status).toBe('read')
  })

  it('a reply more than 24 hours after the last inbound is accepted (202) and then fails with reply_window_closed', async () => {
    const chatId = await newWhatsAppConversation(fast, '+14155550011')
    await fast.advanceClock(DAY + 60_000)
    const messageId = await reply(fast, chatId, 'Too late?')
    const { seen, last } = await watchUntilFinal(fast, chatId, messageId)
    expect(seen.every((s) => s === 'queued' || s === 'failed')).toBe(true)
    expect(last.status).toBe('failed')
    expect(last.error).toMatchObject({ code: 'reply_window_closed' })
  })

  it('a new inbound message opens the window again', async () => {
    const chatId = await newWhatsAppConversation(fast, '+14155550012')
    await fast.advanceClock(2 * DAY)
    await fast.inbound({ apiKey: ACME_KEY, chatId, text: 'Hello again' })
    const messageId = await reply(fast, chatId, 'Welcome back')
    expect((await watchUntilFinal(fast, chatId, messageId)).last.status).toBe('read')
  })

  it('is judged at acceptance: moving the clock after accepting does not fail the reply', async () => {
    const chatId = await newWhatsAppConversation(fast, '+14155550013')
    const messageId = await reply(fast, chatId, 'Accepted in time')
    await fast.advanceClock(3 * DAY)
    expect((await watchUntilFinal(fast, chatId, messageId)).last.status).toBe('read')
  })

  it('does not apply to SMS', async () => {
    const { chatId } = await fast.inbound({
      apiKey: ACME_KEY,
      channelId: 'ch_acme_sms',
      contact: { name: '', phoneNumber: '+14155550014' },
      text: 'hi',
    })
    await fast.advanceClock(3 * DAY)
    const messageId = await reply(fast, chatId, 'SMS has no window')
    expect((await watchUntilFinal(fast, chatId, messageId)).last.status).toBe('read')
  })

  it('the demo seed has a WhatsApp conversation whose window is already closed', async () => {
    await fast.reset('demo')
    const now = Date.now()
    const closed = (await fast.conversations('archived=any')).find(
      (c) => c.channel.type === 'whatsapp' && c.lastInboundDate !== null && now - ms(c.lastInboundDate) > DAY,
    )
    expect(closed).toBeDefined()
    const messageId = await reply(fast, closed!.id, 'Sorry for the late answer')
    expect((await watchUntilFinal(fast, closed!.id, messageId)).last.error).toMatchObject({
      code: 'reply_window_closed',
    })
  })
})
