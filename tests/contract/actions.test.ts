/**
 * read, archive, unarchive, assign, unassign: each does its change, moves
 * updatedDate forward, and is idempotent (a repeat is a 204 that changes
 * nothing, updatedDate included). Also the inbound control route's effects.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Conversation } from '../../src/shared/api/schemas'
import { ACME_KEY, GLOBEX_KEY, ms, startHarness, type SandboxHarness } from './harness'

let sandbox: SandboxHarness

beforeAll(async () => {
  sandbox = await startHarness()
})
beforeEach(() => sandbox.reset('demo'))
afterAll(() => sandbox.close())

async function first(predicate: (c: Conversation) => boolean, query = 'archived=any'): Promise<Conversation> {
  const found = (await sandbox.conversations(query)).find(predicate)
  if (!found) throw new Error('the demo seed has no conversation for this test')
  return found
}

async function expect204(operationId: string, chatId: string, body?: unknown): Promise<void> {
  const answer = await sandbox.call(operationId, { chatId, body })
  expect(answer.status).toBe(204)
}

describe('markRead', () => {
  it('sets unreadCount to 0 and moves updatedDate; a second call changes nothing', async () => {
    const unread = await first((c) => c.unreadCount > 0)
    await expect204('markRead', unread.id)
    const once = await sandbox.conversation(unread.id)
    expect(once.unreadCount).toBe(0)
    expect(ms(once.updatedDate)).toBeGreaterThan(ms(unread.updatedDate))
    await expect204('markRead', unread.id)
    expect(await sandbox.conversation(unread.id)).toEqual(once)
  })

  it('on a conversation with nothing unread is a 204 that leaves updatedDate alone', async () => {
    const read = await first((c) => c.unreadCount === 0)
    await expect204('markRead', read.id)
    expect(await sandbox.conversation(read.id)).toEqual(read)
  })

  it('leaves unreadOnly results', async () => {
    const unread = await first((c) => c.unreadCount > 0, 'unreadOnly=true')
    await expect204('markRead', unread.id)
    expect((await sandbox.conversations('unreadOnly=true')).map((c) => c.id)).not.toContain(unread.id)
  })
})

describe('archive and unarchive', () => {
  it('archive moves a conversation out of the default list, into archived=true; repeat is a no-op', async () => {
    const active = await first((c) => !c.archived, '')
    await expect204('archiveConversation', active.id)
    expect((await sandbox.conversations()).map((c) => c.id)).not.toContain(active.id)
    expect((await sandbox.conversations('archived=true')).map((c) => c.id)).toContain(active.id)
    const once = await sandbox.conversation(active.id)
    expect(once.archived).toBe(true)
    expect(ms(once.updatedDate)).toBeGreaterThan(ms(active.updatedDate))
    // Soft: nothing is deleted.
    expect((await sandbox.messages(active.id, `idTo=${active.lastMessage!.id}`)).data.length).toBeGreaterThan(0)
    await expect204('archiveConversation', active.id)
    expect(await sandbox.conversation(active.id)).toEqual(once)
  })

  it('unarchive brings it back to the default list; repeat is a no-op', async () => {
    const archived = await first((c) => c.archived, 'archived=true')
    await expect204('unarchiveConversation', archived.id)
    expect((await sandbox.conversations()).map((c) => c.id)).toContain(archived.id)
    const once = await sandbox.conversation(archived.id)
    expect(once.archived).toBe(false)
    expect(ms(once.updatedDate)).toBeGreaterThan(ms(archived.updatedDate))
    await expect204('unarchiveConversation', archived.id)
    expect(await sandbox.conversation(archived.id)).toEqual(once)
  })

  it('a new inbound message unarchives, raises unreadCount and moves the dates', async () => {
    const archived = await first((c) => c.archived, 'archived=true')
    const { chatId, messageId } = await sandbox.inbound({ apiKey: ACME_KEY, chatId: archived.id, text: 'Me again!' })
    expect(chatId).toBe(archived.id)
    const after = await sandbox.conversation(archived.id)
    expect(after.archived).toBe(false)
    expect(after.unreadCount).toBe(archived.unreadCount + 1)
    expect(after.lastMessage).toMatchObject({ id: messageId, direction: 'inbound', preview: 'Me again!' })
    expect(ms(after.updatedDate)).toBeGreaterThan(ms(archived.updatedDate))
    expect(ms(after.lastInboundDate)).toBe(ms(after.lastMessage!.date))
    expect((await sandbox.conversations()).map((c) => c.id)).toContain(archived.id)
  })
})

describe('assign and unassign', () => {
  it('assign sets the assignee from the account users; the same user again is a no-op', async () => {
    const users = await sandbox.users()
    const unassigned = await first((c) => c.assignee === null)
    const user = users[0]!
    await expect204('assignConversation', unassigned.id, { userId: user.id })
    const once = await sandbox.conversation(unassigned.id)
    expect(once.assignee).toEqual({ id: user.id, displayName: user.displayName })
    expect(ms(once.updatedDate)).toBeGreaterThan(ms(unassigned.updatedDate))
    await expect204('assignConversation', unassigned.id, { userId: user.id })
    expect(await sandbox.conversation(unassigned.id)).toEqual(once)
  })

  it('assigning someone else replaces the assignee (at most one)', async () => {
    const users = await sandbox.users()
    const assigned = await first((c) => c.assignee !== null)
    const other = users.find((u) => u.id !== assigned.assignee!.id)!
    await expect204('assignConversation', assigned.id, { userId: other.id })
    const after = await sandbox.conversation(assigned.id)
    expect(after.assignee).toEqual({ id: other.id, displayName: other.displayName })
    expect(ms(after.updatedDate)).toBeGreaterThan(ms(assigned.updatedDate))
  })

  it('unassign clears the assignee and keeps the conversation active; repeat is a no-op', async () => {
    const assigned = await first((c) => c.assignee !== null && !c.archived)
    await expect204('unassignConversation', assigned.id)
    const once = await sandbox.conversation(assigned.id)
    expect(once.assignee).toBeNull()
    expect(once.archived).toBe(false)
    expect(ms(once.updatedDate)).toBeGreaterThan(ms(assigned.updatedDate))
    await expect204('unassignConversation', assigned.id)
    expect(await sandbox.conversation(assigned.id)).toEqual(once)
  })

  it('an unknown user, or one of another account, is a 404 and changes nothing', async () => {
    const chat = await first(() => true)
    for (const userId of ['usr_nobody', 'usr_globex_lena']) {
      const answer = await sandbox.call('assignConversation', { chatId: chat.id, body: { userId } })
      expect(answer.status).toBe(404)
    }
    expect(await sandbox.conversation(chat.id)).toEqual(chat)
  })

  it.each([
    ['no userId', {}],
    ['an empty userId', { userId: '' }],
    ['a numeric userId', { userId: 7 }],
  ])('a body with %s is a 400', async (_name, body) => {
    const chat = await first(() => true)
    const answer = await sandbox.call('assignConversation', { chatId: chat.id, body })
    expect(answer.status).toBe(400)
  })

  it('Globex users assign Globex conversations', async () => {
    const chat = (await sandbox.conversations('', GLOBEX_KEY))[0]!
    const answer = await sandbox.call('assignConversation', {
      key: GLOBEX_KEY,
      chatId: chat.id,
      body: { userId: 'usr_globex_keiko' },
    })
    expect(answer.status).toBe(204)
    expect((await sandbox.conversation(chat.id, GLOBEX_KEY)).assignee?.displayName).toBe('Keiko Sato')
  })
})

describe('unknown conversations', () => {
  it.each(['markRead', 'archiveConversation', 'unarchiveConversation', 'unassignConversation'])(
    '%s → 404',
    async (operationId) => {
      const answer = await sandbox.call(operationId, { chatId: 'chat_99999' })
      expect(answer.status).toBe(404)
    },
  )

  it('assignConversation → 404', async () => {
    const answer = await sandbox.call('assignConversation', { chatId: 'chat_99999', body: { userId: 'usr_acme_maya' } })
    expect(answer.status).toBe(404)
  })
})
