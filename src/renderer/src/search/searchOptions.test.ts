import { describe, expect, it } from 'vitest'
import type { SearchInboxResult } from '../../../shared/ipc/search'
import { searchOptionId, searchOptions, stepOption } from './searchOptions'

const group = (id: string, messageIds: number[], contactMatch = false) =>
  ({
    conversation: { id } as SearchInboxResult['groups'][number]['conversation'],
    contactMatch,
    matches: messageIds.map((messageId) => ({ messageId, date: '2026-01-01T00:00:00.000Z', snippet: [] })),
  }) satisfies SearchInboxResult['groups'][number]

describe('search options', () => {
  const result: SearchInboxResult = {
    words: ['x'],
    more: false,
    groups: [group('contact-only', [], true), group('a', [9, 4]), group('b/c', [2])],
  }

  it('one option per matching message, in the order shown; a contact-only group has none', () => {
    expect(searchOptions(result).map((o) => [o.chatId, o.messageId])).toEqual([
      ['a', 9],
      ['a', 4],
      ['b/c', 2],
    ])
    expect(searchOptionId('b/c', 2)).toBe('search-hit-b%2Fc-2')
  })

  it('steps through them, clamped at both ends, starting from the first or the last', () => {
    const options = searchOptions(result)
    expect(stepOption(options, null, 1)).toBe(options[0]!.id)
    expect(stepOption(options, null, -1)).toBe(options[2]!.id)
    expect(stepOption(options, options[0]!.id, 1)).toBe(options[1]!.id)
    expect(stepOption(options, options[2]!.id, 1)).toBe(options[2]!.id)
    expect(stepOption(options, options[0]!.id, -1)).toBe(options[0]!.id)
    expect(stepOption([], null, 1)).toBeNull()
  })
})
