import { describe, expect, it } from 'vitest'
import { matchCanned, replaceRange, slashTokenAt } from './canned'

const replies = [
  { shortcut: 'thanks', text: 'Thank you for writing!' },
  { shortcut: 'hours', text: 'We are open 9-17.' },
  { shortcut: 'refund-thanks', text: 'Your refund is on its way.' },
]

describe('canned replies', () => {
  it('finds the /token before the caret, at the start or after a space', () => {
    expect(slashTokenAt('/tha', 4)).toEqual({ start: 0, query: 'tha' })
    expect(slashTokenAt('Hi /h', 5)).toEqual({ start: 3, query: 'h' })
    expect(slashTokenAt('http://x', 8)).toBeNull()
    expect(slashTokenAt('and/or', 6)).toBeNull()
  })
  it('ranks prefix matches first', () => {
    expect(matchCanned(replies, 'than').map((r) => r.shortcut)).toEqual(['thanks', 'refund-thanks'])
  })
  it('replaces the token with the text', () => {
    expect(replaceRange('Hi /tha!', 3, 7, replies[0]!.text)).toEqual({ text: 'Hi Thank you for writing!!', caret: 25 })
  })
})
