import { describe, expect, it } from 'vitest'
import { translator } from './translate'

describe('translator (main-side text)', () => {
  it('looks a key up in the language, with placeholders', () => {
    expect(translator('de')('recovery.reload')).toBe('Neu laden')
    expect(translator('en')('thread.label', { name: 'Ana' })).toBe('Conversation with Ana')
  })
  it('falls back to English, then to the key', () => {
    expect(translator('ar')('no.such.key')).toBe('no.such.key')
    expect(translator('es')('recovery')).toBe('recovery') // a group, not a text
  })
  it('leaves an unknown placeholder as it is', () => {
    expect(translator('en')('thread.label')).toBe('Conversation with {{name}}')
  })
})
