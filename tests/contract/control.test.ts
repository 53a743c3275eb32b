/**
 * The control routes (/_sandbox/*): reset (demo, empty, numeric), inbound,
 * clock. They need no API key. (faults and the request log: faults.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isLoopback } from '../../src/sandbox/http/app'
import { ACME_KEY, GLOBEX_KEY, ms, startHarness, type SandboxHarness } from './harness'

let sandbox: SandboxHarness

beforeAll(async () => {
  sandbox = await startHarness({ seed: 'empty' })
})
afterAll(() => sandbox.close())

async function postControl(path: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${sandbox.url}/_sandbox${path}`, { method: 'POST', body: JSON.stringify(body) })
  return { status: response.status, body: await response.json() }
}

describe('reset', () => {
  it('`empty` leaves no conversations but keeps the users', async () => {
    await sandbox.reset('demo')
    await sandbox.reset('empty')
    expect(await sandbox.conversations('archived=any')).toEqual([])
    expect(await sandbox.conversations('archived=any', GLOBEX_KEY)).toEqual([])
    expect((await sandbox.users()).length).toBeGreaterThanOrEqual(4)
  })

  it('the numeric form gives each account N active conversations of M messages', async () => {
    await sandbox.reset({ conversations: 30, messagesPerConversation: 4 })
    for (const key of [ACME_KEY, GLOBEX_KEY]) {
      const list = await sandbox.conversations('archived=any', key)
      expect(list).toHaveLength(30)
      expect(list.every((c) => !c.archived)).toBe(true)
      const page = await sandbox.messages(list[0]!.id, '', key)
      expect(page.data).toHaveLength(4)
    }
  })

  it('`demo` is deterministic: same ids, texts and users every time', async () => {
    const snapshot = async () => {
      await sandbox.reset('demo')
      const acme = await sandbox.conversations('archived=any&orderBy=createdDate')
      const globex = await sandbox.conversations('archived=any&orderBy=createdDate', GLOBEX_KEY)
      return {
        conversations: [...acme, ...globex].map((c) => [
          c.id,
          c.contact.name,
          c.lastMessage?.id,
          c.lastMessage?.preview,
        ]),
        users: await sandbox.users(),
      }
    }
    expect(await snapshot()).toEqual(await snapshot())
  })

  it.each([
    [{ seed: 'big' }],
    [{ seed: { conversations: -1, messagesPerConversation: 3 } }],
    [{}],
    [{ seed: 'demo', x: 1 }],
  ])('%j is a 400', async (body) => {
    expect((await postControl('/reset', body)).status).toBe(400)
  })
})

describe('inbound', () => {
  it('without chatId creates a conversation (201), and the same contact writes into it again', async () => {
    await sandbox.reset('empty')
    const first = await postControl('/inbound', {
      apiKey: ACME_KEY,
      channelId: 'ch_acme_rcs',
      contact: { name: 'Ines Costa', phoneNumber: '+351911111111' },
      text: 'Olá!',
    })
    expect(first.status).toBe(201)
    const { chatId, messageId } = first.body as { chatId: string; messageId: number }
    expect(messageId).toBeGreaterThan(0)
    const [conversation] = await sandbox.conversations()
    expect(conversation).toMatchObject({
      id: chatId,
      channel: { id: 'ch_acme_rcs', type: 'rcs' },
      contact: { name: 'Ines Costa', phoneNumber: '+351911111111' },
      unreadCount: 1,
      archived: false,
      assignee: null,
      lastMessage: { id: messageId, direction: 'inbound', preview: 'Olá!' },
    })
    const again = await sandbox.inbound({
      apiKey: ACME_KEY,
      channelId: 'ch_acme_rcs',
      contact: { name: 'Ines Costa', phoneNumber: '+351911111111' },
      text: 'Tudo bem?',
    })
    expect(again.chatId).toBe(chatId)
    expect(again.messageId).toBeGreaterThan(messageId)
    expect((await sandbox.conversation(chatId)).unreadCount).toBe(2)
    // Only this account sees it.
    expect(await sandbox.conversations('', GLOBEX_KEY)).toEqual([])
  })

  it('cuts the preview at 140 characters', async () => {
    const text = 'Ä'.repeat(100) + '😀'.repeat(100)
    const { chatId } = await sandbox.inbound({
      apiKey: ACME_KEY,
      channelId: 'ch_acme_sms',
      contact: { name: '', phoneNumber: '+12025550100' },
      text,
    })
    const conversation = await sandbox.conversation(chatId)
    expect(Array.from(conversation.lastMessage!.preview)).toHaveLength(140)
    expect(text.startsWith(conversation.lastMessage!.preview)).toBe(true)
    expect((await sandbox.messages(chatId, `idTo=${conversation.lastMessage!.id}`)).data.at(-1)!.content.text).toBe(
      text,
    )
  })

  it.each([
    [{ apiKey: 'sandbox-acme-key', chatId: 'chat_99999', text: 'hi' }, 404],
    [{ apiKey: 'nobody', chatId: 'chat_00001', text: 'hi' }, 404],
    [
      { apiKey: 'sandbox-acme-key', channelId: 'ch_globex_wa', contact: { phoneNumber: '+14155550100' }, text: 'hi' },
      404,
    ],
    [{ apiKey: 'sandbox-acme-key', chatId: 'chat_00001', text: '' }, 400],
    [{ apiKey: 'sandbox-acme-key', channelId: 'ch_acme_wa', contact: { phoneNumber: '12345' }, text: 'hi' }, 400],
    [{ apiKey: 'sandbox-acme-key', text: 'hi' }, 400],
  ])('%j → %i', async (body, status) => {
    const answer = await postControl('/inbound', body)
    expect(answer.status).toBe(status)
    expect(answer.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } })
  })
})

describe('clock', () => {
  it('moves the sandbox clock forward: new messages carry the later time', async () => {
    await sandbox.reset('empty')
    const before = Date.now()
    await sandbox.advanceClock(3 * 24 * 3600_000)
    const { chatId } = await sandbox.inbound({
      apiKey: ACME_KEY,
      channelId: 'ch_acme_wa',
      contact: { name: 'Time Traveller', phoneNumber: '+14155550199' },
      text: 'from the future',
    })
    const conversation = await sandbox.conversation(chatId)
    expect(ms(conversation.lastMessageDate) - before).toBeGreaterThanOrEqual(3 * 24 * 3600_000)
  })

  it.each([[{ advanceMs: -5 }], [{ advanceMs: 'soon' }], [{}]])('%j is a 400', async (body) => {
    expect((await postControl('/clock', body)).status).toBe(400)
  })
})

describe('control routes', () => {
  it('need no API key and are not API routes (an unknown one is a 404 JSON)', async () => {
    const response = await fetch(`${sandbox.url}/_sandbox/unknown`)
    expect(response.status).toBe(404)
    expect(await response.json()).toMatchObject({ error: { code: 'not_found' } })
  })
})

describe('loopback check of the control routes', () => {
  // The sandbox only listens on loopback here, so the refusal itself cannot be sent over HTTP
  // from this machine without leaving the loopback range; the address check is tested directly.
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.5', false],
    ['192.168.1.20', false],
    ['::ffff:192.168.1.20', false],
    ['fe80::1', false],
    [undefined, false],
  ])('%s → %s', (address, expected) => {
    expect(isLoopback(address)).toBe(expected)
  })
})
