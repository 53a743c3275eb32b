/**
 * The bridge refuses oversized and path-like values before any handler sees
 * them (issue 9 §4): each case here once reached settings.json, the outbox or
 * the focus tracker unbounded.
 */
import { describe, expect, it } from 'vitest'
import { invokeContract, settingsPatchSchema } from './contract'

const huge = 'u'.repeat(10 * 1024 * 1024)
const accepts = (schema: { safeParse(v: unknown): { success: boolean } }, value: unknown) =>
  schema.safeParse(value).success

describe('every string over the bridge is bounded', () => {
  it.each([
    ['updateSettings meUserId', settingsPatchSchema, { meUserId: huge }],
    ['sendReply clientId', invokeContract.sendReply.args, { chatId: 'chat_1', clientId: 'c'.repeat(65), text: 'hi' }],
    ['retryOutboxEntry clientId', invokeContract.retryOutboxEntry.args, { clientId: huge }],
    ['discardOutboxEntry clientId', invokeContract.discardOutboxEntry.args, { clientId: huge }],
    ['setFocusedConversation chatId', invokeContract.setFocusedConversation.args, { chatId: huge }],
    ['listConversations channelIds item', invokeContract.listConversations.args, { channelIds: ['c'.repeat(201)] }],
    ['getMessages idFrom past 2^53 − 1', invokeContract.getMessages.args, { chatId: 'chat_1', idFrom: 2 ** 53 }],
    ['assign userId', invokeContract.assign.args, { chatId: 'chat_1', userId: huge }],
  ])('%s: a 10 MB or over-bound value is refused', (_name, schema, value) => {
    expect(accepts(schema, value)).toBe(false)
  })

  it.each([
    ['markRead', { chatId: '.' }],
    ['markRead', { chatId: '..' }],
    ['setFocusedConversation', { chatId: '..' }],
    ['assign', { chatId: 'chat_1', userId: '.' }],
    ['listConversations', { channelIds: ['..'] }],
  ] as const)('%s refuses . and .. as ids (%j)', (channel, value) => {
    expect(accepts(invokeContract[channel].args, value)).toBe(false)
  })

  it('a channel id cannot smuggle a second one in with a comma or a space', () => {
    expect(accepts(invokeContract.listConversations.args, { channelIds: ['ch_a,ch_b'] })).toBe(false)
    expect(accepts(invokeContract.listConversations.args, { channelIds: ['ch_a ch_b'] })).toBe(false)
    expect(accepts(invokeContract.listConversations.args, { channelIds: ['ch_a', 'ch_b'] })).toBe(true)
  })

  it('ordinary values still pass', () => {
    expect(accepts(settingsPatchSchema, { meUserId: 'usr_acme_maya' })).toBe(true)
    expect(accepts(settingsPatchSchema, { meUserId: null })).toBe(true)
    expect(
      accepts(invokeContract.sendReply.args, {
        chatId: 'chat_1',
        clientId: '1b4e28ba-2fa1-11d2-883f-0016d3cca427',
        text: '👍'.repeat(4096),
      }),
    ).toBe(true)
    expect(accepts(invokeContract.setFocusedConversation.args, { chatId: null })).toBe(true)
    expect(accepts(invokeContract.getMessages.args, { chatId: 'chat_1', idTo: 2 ** 53 - 1 })).toBe(true)
    expect(
      accepts(invokeContract.listConversations.args, { orderBy: '+updatedDate', dateFrom: '2026-11-24t09:15:02z' }),
    ).toBe(true)
  })

  it('a reply is counted in characters: 4,096 emoji pass, 4,097 do not', () => {
    const reply = (text: string) => ({ chatId: 'chat_1', clientId: 'client-0001', text })
    expect(accepts(invokeContract.sendReply.args, reply('👍'.repeat(4096)))).toBe(true)
    expect(accepts(invokeContract.sendReply.args, reply('👍'.repeat(4097)))).toBe(false)
  })

  it('a reply with a saved reply field still in it is refused; lone braces are not fields', () => {
    const reply = (text: string) => ({ chatId: 'chat_1', clientId: 'client-0001', text })
    expect(accepts(invokeContract.sendReply.args, reply('Hi {{contact.name}}'))).toBe(false)
    expect(accepts(invokeContract.sendReply.args, reply('Order {{ ?Order number }} ships'))).toBe(false)
    expect(accepts(invokeContract.sendReply.args, reply('Hi {{nonsense}}'))).toBe(false)
    expect(accepts(invokeContract.sendReply.args, reply('a { b } {{ c'))).toBe(true)
  })
})
