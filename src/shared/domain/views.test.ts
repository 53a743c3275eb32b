import { describe, expect, it } from 'vitest'
import type { Conversation } from '../api/schemas'
import {
  applyConversationChanges,
  compareConversations,
  contactLabel,
  countViews,
  initials,
  isInView,
  matchesSearch,
  replyWindow,
  unreadTotal,
} from './views'

const base: Conversation = {
  id: 'c1',
  channel: { id: 'ch_wa', type: 'whatsapp', name: 'WhatsApp support' },
  contact: { id: 'k1', name: 'Ana Souza', phoneNumber: '+55 11 91234-5678' },
  unreadCount: 0,
  archived: false,
  assignee: null,
  createdDate: '2026-11-20T10:00:00.000Z',
  updatedDate: '2026-11-24T10:00:00.000Z',
  lastMessageDate: '2026-11-24T10:00:00.000Z',
  lastInboundDate: '2026-11-24T10:00:00.000Z',
  lastMessage: { id: 10, direction: 'inbound', preview: 'Where is my order?', date: '2026-11-24T10:00:00.000Z' },
}
const conv = (patch: Partial<Conversation>): Conversation => ({ ...base, ...patch })

describe('views', () => {
  const mine = conv({ id: 'm', assignee: { id: 'u_me', displayName: 'Me' }, unreadCount: 2 })
  const theirs = conv({ id: 't', assignee: { id: 'u_other', displayName: 'Other' } })
  const unassignedUnread = conv({ id: 'u', unreadCount: 3 })
  const archived = conv({ id: 'a', archived: true, unreadCount: 5 })
  const all = [mine, theirs, unassignedUnread, archived]

  it('puts archived conversations in the Archive view only', () => {
    expect(isInView(archived, 'archive', 'u_me')).toBe(true)
    for (const view of ['mine', 'unassigned', 'all', 'unread'] as const) {
      expect(isInView(archived, view, 'u_me')).toBe(false)
    }
  })

  it('leaves Mine empty until the agent says who they are', () => {
    expect(isInView(mine, 'mine', null)).toBe(false)
    expect(isInView(mine, 'mine', 'u_me')).toBe(true)
    expect(isInView(theirs, 'mine', 'u_me')).toBe(false)
  })

  it('counts every view', () => {
    expect(countViews(all, 'u_me')).toEqual({ mine: 1, unassigned: 1, all: 3, unread: 2, archive: 1 })
  })

  it('sums unread over active conversations only', () => {
    expect(unreadTotal(all)).toBe(5)
  })
})

describe('replyWindow', () => {
  const now = new Date('2026-11-25T09:00:00.000Z')
  it('does not apply to other channels', () => {
    expect(replyWindow(conv({ channel: { id: 'x', type: 'sms', name: 'SMS' } }), now)).toEqual({ state: 'none' })
  })
  it('is open with time left within 24 hours of the last inbound message', () => {
    const window = replyWindow(conv({ lastInboundDate: '2026-11-25T08:00:00.000Z' }), now)
    expect(window.state).toBe('open')
    if (window.state === 'open') expect(window.msLeft).toBe(23 * 3600_000)
  })
  it('is closing in the last hour', () => {
    expect(replyWindow(conv({ lastInboundDate: '2026-11-24T09:30:00.000Z' }), now).state).toBe('closing')
  })
  it('is closed after 24 hours, and when the contact never wrote', () => {
    expect(replyWindow(conv({ lastInboundDate: '2026-11-24T08:59:59.000Z' }), now).state).toBe('closed')
    expect(replyWindow(conv({ lastInboundDate: null }), now)).toEqual({ state: 'closed', closedAt: null })
  })
})

describe('names and search', () => {
  it('falls back to the phone number when the name is empty', () => {
    expect(contactLabel({ id: 'k', name: '  ', phoneNumber: '+1 555 0100' })).toBe('+1 555 0100')
    expect(contactLabel({ id: 'k', name: '', phoneNumber: null })).toBe('Unknown contact')
  })
  it('makes initials', () => {
    expect(initials('Ana Maria Souza')).toBe('AS')
    expect(initials('bob')).toBe('BO')
    expect(initials('')).toBe('?')
  })
  it('searches names, numbers (loose digits) and previews', () => {
    expect(matchesSearch(base, 'ana')).toBe(true)
    expect(matchesSearch(base, '912345678')).toBe(true)
    expect(matchesSearch(base, 'ORDER')).toBe(true)
    expect(matchesSearch(base, 'refund')).toBe(false)
  })
})

describe('applyConversationChanges', () => {
  const older = conv({ id: 'old', lastMessageDate: '2026-11-23T10:00:00.000Z' })
  const newer = conv({ id: 'new', lastMessageDate: '2026-11-24T12:00:00.000Z' })

  it('adds, replaces and re-sorts by the list order', () => {
    const list = [newer, older]
    const bumped = { ...older, lastMessageDate: '2026-11-25T00:00:00.000Z' }
    const next = applyConversationChanges(list, { upserted: [bumped], full: false }, { archived: 'false' })
    expect(next.map((c) => c.id)).toEqual(['old', 'new'])
  })

  it('removes a conversation that no longer passes the filters', () => {
    const next = applyConversationChanges([newer, older], { upserted: [{ ...older, archived: true }], full: false }, {})
    expect(next.map((c) => c.id)).toEqual(['new'])
  })

  it('drops what a full list does not name', () => {
    const next = applyConversationChanges([newer, older], { upserted: [newer], full: true }, {})
    expect(next.map((c) => c.id)).toEqual(['new'])
  })

  it('returns the same array when nothing changed', () => {
    const list = [newer]
    expect(applyConversationChanges(list, { upserted: [], full: false }, {})).toBe(list)
    expect(applyConversationChanges(list, { upserted: [newer], full: true }, {})).toBe(list)
    expect(applyConversationChanges(list, { upserted: [older], full: false }, { channelIds: ['other'] })).toBe(list)
  })

  it('sorts by most unread', () => {
    const a = conv({ id: 'a', unreadCount: 1 })
    const b = conv({ id: 'b', unreadCount: 7 })
    expect([a, b].sort(compareConversations('-unreadCount')).map((c) => c.id)).toEqual(['b', 'a'])
  })
})
