import { describe, expect, it } from 'vitest'
import type { Message, MessagesPage } from '../../../shared/api/schemas'
import type { ThreadData } from '../bridge/queries'
import { placeAround } from './jump'

const messages = (from: number, to: number): Message[] =>
  Array.from({ length: to - from + 1 }, (_, i) => ({
    id: from + i,
    chatId: 'c',
    direction: 'inbound',
    date: '2026-01-01T00:00:00.000Z',
    content: { type: 'text', text: `m${from + i}` },
    status: 'received',
  }))
const page = (from: number, to: number, hasMore: boolean): MessagesPage => ({ data: messages(from, to), hasMore })
const ids = (thread: ThreadData) => [thread.messages[0]!.id, thread.messages.at(-1)!.id, thread.messages.length]

describe('placeAround', () => {
  it('far from the loaded pages: they are replaced, newer pages still to load', () => {
    const newest: ThreadData = { messages: messages(900, 999), hasOlder: true }
    const placed = placeAround(newest, page(101, 200, true), page(201, 300, true))
    expect(ids(placed)).toEqual([101, 300, 200])
    expect(placed).toMatchObject({ hasOlder: true, hasNewer: true })
  })

  it('touching the newest pages: one thread again, nothing newer to load', () => {
    const newest: ThreadData = { messages: messages(301, 400), hasOlder: true }
    const placed = placeAround(newest, page(101, 200, true), page(201, 300, true))
    expect(ids(placed)).toEqual([101, 400, 300])
    expect(placed).toMatchObject({ hasOlder: true, hasNewer: false })
  })

  it('another result, near the newest, while a window far back is loaded: no gap between them', () => {
    const window: ThreadData = { messages: messages(101, 300), hasOlder: true, hasNewer: true }
    const placed = placeAround(window, page(901, 1000, true), page(1001, 1020, false))
    expect(ids(placed)).toEqual([901, 1020, 120])
    expect(placed).toMatchObject({ hasOlder: true, hasNewer: false })
  })

  it('at the start of the thread: nothing older', () => {
    const placed = placeAround(undefined, page(1, 5, false), page(6, 105, true))
    expect(ids(placed)).toEqual([1, 105, 105])
    expect(placed).toMatchObject({ hasOlder: false, hasNewer: true })
  })
})
