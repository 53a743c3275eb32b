/**
 * `searchInbox` as main answers it: the bridge's argument schema, then the
 * account's real SQLite store (a temp file), as the live engine calls it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { invokeContract } from '../../shared/ipc/contract'
import { inboxViews } from '../../shared/domain/views'
import { SEARCH_QUERY_MAX_LENGTH, searchViews } from '../../shared/ipc/search'
import { openAccountStore, type AccountStore } from '../store'
import { conversation, message, tempFolder } from '../store/testing/fixtures'
import { searchStoredInbox } from './live-search'

let folder: ReturnType<typeof tempFolder>
let store: AccountStore

const ME = 'u_me'
const parse = (arg: unknown) => invokeContract.searchInbox.args.parse(arg)
const search = (arg: Record<string, unknown>, meUserId: string | null = ME) =>
  searchStoredInbox(store, parse({ view: 'all', ...arg }), meUserId)
const ids = (arg: Record<string, unknown>, meUserId: string | null = ME) =>
  search(arg, meUserId).groups.map((group) => group.conversation.id)

beforeEach(() => {
  folder = tempFolder('live-search-')
  store = openAccountStore({ folder: folder.folder, accountId: 'acct' }).store
  store.conversations.upsertMany([
    conversation('c1', { contact: { id: 'k1', name: 'Zoë Müller', phoneNumber: '+49 30 1234-5678' } }),
    conversation('c2', {
      contact: { id: 'k2', name: 'Ana Pérez', phoneNumber: null },
      assignee: { id: ME, displayName: 'Me' },
      channel: { id: 'ch_sms', type: 'sms', name: 'SMS' },
    }),
    conversation('c3', { contact: { id: 'k3', name: 'Old Customer', phoneNumber: null }, archived: true }),
  ])
  store.messages.upsertPage('c1', [
    message('c1', 1, 'The invoice for the café order'),
    message('c1', 2, 'Could you resend the INVOICE?'),
  ])
  store.messages.upsertPage('c2', [message('c2', 7, 'Facture reçue, merci')])
  store.messages.upsertPage('c3', [message('c3', 9, 'an invoice from last year')])
})
afterEach(() => {
  store.close()
  folder.cleanup()
})

describe('searchInbox in main', () => {
  it('answers grouped by conversation, newest match first, with the words as highlighted segments', () => {
    const result = search({ query: 'invoice' })
    expect(result.words).toEqual(['invoice'])
    expect(result.more).toBe(false)
    expect(result.groups.map((group) => group.conversation.id)).toEqual(['c1'])
    const [group] = result.groups
    expect(group!.matches.map((match) => match.messageId)).toEqual([2, 1])
    expect(group!.matches[0]!.snippet).toEqual([
      { text: 'Could you resend the ', highlight: false },
      { text: 'INVOICE', highlight: true },
      { text: '?', highlight: false },
    ])
    // Plain data only: no markup anywhere, and it survives the JSON the bridge carries.
    expect(JSON.parse(JSON.stringify(result))).toEqual(result)
    expect(JSON.stringify(result)).not.toMatch(/<\/?(b|mark|em)>|\uE000|\uE001/)
  })

  it('folds case and diacritics and matches the start of a word', () => {
    expect(ids({ query: 'CAFE' })).toEqual(['c1'])
    expect(ids({ query: 'recu' })).toEqual(['c2'])
    expect(ids({ query: 'inv' })).toEqual(['c1'])
    expect(ids({ query: 'zoe mul' })).toEqual(['c1'])
    expect(search({ query: 'zoe' }).groups[0]!.contactMatch).toBe(true)
  })

  it('stays within the view and the channel filter; Mine means the agent main knows', () => {
    expect(ids({ query: 'invoice', view: 'archive' })).toEqual(['c3'])
    expect(ids({ query: 'merci', view: 'mine' })).toEqual(['c2'])
    expect(ids({ query: 'merci', view: 'mine' }, null)).toEqual([])
    expect(ids({ query: 'merci', view: 'unassigned' })).toEqual([])
    expect(ids({ query: 'merci', channelIds: ['ch_sms'] })).toEqual(['c2'])
    expect(ids({ query: 'invoice', channelIds: ['ch_sms'] })).toEqual([])
  })

  it('says when more conversations matched than the limit', () => {
    store.conversations.upsertMany(
      Array.from({ length: 5 }, (_, i) =>
        conversation(`m${i}`, { contact: { id: `km${i}`, name: `Mo ${i}`, phoneNumber: null } }),
      ),
    )
    for (let i = 0; i < 5; i++) store.messages.upsertPage(`m${i}`, [message(`m${i}`, 1, 'refund please')])
    const cut = search({ query: 'refund', limit: 3 })
    expect(cut.groups).toHaveLength(3)
    expect(cut.more).toBe(true)
    expect(search({ query: 'refund', limit: 5 }).more).toBe(false)
  })

  it('a query made of FTS5 syntax never errors, and finds the words in it', () => {
    for (const query of [
      '"invoice',
      'invoice*',
      'NEAR(invoice',
      '(invoice',
      'invoice)',
      'invoice AND',
      'NOT',
      '*',
      '"',
      '((',
      'c:invoice',
      '-invoice',
      '^',
    ]) {
      expect(() => search({ query }), query).not.toThrow()
    }
    expect(ids({ query: '"invoice' })).toEqual(['c1'])
    expect(ids({ query: '(invoice' })).toEqual(['c1'])
    expect(search({ query: '"*()' })).toEqual({ words: [], groups: [], more: false })
  })

  it('the bridge refuses what is not bounded or not a view before main searches', () => {
    const refused = (arg: unknown) => invokeContract.searchInbox.args.safeParse(arg).success === false
    expect(refused({ query: 'x'.repeat(SEARCH_QUERY_MAX_LENGTH + 1), view: 'all' })).toBe(true)
    expect(refused({ query: 'x', view: 'everything' })).toBe(true)
    expect(refused({ query: 'x', view: 'all', limit: 0 })).toBe(true)
    expect(refused({ query: 'x', view: 'all', limit: 101 })).toBe(true)
    expect(refused({ query: 'x', view: 'all', limit: 2.5 })).toBe(true)
    expect(refused({ query: 'x', view: 'all', channelIds: Array.from({ length: 51 }, (_, i) => `ch${i}`) })).toBe(true)
    expect(refused({ query: 'x', view: 'all', channelIds: ['..'] })).toBe(true)
    expect(refused({ query: 'x', view: 'all', meUserId: 'someone_else' })).toBe(true)
    expect(refused({ query: 42, view: 'all' })).toBe(true)
    expect(searchViews).toEqual(inboxViews)
    expect(parse({ query: '', view: 'mine' })).toEqual({
      query: '',
      view: 'mine',
      channelIds: [],
      limit: 30,
      messagesPerConversation: 3,
    })
  })
})
