import { describe, expect, it } from 'vitest'
import { giveBackReply, onReplyGivenBack, withGivenBack } from './giveBack'

describe('giving a discarded reply back to the reply box', () => {
  it('goes to the box of that conversation only', () => {
    const taken: string[] = []
    const stop = onReplyGivenBack((chatId, text) => {
      if (chatId !== 'chat_1') return false
      taken.push(text)
      return true
    })
    expect(giveBackReply('chat_2', 'not mine')).toBe(false)
    expect(giveBackReply('chat_1', 'mine')).toBe(true)
    stop()
    expect(giveBackReply('chat_1', 'after unmount')).toBe(false)
    expect(taken).toEqual(['mine'])
  })

  it('keeps what is already typed, and puts the given text on a new line after it', () => {
    expect(withGivenBack('', 'Hello')).toBe('Hello')
    expect(withGivenBack('  ', 'Hello')).toBe('Hello')
    expect(withGivenBack('Typing this \n', 'Hello')).toBe('Typing this\nHello')
  })
})
