import { describe, expect, it } from 'vitest'
import { isPhoneLike } from './phone'

describe('isPhoneLike', () => {
  it('knows phone numbers as people write them', () => {
    for (const number of ['+61412345678', '+1 (415) 555-0123', '030 1234.5678', ' +233244559012 ']) {
      expect(isPhoneLike(number)).toBe(true)
    }
  })
  it('leaves names alone, in any script, and numbers inside them', () => {
    for (const label of ['Kwame Mensah', 'فاطمة', 'Room 101', '', '12', 'A-10977']) {
      expect(isPhoneLike(label)).toBe(false)
    }
  })
})
