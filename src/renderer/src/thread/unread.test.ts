import { describe, expect, it } from 'vitest'
import type { Message } from '../../../shared/api/schemas'
import { buildThreadRows } from './rows'
import { firstUnreadMessageId } from './unread'

const message = (id: number, direction: 'inbound' | 'outbound', date = '2026-11-25T12:00:00.000Z'): Message => ({
  id,
  chatId: 'c1',
  direction,
  date,
  content: { type: 'text', text: `m${id}` },
  status: direction === 'inbound' ? 'received' : 'read',
})

describe('the "New messages" divider', () => {
  const thread = [message(1, 'inbound'), message(2, 'outbound'), message(3, 'inbound'), message(4, 'inbound')]
  const at = (unreadCount: number, newestId: number | null = 4) => ({ chatId: 'c1', unreadCount, newestId })

  it('goes before the unreadCount-th inbound message from the end', () => {
    expect(firstUnreadMessageId(thread, at(2))).toBe(3)
    expect(firstUnreadMessageId(thread, at(3))).toBe(1)
    expect(firstUnreadMessageId(thread, at(0))).toBeNull()
  })

  it('ignores messages that arrived after the conversation was opened', () => {
    expect(firstUnreadMessageId([...thread, message(5, 'inbound')], at(1))).toBe(4)
  })

  it('with more unread than loaded, goes before the oldest loaded inbound message', () => {
    expect(firstUnreadMessageId(thread, at(50))).toBe(1)
    expect(firstUnreadMessageId([message(9, 'outbound')], at(2, 9))).toBeNull()
  })

  it('is a row after its day separator, before the message', () => {
    const rows = buildThreadRows(
      [message(1, 'inbound', '2026-11-24T12:00:00.000Z'), message(3, 'inbound', '2026-11-25T12:00:00.000Z')],
      [],
      3,
    )
    expect(rows.map((r) => r.key)).toEqual(['day-2026-11-24', 'm-1', 'day-2026-11-25', 'unread', 'm-3'])
  })
})
