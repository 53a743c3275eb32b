import BetterSqlite3 from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { orderByFields, type Conversation } from '../../shared/api/schemas'
import { compareConversations, countViews, inboxViews, isInView, unreadTotal } from '../../shared/domain/views'
import { openAccountStore, type AccountStore } from './index'
import { conversation, iso, message, seededRandom, tempFolder } from './testing/fixtures'

let folder: ReturnType<typeof tempFolder>
let store: AccountStore

beforeEach(() => {
  folder = tempFolder()
  store = openAccountStore({ folder: folder.folder, accountId: 'https://inbox.example#abc' }).store
})
afterEach(() => {
  store.close()
  folder.cleanup()
})

/** A varied inbox: assignees, archive, unread, channels, and ties on dates. */
function generatedInbox(count: number): Conversation[] {
  const random = seededRandom(11)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const channels = [
    { id: 'ch_wa', type: 'whatsapp', name: 'WhatsApp' },
    { id: 'ch_sms', type: 'sms', name: 'SMS' },
    { id: 'ch_rcs', type: 'rcs', name: 'RCS' },
  ]
  const assignees = [null, { id: 'u_me', displayName: 'Me' }, { id: 'u_other', displayName: 'Other' }]
  return Array.from({ length: count }, (_, index) => {
    const last = Math.floor(random() * 50) // few distinct values: many ties
    return conversation(`c${String(index).padStart(3, '0')}`, {
      channel: pick(channels),
      assignee: pick(assignees),
      archived: random() < 0.2,
      unreadCount: random() < 0.4 ? Math.floor(random() * 5) + 1 : 0,
      createdDate: iso(-Math.floor(random() * 100)),
      updatedDate: iso(last + Math.floor(random() * 3)),
      lastMessageDate: iso(last),
    })
  })
}

describe('conversation queries', () => {
  it('stores a batch, reads it back, and does not rewrite an unchanged conversation', () => {
    const one = conversation('c1', { unreadCount: 2 })
    expect(store.conversations.upsertMany([one, conversation('c2')])).toBe(2)
    expect(store.conversations.get('c1')).toEqual(one)
    expect(store.conversations.get('nope')).toBeNull()
    expect(store.conversations.upsertMany([one])).toBe(0)
    expect(store.conversations.upsertMany([{ ...one, unreadCount: 0 }])).toBe(1)
    expect(store.conversations.get('c1')?.unreadCount).toBe(0)
    expect(store.conversations.countAll()).toBe(2)
  })

  it('lists every view in every order exactly as the shared view rules and comparator do, window by window', () => {
    const inbox = generatedInbox(120)
    store.conversations.upsertMany(inbox)
    for (const view of inboxViews) {
      for (const field of orderByFields) {
        for (const orderBy of [`-${field}`, `+${field}`]) {
          const expected = inbox
            .filter((c) => isInView(c, view, 'u_me'))
            .sort(compareConversations(orderBy))
            .map((c) => c.id)
          const seen: string[] = []
          for (let offset = 0; offset < expected.length + 10; offset += 25) {
            const window = store.conversations.window({ view, meUserId: 'u_me', orderBy, offset, limit: 25 })
            expect(window.total).toBe(expected.length)
            seen.push(...window.conversations.map((c) => c.id))
          }
          expect(seen, `${view} ${orderBy}`).toEqual(expected)
        }
      }
    }
  })

  it('filters by channel, and Mine is empty until the agent is known', () => {
    const inbox = generatedInbox(80)
    store.conversations.upsertMany(inbox)
    const sms = store.conversations.window({
      view: 'all',
      meUserId: null,
      channelIds: ['ch_sms'],
      offset: 0,
      limit: 500,
    })
    expect(sms.conversations.map((c) => c.id)).toEqual(
      inbox
        .filter((c) => !c.archived && c.channel.id === 'ch_sms')
        .sort(compareConversations(undefined))
        .map((c) => c.id),
    )
    expect(sms.total).toBeGreaterThan(0)
    expect(store.conversations.window({ view: 'mine', meUserId: null, offset: 0, limit: 10 }).total).toBe(0)
  })

  it('counts every view and the unread total in SQL, equal to the shared rules', () => {
    const inbox = generatedInbox(150)
    store.conversations.upsertMany(inbox)
    expect(store.conversations.countViews({ meUserId: 'u_me' })).toEqual(countViews(inbox, 'u_me'))
    expect(store.conversations.countViews({ meUserId: null })).toEqual(countViews(inbox, null))
    const rcs = inbox.filter((c) => c.channel.id === 'ch_rcs')
    expect(store.conversations.countViews({ meUserId: 'u_me', channelIds: ['ch_rcs'] })).toEqual(
      countViews(rcs, 'u_me'),
    )
    expect(store.conversations.unreadTotal()).toBe(unreadTotal(inbox))
    expect(unreadTotal(inbox)).toBeGreaterThan(0)
  })

  it('tells the position of a conversation in a view (to keep the selected row in view)', () => {
    const inbox = generatedInbox(60)
    store.conversations.upsertMany(inbox)
    const ordered = inbox.filter((c) => isInView(c, 'all', 'u_me')).sort(compareConversations('-updatedDate'))
    const target = ordered[17]!
    expect(store.conversations.positionOf(target.id, { view: 'all', meUserId: 'u_me', orderBy: '-updatedDate' })).toBe(
      17,
    )
    const archived = inbox.find((c) => c.archived)!
    expect(store.conversations.positionOf(archived.id, { view: 'all', meUserId: 'u_me' })).toBeNull()
  })

  it('removing a conversation removes its messages too (foreign keys are on)', () => {
    store.conversations.upsertMany([conversation('c1'), conversation('c2')])
    store.messages.upsertPage('c1', [message('c1', 1, 'one'), message('c1', 2, 'two')])
    store.messages.upsertPage('c2', [message('c2', 3, 'three')])
    store.conversations.remove(['c1'])
    expect(store.messages.range('c1', { limit: 10 })).toEqual([])
    expect(store.messages.range('c2', { limit: 10 })).toHaveLength(1)
  })

  it('answers each view and sort from an index, without scanning the table', () => {
    // The store does not expose its connection: plans are read through a second one.
    store.conversations.upsertMany(generatedInbox(50))
    const reader = new BetterSqlite3(store.file, { readonly: true })
    try {
      const plan = (sql: string) =>
        (reader.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ me: 'u_me' }) as Array<{ detail: string }>)
          .map((row) => row.detail)
          .join(' | ')
      const views = {
        all: 'c.archived = 0',
        archive: 'c.archived = 1',
        mine: "c.archived = 0 AND c.assignee_id = 'u_me'",
        unassigned: 'c.archived = 0 AND c.assignee_id IS NULL',
        unread: 'c.archived = 0 AND c.unread_count > 0',
      }
      for (const [view, where] of Object.entries(views)) {
        const detail = plan(
          `SELECT c.data FROM conversations c WHERE ${where} ORDER BY c.last_message_ms DESC, c.last_message_ms DESC, c.id ASC LIMIT 50`,
        )
        expect(detail, view).toMatch(/USING (COVERING )?INDEX/)
        expect(detail, view).not.toMatch(/SCAN c(?! USING)/)
      }
      expect(
        plan('SELECT coalesce(sum(unread_count), 0) FROM conversations WHERE archived = 0 AND unread_count > 0'),
      ).toMatch(/COVERING INDEX conversations_by_unread/)
    } finally {
      reader.close()
    }
  })
})
