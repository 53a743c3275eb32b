import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BridgeFailure } from '../ports/errors'
import { openAccountStore, type AccountStore } from '../store'
import { tempFolder } from '../store/testing/fixtures'
import { createDraftStore, MAX_DRAFTS } from './draft-store'

const ACCOUNT = 'https://inbox.example#d4a7f7d4a7f7d4a7'
let folder: ReturnType<typeof tempFolder>
let store: AccountStore
const reopen = () => {
  store.close()
  store = openAccountStore({ folder: folder.folder, accountId: ACCOUNT }).store
}
beforeEach(() => {
  folder = tempFolder('inbox-drafts-')
  store = openAccountStore({ folder: folder.folder, accountId: ACCOUNT }).store
})
afterEach(() => {
  store.close()
  folder.cleanup()
})

describe('drafts in the account database', () => {
  it('are kept per conversation across a reopen; an empty or blank text deletes one', () => {
    const drafts = createDraftStore(store.drafts)
    drafts.set('c.1', 'Half a thought')
    drafts.set('c2', 'Another')
    drafts.set('c2', '  ')
    drafts.set('c3', 'First version')
    drafts.set('c3', 'Second version, longer')
    reopen()
    expect(createDraftStore(store.drafts).getAll()).toEqual({ 'c.1': 'Half a thought', c3: 'Second version, longer' })
  })

  it(`refuses a new conversation's draft past the cap (${MAX_DRAFTS} in the app), saying what to do`, () => {
    const drafts = createDraftStore(store.drafts, 3)
    for (const chatId of ['a', 'b', 'c']) drafts.set(chatId, `draft ${chatId}`)
    let refused: unknown
    try {
      drafts.set('d', 'one too many')
    } catch (error) {
      refused = error
    }
    expect(refused).toBeInstanceOf(BridgeFailure)
    expect((refused as BridgeFailure).message).toBe(
      '3 conversations already have an unsent draft. Send or clear some of them, and this draft will be kept too.',
    )
    expect(drafts.getAll()).toEqual({ a: 'draft a', b: 'draft b', c: 'draft c' })
    drafts.set('b', 'draft b, longer') // an existing draft is not a new one
    drafts.set('a', '') // clearing makes room
    drafts.set('d', 'now it fits')
    reopen()
    expect(store.drafts.getAll()).toEqual({ b: 'draft b, longer', c: 'draft c', d: 'now it fits' })
  })
})
