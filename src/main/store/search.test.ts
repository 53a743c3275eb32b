import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openAccountStore, type AccountStore } from './index'
import { toSearchTerms } from './fts-query'
import { conversation, message, tempFolder } from './testing/fixtures'

let folder: ReturnType<typeof tempFolder>
let store: AccountStore

beforeEach(() => {
  folder = tempFolder()
  store = openAccountStore({ folder: folder.folder, accountId: 'acct' }).store
  store.conversations.upsertMany([
    conversation('c1', { contact: { id: 'k1', name: 'Zoë Müller', phoneNumber: '+49 30 1234-5678' } }),
    conversation('c2', {
      contact: { id: 'k2', name: 'Ana Pérez', phoneNumber: null },
      assignee: { id: 'u_me', displayName: 'Me' },
      channel: { id: 'ch_sms', type: 'sms', name: 'SMS' },
    }),
    conversation('c3', { contact: { id: 'k3', name: 'Archived Person', phoneNumber: null }, archived: true }),
  ])
  store.messages.upsertPage('c1', [
    message('c1', 1, 'My parcel never arrived at the café'),
    message('c1', 2, 'Any news about the parcel?'),
    message('c1', 3, 'Thanks!'),
  ])
  store.messages.upsertPage('c2', [message('c2', 10, 'Le colis est arrivé, merci'), message('c2', 11, 'Parcel OK')])
  store.messages.upsertPage('c3', [message('c3', 20, 'old parcel question')])
})
afterEach(() => {
  store.close()
  folder.cleanup()
})

const ids = (text: string, extra: Partial<Parameters<AccountStore['search']>[0]> = {}) =>
  store.search({ text, view: 'all', meUserId: 'u_me', ...extra }).groups.map((g) => g.conversation.id)

describe('search', () => {
  it('finds words in message text, grouped by conversation, with the words highlighted', () => {
    const results = store.search({ text: 'parcel', view: 'all', meUserId: 'u_me' })
    expect(results.groups.map((g) => g.conversation.id).sort()).toEqual(['c1', 'c2'])
    const c1 = results.groups.find((g) => g.conversation.id === 'c1')!
    expect(c1.contactMatch).toBe(false)
    expect(c1.matches.map((m) => m.messageId).sort()).toEqual([1, 2])
    const snippet = c1.matches.find((m) => m.messageId === 2)!.snippet
    expect(snippet).toEqual([
      { text: 'Any news about the ', highlight: false },
      { text: 'parcel', highlight: true },
      { text: '?', highlight: false },
    ])
    expect(c1.matches[0]!.date).toMatch(/^2026-11-01T/)
  })

  it('folds case and diacritics both ways, and matches prefixes', () => {
    expect(ids('CAFE')).toEqual(['c1'])
    expect(ids('arrive')).toEqual(expect.arrayContaining(['c1', 'c2']))
    expect(ids('arrivé')).toEqual(expect.arrayContaining(['c1', 'c2']))
    expect(ids('parc')).toEqual(expect.arrayContaining(['c1', 'c2']))
    expect(ids('never parc')).toEqual(['c1'])
  })

  it('finds contacts by name (diacritics folded) and by the digits of their number', () => {
    const byName = store.search({ text: 'zoe mull', view: 'all', meUserId: 'u_me' })
    expect(byName.groups.map((g) => g.conversation.id)).toEqual(['c1'])
    expect(byName.groups[0]!.contactMatch).toBe(true)
    expect(ids('pérez')).toEqual(['c2'])
    expect(ids('4930123')).toEqual(['c1'])
    expect(ids('+49 30')).toEqual(['c1'])
    expect(ids('5678')).toEqual(['c1'])
  })

  it('combines with the view and channel filters', () => {
    expect(ids('parcel', { view: 'mine' })).toEqual(['c2'])
    expect(ids('parcel', { view: 'archive' })).toEqual(['c3'])
    expect(ids('parcel', { channelIds: ['ch_sms'] })).toEqual(['c2'])
    expect(ids('parcel', { view: 'mine', meUserId: null })).toEqual([])
  })

  it('keeps the index in step with updates and deletions (triggers)', () => {
    store.messages.upsertPage('c1', [message('c1', 3, 'Thanks, the courier came')])
    expect(ids('courier')).toEqual(['c1'])
    expect(ids('thanks')).toEqual(['c1'])
    store.conversations.upsertMany([
      conversation('c2', { contact: { id: 'k2', name: 'Ana Gómez', phoneNumber: null } }),
    ])
    expect(ids('perez')).toEqual([])
    expect(ids('gomez')).toEqual(['c2'])
    store.conversations.remove(['c1'])
    expect(ids('courier')).toEqual([])
    expect(ids('zoe')).toEqual([])
  })

  it('limits the number of conversations and of matches per conversation', () => {
    const results = store.search({ text: 'parcel', view: 'all', meUserId: null, limit: 1, messagesPerConversation: 1 })
    expect(results.groups).toHaveLength(1)
    expect(results.groups[0]!.matches).toHaveLength(1)
  })

  it('returns nothing (and does not fail) for input without words', () => {
    for (const text of ['', '   ', '***', '"', '()', '-', ':', '^+']) {
      expect(store.search({ text, view: 'all', meUserId: null }).groups).toEqual([])
    }
  })

  it('never fails on FTS5 syntax typed by a person', () => {
    const hostile = [
      '"parcel',
      'parcel"',
      '"parcel" "',
      'parcel*',
      '*parcel',
      'par*cel',
      'NEAR(parcel news)',
      'NEAR(parcel',
      'parcel NEAR/2 news',
      '(parcel',
      'parcel)',
      '((parcel) news',
      'parcel AND',
      'OR parcel',
      'NOT parcel',
      'parcel -news',
      '-parcel',
      'text:parcel',
      'contact_name:zoe',
      '{text}: parcel',
      '^parcel',
      'parcel + news',
      "parcel' OR 1=1 --",
      'parcel\u0000news',
      '\uE000parcel\uE001',
      'a'.repeat(5000),
      'parcel '.repeat(200),
    ]
    for (const text of hostile) {
      expect(() => store.search({ text, view: 'all', meUserId: null }), text).not.toThrow()
    }
    expect(ids('"parcel')).toEqual(expect.arrayContaining(['c1', 'c2']))
    expect(ids('NEAR(parcel')).toEqual([]) // "near" is a word here, found in no message
    expect(ids('text:parcel')).toEqual([]) // "text" is a word, not a column
    expect(ids('parcel -news')).toEqual(['c1']) // "-" is no NOT: both words must match
  })

  it('never fails on generated strings of FTS5 syntax, words and odd characters (fast-check)', () => {
    const syntax = fc.constantFrom(
      '"',
      '*',
      '(',
      ')',
      '-',
      ':',
      '^',
      '+',
      ' ',
      'NEAR',
      'AND',
      'OR',
      'NOT',
      '/',
      '{',
      '}',
      ',',
      'parcel',
      'zoë',
      '30',
      '\u0301',
      '日本',
      '\uD83D\uDE00',
      '\\',
      "'",
      '\n',
      '\uE000',
    )
    const input = fc.oneof(
      fc.array(syntax, { maxLength: 12 }).map((parts) => parts.join('')),
      fc.string({ unit: 'binary' }),
    )
    fc.assert(
      fc.property(input, (text) => {
        const results = store.search({ text, view: 'all', meUserId: null })
        for (const group of results.groups) {
          for (const match of group.matches) {
            expect(match.snippet.map((segment) => segment.text).join('')).not.toMatch(/[\uE000\uE001]/)
          }
        }
      }),
      { seed: 2026, numRuns: 400 },
    )
  })
})

describe('toSearchTerms', () => {
  it('quotes every word as a prefix term and keeps no operator', () => {
    expect(toSearchTerms('NEAR("a" b*')).toEqual({
      words: ['NEAR', 'a', 'b'],
      messageQuery: '"NEAR"* AND "a"* AND "b"*',
      contactQuery: '{contact_name contact_phone} : ("NEAR"* AND "a"* AND "b"*)',
    })
    expect(toSearchTerms('+49 30').contactQuery).toBe(
      '({contact_name contact_phone} : ("49"* AND "30"*)) OR (contact_digits : "4930"*)',
    )
    expect(toSearchTerms('?!').messageQuery).toBeNull()
  })

  it('bounds the number and length of terms', () => {
    expect(toSearchTerms('w '.repeat(100)).words).toHaveLength(12)
    expect(toSearchTerms('x'.repeat(500)).words[0]).toHaveLength(64)
  })
})
