import { describe, expect, it } from 'vitest'
import { isReplyTooLong, REPLY_MAX_CHARACTERS, replyLength } from './reply-length'

describe('replyLength counts characters (code points), as the contract does', () => {
  it.each([
    ['', 0],
    ['hello', 5],
    ['👍', 1],
    ['👍'.repeat(3000), 3000],
    ['é', 1],
    ['e\u0301', 2], // a combining accent is its own code point
    ['👩‍💻', 3], // woman, zero-width joiner, laptop
    ['\ud83d', 1], // a lone high surrogate
    ['\ude00x', 2], // a lone low surrogate
    ['a\ud83d', 2],
  ])('%j → %i', (text, expected) => {
    expect(replyLength(text)).toBe(expected)
    expect(replyLength(text)).toBe([...text].length)
  })

  it('3,000 emoji are within the limit; 4,097 characters of any width are not', () => {
    expect(isReplyTooLong('👍'.repeat(3000))).toBe(false)
    expect(isReplyTooLong('👍'.repeat(REPLY_MAX_CHARACTERS))).toBe(false)
    expect(isReplyTooLong('👍'.repeat(REPLY_MAX_CHARACTERS + 1))).toBe(true)
    expect(isReplyTooLong('x'.repeat(REPLY_MAX_CHARACTERS + 1))).toBe(true)
    expect(isReplyTooLong('x'.repeat(REPLY_MAX_CHARACTERS))).toBe(false)
  })
})
