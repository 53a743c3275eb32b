import { describe, expect, it } from 'vitest'
import type { Conversation } from '../../shared/api/schemas'
import { computeUnreadTotal, createUnreadTotalPublisher } from './unread'

describe('computeUnreadTotal', () => {
  it('sums unread counts of active conversations only', () => {
    const rows = [
      { unreadCount: 3, archived: false },
      { unreadCount: 4, archived: true },
      { unreadCount: 0, archived: false },
      { unreadCount: 2, archived: false },
    ] as Conversation[] // only the two fields the rule reads matter here
    expect(computeUnreadTotal(rows)).toBe(5)
    expect(computeUnreadTotal([])).toBe(0)
  })
})

describe('createUnreadTotalPublisher', () => {
  it('pushes a total only when it changes', () => {
    const pushed: number[] = []
    const publisher = createUnreadTotalPublisher((total) => pushed.push(total))
    expect(publisher.current()).toBeNull()
    publisher.update(0)
    publisher.update(0)
    publisher.update(3)
    publisher.update(3)
    publisher.update(0)
    expect(pushed).toEqual([0, 3, 0])
    expect(publisher.current()).toBe(0)
  })
})
