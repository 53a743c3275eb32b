import { describe, expect, it } from 'vitest'
import { defaultSpellCheckLanguages, effectiveSpellCheckLanguages } from './spellcheck'

// A slice of what Chromium offers on Linux and Windows (no Arabic Hunspell dictionary).
const chromium = ['de', 'de-DE', 'en-GB', 'en-US', 'es', 'es-419', 'es-ES', 'pt-BR', 'pt-PT', 'fr']

describe('defaultSpellCheckLanguages', () => {
  it('follows the UI language, with the usual region', () => {
    expect(defaultSpellCheckLanguages('en', chromium)).toEqual(['en-US'])
    expect(defaultSpellCheckLanguages('pt-BR', chromium)).toEqual(['pt-BR'])
    expect(defaultSpellCheckLanguages('de', chromium)).toEqual(['de'])
    expect(defaultSpellCheckLanguages('de', ['de-AT', 'de-CH', 'de-DE'])).toEqual(['de-DE'])
    expect(defaultSpellCheckLanguages('es', ['es-419', 'es-ES', 'es-MX'])).toEqual(['es-ES'])
  })
  it('takes any dictionary of the language, or none when Chromium has none', () => {
    expect(defaultSpellCheckLanguages('en', ['en-AU'])).toEqual(['en-AU'])
    expect(defaultSpellCheckLanguages('es', ['es'])).toEqual(['es'])
    expect(defaultSpellCheckLanguages('ar', chromium)).toEqual([])
  })
})

describe('effectiveSpellCheckLanguages', () => {
  it('uses the choice, dropping what Chromium does not offer', () => {
    expect(effectiveSpellCheckLanguages(['pt-BR', 'en-US', 'xx'], 'ar', chromium)).toEqual(['pt-BR', 'en-US'])
  })
  it('follows the UI language until the agent chooses', () => {
    expect(effectiveSpellCheckLanguages(null, 'pt-BR', chromium)).toEqual(['pt-BR'])
  })
  it('keeps the choice as it is where the OS spell-checks by itself (macOS offers no list)', () => {
    expect(effectiveSpellCheckLanguages(['de-DE'], 'en', [])).toEqual(['de-DE'])
    expect(effectiveSpellCheckLanguages(null, 'en', [])).toEqual([])
  })
})
