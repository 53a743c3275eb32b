/**
 * The contract checker (./openapi.ts) itself: it must reject what the
 * contract forbids, or every other test's "matches the contract" means nothing.
 */
import { describe, expect, it } from 'vitest'
import { contract, expectErrorBody, expectMatchesContract, expectResponseMatchesContract } from './openapi'

describe('expectMatchesContract', () => {
  it('knows all nine operations', () => {
    expect([...contract().operations.keys()].sort()).toEqual(
      [
        'archiveConversation',
        'assignConversation',
        'getMessages',
        'listAssignableUsers',
        'listConversations',
        'markRead',
        'sendReply',
        'unarchiveConversation',
        'unassignConversation',
      ].sort(),
    )
  })

  it('accepts a valid body and rejects a broken one, resolving component refs', () => {
    expect(() => expectMatchesContract('listConversations', 200, { data: [] })).not.toThrow()
    expect(() => expectMatchesContract('listConversations', 200, { data: [{ id: 'chat_1' }] })).toThrow(/channel/)
  })

  it('rejects a status the operation does not document', () => {
    expect(() => expectMatchesContract('markRead', 400, { error: { code: 'x', message: 'y' } })).toThrow(
      /not a documented/,
    )
  })

  it('resolves response refs (#/components/responses/...) to the Error schema', () => {
    expect(() =>
      expectMatchesContract('getMessages', 404, { error: { code: 'not_found', message: 'no' } }),
    ).not.toThrow()
    expect(() => expectMatchesContract('getMessages', 404, { message: 'no' })).toThrow()
  })

  it('requires an empty body for 204 and a body where a schema is declared', () => {
    expect(() => expectMatchesContract('markRead', 204, undefined)).not.toThrow()
    expect(() => expectMatchesContract('markRead', 204, { ok: true })).toThrow(/no body/)
    expect(() => expectMatchesContract('sendReply', 202, undefined)).toThrow(/JSON body/)
  })

  it('requires an integer Retry-After on 429', () => {
    const body = { error: { code: 'rate_limited', message: 'slow down' } }
    expect(() => expectMatchesContract('listConversations', 429, body, { 'retry-after': '3' })).not.toThrow()
    expect(() => expectMatchesContract('listConversations', 429, body, {})).toThrow(/Retry-After/)
    expect(() => expectMatchesContract('listConversations', 429, body, new Headers({ 'Retry-After': 'soon' }))).toThrow(
      /integer/,
    )
    expect(() => expectMatchesContract('listConversations', 429, body)).toThrow(/headers/)
  })

  it('checks formats (date-time)', () => {
    const page = {
      data: [
        {
          id: 1,
          chatId: 'c',
          direction: 'inbound',
          date: 'last tuesday',
          content: { type: 'text', text: 'x' },
          status: 'received',
        },
      ],
      hasMore: false,
    }
    expect(() => expectMatchesContract('getMessages', 200, page)).toThrow(/date-time/)
  })

  it('throws on an unknown operationId', () => {
    expect(() => expectMatchesContract('deleteEverything', 200, {})).toThrow(/no operation/)
  })
})

describe('expectResponseMatchesContract', () => {
  it('reads a fetch Response and returns its parsed body', async () => {
    const response = new Response(JSON.stringify({ messageId: 3, status: 'queued' }), { status: 202 })
    expect(await expectResponseMatchesContract('sendReply', response)).toEqual({ messageId: 3, status: 'queued' })
  })

  it('rejects a body that is not JSON', async () => {
    await expect(expectResponseMatchesContract('sendReply', new Response('<html>', { status: 202 }))).rejects.toThrow(
      /not JSON/,
    )
  })
})

describe('expectErrorBody', () => {
  it('accepts the Error shape only', () => {
    expect(() => expectErrorBody({ error: { code: 'not_found', message: 'x' } })).not.toThrow()
    expect(() => expectErrorBody({ error: 'not_found' })).toThrow()
  })
})
