/**
 * GET /conversations: every filter, every sort (with `+` sent unencoded),
 * dateFrom being strictly "after", and tenancy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { orderByFields, type Conversation } from '../../src/shared/api/schemas'
import { ACME_KEY, GLOBEX_KEY, ms, startHarness, type SandboxHarness } from './harness'

let sandbox: SandboxHarness

beforeAll(async () => {
  sandbox = await startHarness()
})
afterAll(() => sandbox.close())

function sortKey(c: Conversation, field: (typeof orderByFields)[number]): number {
  return field === 'unreadCount' ? c.unreadCount : ms(c[field])
}

function expectSorted(list: Conversation[], field: (typeof orderByFields)[number], descending: boolean): void {
  expect(list.length).toBeGreaterThan(1)
  for (let i = 1; i < list.length; i++) {
    const before = sortKey(list[i - 1]!, field)
    const after = sortKey(list[i]!, field)
    if (descending) expect(before).toBeGreaterThanOrEqual(after)
    else expect(before).toBeLessThanOrEqual(after)
  }
  // A sort that never changes anything would pass the loop above: the first and last must differ.
  expect(sortKey(list[0]!, field)).not.toBe(sortKey(list[list.length - 1]!, field))
}

describe('archived filter', () => {
  it('leaves archived conversations out by default, and `false` means the same', async () => {
    const byDefault = await sandbox.conversations()
    expect(byDefault.length).toBeGreaterThan(0)
    expect(byDefault.every((c) => !c.archived)).toBe(true)
    const explicit = await sandbox.conversations('archived=false')
    expect(explicit.map((c) => c.id)).toEqual(byDefault.map((c) => c.id))
  })

  it('`true` gives only archived ones and `any` gives both', async () => {
    const active = await sandbox.conversations('archived=false')
    const archived = await sandbox.conversations('archived=true')
    const any = await sandbox.conversations('archived=any')
    expect(archived.length).toBeGreaterThan(0)
    expect(archived.every((c) => c.archived)).toBe(true)
    expect(any.length).toBe(active.length + archived.length)
    expect(new Set(any.map((c) => c.id))).toEqual(new Set([...active, ...archived].map((c) => c.id)))
  })
})

describe('unreadOnly filter', () => {
  it('`true` gives only conversations with unreadCount > 0', async () => {
    const all = await sandbox.conversations()
    const unread = await sandbox.conversations('unreadOnly=true')
    expect(unread.length).toBeGreaterThan(0)
    expect(unread.length).toBeLessThan(all.length)
    expect(unread.every((c) => c.unreadCount > 0)).toBe(true)
    expect(unread.length).toBe(all.filter((c) => c.unreadCount > 0).length)
  })

  it('`false` filters nothing', async () => {
    const all = await sandbox.conversations()
    expect((await sandbox.conversations('unreadOnly=false')).length).toBe(all.length)
  })

  it('combines with archived=any', async () => {
    const list = await sandbox.conversations('unreadOnly=true&archived=any')
    expect(list.every((c) => c.unreadCount > 0)).toBe(true)
  })
})

describe('channelIds filter', () => {
  it('one channel id gives only that channel', async () => {
    const list = await sandbox.conversations('channelIds=ch_acme_sms')
    expect(list.length).toBeGreaterThan(0)
    expect(list.every((c) => c.channel.id === 'ch_acme_sms')).toBe(true)
  })

  it('a comma-separated list gives the union of those channels', async () => {
    const all = await sandbox.conversations()
    const list = await sandbox.conversations('channelIds=ch_acme_sms,ch_acme_rcs')
    const expected = all.filter((c) => c.channel.id === 'ch_acme_sms' || c.channel.id === 'ch_acme_rcs')
    expect(list.map((c) => c.id).sort()).toEqual(expected.map((c) => c.id).sort())
    expect(new Set(list.map((c) => c.channel.id))).toEqual(new Set(['ch_acme_sms', 'ch_acme_rcs']))
  })

  it('the comma may be percent-encoded', async () => {
    const plain = await sandbox.conversations('channelIds=ch_acme_sms,ch_acme_wa')
    const encoded = await sandbox.conversations('channelIds=ch_acme_sms%2Cch_acme_wa')
    expect(encoded.map((c) => c.id)).toEqual(plain.map((c) => c.id))
  })

  it('a channel of another account matches nothing', async () => {
    expect(await sandbox.conversations('channelIds=ch_globex_wa')).toEqual([])
  })
})

describe('orderBy', () => {
  it('defaults to -lastMessageDate', async () => {
    const byDefault = await sandbox.conversations()
    expectSorted(byDefault, 'lastMessageDate', true)
    expect(byDefault.map((c) => c.id)).toEqual(
      (await sandbox.conversations('orderBy=-lastMessageDate')).map((c) => c.id),
    )
  })

  for (const field of orderByFields) {
    it(`-${field} sorts descending`, async () => {
      expectSorted(await sandbox.conversations(`orderBy=-${field}&archived=any`), field, true)
    })

    it(`+${field} (percent-encoded) and bare ${field} sort ascending`, async () => {
      const encoded = await sandbox.conversations(`orderBy=%2B${field}&archived=any`)
      expectSorted(encoded, field, false)
      const bare = await sandbox.conversations(`orderBy=${field}&archived=any`)
      expect(bare.map((c) => c.id)).toEqual(encoded.map((c) => c.id))
    })

    it(`+${field} sent unencoded (read as a space) sorts ascending`, async () => {
      const unencoded = await sandbox.conversations(`orderBy=+${field}&archived=any`)
      expectSorted(unencoded, field, false)
      const encoded = await sandbox.conversations(`orderBy=%2B${field}&archived=any`)
      expect(unencoded.map((c) => c.id)).toEqual(encoded.map((c) => c.id))
    })
  }

  it('an unknown field is a 400', async () => {
    for (const orderBy of ['name', '-name', '*lastMessageDate', '--updatedDate', '']) {
      const answer = await sandbox.call('listConversations', { query: `orderBy=${orderBy}` })
      expect(answer.status, orderBy).toBe(400)
    }
  })
})

describe('dateFrom', () => {
  it('is strictly after: a conversation updated exactly at dateFrom is left out', async () => {
    const all = await sandbox.conversations('archived=any')
    const pivot = all[Math.floor(all.length / 2)]!
    const at = await sandbox.conversations(`archived=any&dateFrom=${encodeURIComponent(pivot.updatedDate)}`)
    expect(at.map((c) => c.id)).not.toContain(pivot.id)
    expect(at.every((c) => ms(c.updatedDate) > ms(pivot.updatedDate))).toBe(true)
    expect(at.length).toBe(all.filter((c) => ms(c.updatedDate) > ms(pivot.updatedDate)).length)

    const justBefore = new Date(ms(pivot.updatedDate) - 1).toISOString()
    const before = await sandbox.conversations(`archived=any&dateFrom=${encodeURIComponent(justBefore)}`)
    expect(before.map((c) => c.id)).toContain(pivot.id)
  })

  it('accepts an offset other than Z', async () => {
    const all = await sandbox.conversations()
    const pivot = all[3]!
    const utc = new Date(ms(pivot.updatedDate))
    // The same instant written in +02:00.
    const local = new Date(utc.getTime() + 2 * 3600_000).toISOString().replace('Z', '+02:00')
    const list = await sandbox.conversations(`dateFrom=${encodeURIComponent(local)}`)
    expect(list.map((c) => c.id)).not.toContain(pivot.id)
    expect(list.every((c) => ms(c.updatedDate) > utc.getTime())).toBe(true)
  })

  it('a date in the future gives nothing', async () => {
    expect(await sandbox.conversations(`dateFrom=${encodeURIComponent('2999-01-01T00:00:00.000Z')}`)).toEqual([])
  })
})

describe('bad queries', () => {
  it.each([
    ['unreadOnly=yes'],
    ['archived=maybe'],
    ['dateFrom=yesterday'],
    ['dateFrom=2026-13-45T00:00:00Z'],
    ['channelIds='],
    ['channelIds=ch_acme_wa,,ch_acme_sms'],
    ['unknownParam=1'],
    ['archived=true&archived=false'],
  ])('%s is a 400 with the error body', async (query) => {
    const answer = await sandbox.call('listConversations', { query })
    expect(answer.status).toBe(400)
    expect(answer.body).toMatchObject({ error: { code: 'bad_request' } })
  })
})

describe('tenancy', () => {
  it('each account sees only its own conversations', async () => {
    const acme = await sandbox.conversations('archived=any', ACME_KEY)
    const globex = await sandbox.conversations('archived=any', GLOBEX_KEY)
    expect(acme.length).toBeGreaterThan(0)
    expect(globex.length).toBeGreaterThan(0)
    const acmeIds = new Set(acme.map((c) => c.id))
    expect(globex.some((c) => acmeIds.has(c.id))).toBe(false)
    expect(acme.every((c) => c.channel.id.startsWith('ch_acme_'))).toBe(true)
    expect(globex.every((c) => c.channel.id.startsWith('ch_globex_'))).toBe(true)
  })

  it("another account's conversation is a 404 on every operation that names one", async () => {
    const acmeChat = (await sandbox.conversations('', ACME_KEY))[0]!.id
    const before = await sandbox.conversation(acmeChat, ACME_KEY)
    const asGlobex = { key: GLOBEX_KEY, chatId: acmeChat }
    expect((await sandbox.call('getMessages', asGlobex)).status).toBe(404)
    expect((await sandbox.call('markRead', asGlobex)).status).toBe(404)
    expect((await sandbox.call('archiveConversation', asGlobex)).status).toBe(404)
    expect((await sandbox.call('unarchiveConversation', asGlobex)).status).toBe(404)
    expect(
      (await sandbox.call('assignConversation', { ...asGlobex, body: { userId: 'usr_globex_lena' } })).status,
    ).toBe(404)
    expect((await sandbox.call('unassignConversation', asGlobex)).status).toBe(404)
    const reply = await sandbox.call('sendReply', {
      key: GLOBEX_KEY,
      body: { chatId: acmeChat, content: { type: 'text', text: 'not yours' } },
    })
    expect(reply.status).toBe(404)
    expect(reply.body).toMatchObject({ error: { code: 'not_found' } })
    // And nothing changed for its owner.
    expect(await sandbox.conversation(acmeChat, ACME_KEY)).toEqual(before)
  })

  it("assigning to another account's user is a 404", async () => {
    const acmeChat = (await sandbox.conversations('', ACME_KEY))[0]!.id
    const answer = await sandbox.call('assignConversation', { chatId: acmeChat, body: { userId: 'usr_globex_lena' } })
    expect(answer.status).toBe(404)
  })

  it('each account lists only its own assignable users', async () => {
    const acme = await sandbox.users(ACME_KEY)
    const globex = await sandbox.users(GLOBEX_KEY)
    const acmeIds = new Set(acme.map((u) => u.id))
    expect(globex.some((u) => acmeIds.has(u.id))).toBe(false)
  })
})

describe('updatedDate', () => {
  it('does not move on reads', async () => {
    const first = await sandbox.conversations('archived=any')
    await sandbox.messages(first[0]!.id)
    await sandbox.users()
    const second = await sandbox.conversations('archived=any')
    expect(second.map((c) => [c.id, c.updatedDate])).toEqual(first.map((c) => [c.id, c.updatedDate]))
  })
})

describe('sort order is total', () => {
  it.each(orderByFields)('-%s is exactly +%s reversed, ties included', async (field) => {
    const ascending = await sandbox.conversations(`orderBy=%2B${field}&archived=any`)
    const descending = await sandbox.conversations(`orderBy=-${field}&archived=any`)
    expect(descending.map((c) => c.id)).toEqual(ascending.map((c) => c.id).reverse())
  })
})
