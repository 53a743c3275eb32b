/** Which part of a thread a page the API answered proves complete (docs/inbox-api.yaml, getMessages). */
import { describe, expect, it } from 'vitest'
import type { Message } from '../../shared/api/schemas'
import { pageCoverage } from './stored-messages'

const page = (ids: number[], hasMore: boolean) => ({
  data: ids.map((id): Message => ({
    id,
    chatId: 'c1',
    direction: 'inbound',
    date: new Date(1_700_000_000_000 + id).toISOString(),
    content: { type: 'text', text: `m${id}` },
    status: 'received',
  })),
  hasMore,
})

describe('pageCoverage', () => {
  it('the newest page (idTo): from its first message to idTo, or from the start when nothing is older', () => {
    expect(pageCoverage({ idTo: 50 }, page([20, 30, 50], true))).toEqual({
      oldestId: 20,
      newestId: 50,
      reachedStart: false,
    })
    expect(pageCoverage({ idTo: 50 }, page([20, 30, 50], false))).toEqual({
      oldestId: 1,
      newestId: 50,
      reachedStart: true,
    })
  })
  it('a newer page (idFrom): from idFrom to its last message', () => {
    expect(pageCoverage({ idFrom: 40 }, page([41, 45], false))).toEqual({
      oldestId: 40,
      newestId: 45,
      reachedStart: false,
    })
  })
  it('both bounds, nothing more inside: the whole range', () => {
    expect(pageCoverage({ idFrom: 40, idTo: 60 }, page([41, 45], false))).toEqual({
      oldestId: 40,
      newestId: 60,
      reachedStart: false,
    })
  })
  it('an empty page proves nothing', () => {
    expect(pageCoverage({ idTo: 50 }, page([], false))).toBeNull()
  })
})
