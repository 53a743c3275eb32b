import { describe, expect, it } from 'vitest'
import type { Conversation } from '../api/schemas'
import { isSameContact, otherConversationsOf } from './contact'

const conversation = (id: string, contact: Conversation['contact'], lastMessageDate: string) =>
  ({ id, contact, lastMessageDate }) as Conversation

describe('one contact across channels', () => {
  it('is recognised by the phone number, digits only', () => {
    expect(
      isSameContact(
        { id: 'a', name: 'Sofía', phoneNumber: '+34 612 48 09 37' },
        { id: 'b', name: 'S. H.', phoneNumber: '+34612480937' },
      ),
    ).toBe(true)
    expect(
      isSameContact(
        { id: 'a', name: 'Sofía', phoneNumber: '+34612480937' },
        { id: 'b', name: 'Sofía', phoneNumber: '+34612480938' },
      ),
    ).toBe(false)
  })

  it('or by the same contact id; not by a short code or a missing number', () => {
    expect(isSameContact({ id: 'a', name: 'x', phoneNumber: null }, { id: 'a', name: 'y' })).toBe(true)
    expect(
      isSameContact({ id: 'a', name: 'x', phoneNumber: '12345' }, { id: 'b', name: 'x', phoneNumber: '12345' }),
    ).toBe(false)
    expect(isSameContact({ id: 'a', name: 'x' }, { id: 'b', name: 'x' })).toBe(false)
  })

  it('lists the other conversations, the most recent first, not this one', () => {
    const sofia = { id: 'ct1', name: 'Sofía', phoneNumber: '+34612480937' }
    const open = conversation('c1', sofia, '2026-11-03T10:00:00.000Z')
    const all = [
      open,
      conversation('c2', { ...sofia, id: 'ct2' }, '2026-11-01T10:00:00.000Z'),
      conversation('c3', { id: 'ct3', name: 'Other', phoneNumber: '+4915112345678' }, '2026-11-04T10:00:00.000Z'),
      conversation('c4', { ...sofia, id: 'ct4' }, '2026-11-02T10:00:00.000Z'),
    ]
    expect(otherConversationsOf(open, all).map((c) => c.id)).toEqual(['c4', 'c2'])
  })
})
