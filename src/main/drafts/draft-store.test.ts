import { describe, expect, it } from 'vitest'
import { silentLogger } from '../log'
import { BridgeFailure } from '../ports/errors'
import type { KeyValueStore } from '../ports/shell-adapters'
import { createDraftStore, draftsDefaults, MAX_DRAFTS, type DraftsData } from './draft-store'

function memoryStore(): KeyValueStore<DraftsData> & { writes: number } {
  let data: DraftsData = { ...draftsDefaults }
  return {
    path: 'memory:drafts.json',
    writes: 0,
    get: (key) => data[key],
    set(key, value) {
      data = { ...data, [key]: value }
      this.writes++
    },
    delete(key) {
      data = { ...data, [key]: draftsDefaults[key] }
    },
  }
}

describe('the number of drafts is capped', () => {
  it(`refuses a new conversation's draft past ${MAX_DRAFTS}, saying what to do; existing drafts still save`, () => {
    const store = memoryStore()
    const drafts = createDraftStore(store, silentLogger, 3)
    for (const chatId of ['a', 'b', 'c']) drafts.set(chatId, `draft ${chatId}`)
    const writes = store.writes

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
    expect(store.writes).toBe(writes) // nothing written for the refused one
    expect(drafts.getAll()).toEqual({ a: 'draft a', b: 'draft b', c: 'draft c' })

    drafts.set('b', 'draft b, longer') // an existing draft is not a new one
    drafts.set('a', '') // clearing makes room
    drafts.set('d', 'now it fits')
    expect(drafts.getAll()).toEqual({ b: 'draft b, longer', c: 'draft c', d: 'now it fits' })
  })
})
