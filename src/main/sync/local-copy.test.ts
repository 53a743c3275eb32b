/** Which part of a thread the local copy may call complete after a sync's read. */
import { describe, expect, it } from 'vitest'
import type { Message } from '../../shared/api/schemas'
import { mergedCoverage } from './local-copy'

const messages = (...ids: number[]): Message[] =>
  ids.map((id) => ({
    id,
    chatId: 'c1',
    direction: 'inbound',
    date: new Date(1_700_000_000_000 + id).toISOString(),
    content: { type: 'text', text: `m${id}` },
    status: 'received',
  }))

describe('mergedCoverage', () => {
  it('a read from the first id reaches the start', () => {
    expect(mergedCoverage(null, 1, messages(3, 8))).toEqual({ oldestId: 1, newestId: 8, reachedStart: true })
  })
  it('a read from later covers from where it asked, not from its first message', () => {
    expect(mergedCoverage(null, 5, messages(8, 12))).toEqual({ oldestId: 5, newestId: 12, reachedStart: false })
  })
  it('joins a read that touches the stored range, keeping the start reached', () => {
    const stored = { oldestId: 1, newestId: 8, reachedStart: true }
    expect(mergedCoverage(stored, 9, messages(10, 14))).toEqual({ oldestId: 1, newestId: 14, reachedStart: true })
    expect(mergedCoverage(stored, 4, messages(4, 9))).toEqual({ oldestId: 1, newestId: 9, reachedStart: true })
  })
  it('a read past a gap replaces the range (its middle is unknown)', () => {
    const stored = { oldestId: 1, newestId: 8, reachedStart: true }
    expect(mergedCoverage(stored, 20, messages(21))).toEqual({ oldestId: 20, newestId: 21, reachedStart: false })
  })
  it('nothing read: nothing to record', () => {
    expect(mergedCoverage(null, 5, [])).toBeUndefined()
  })
})
