import { describe, expect, it } from 'vitest'
import { isRtl, matchLocale, resolveLocale } from './locales'

describe('matchLocale', () => {
  it('takes an exact tag, then the language, then English', () => {
    expect(matchLocale(['pt-BR'])).toBe('pt-BR')
    expect(matchLocale(['es-MX', 'en-US'])).toBe('es')
    expect(matchLocale(['pt-PT'])).toBe('pt-BR')
    expect(matchLocale(['ar_EG'])).toBe('ar')
    expect(matchLocale(['fr-FR', 'de-AT'])).toBe('de')
    expect(matchLocale(['ja-JP'])).toBe('en')
    expect(matchLocale([])).toBe('en')
  })
  it('lets a choice in Settings override the OS', () => {
    expect(resolveLocale('system', ['de-DE'])).toBe('de')
    expect(resolveLocale('ar', ['de-DE'])).toBe('ar')
  })
  it('knows Arabic is right-to-left', () => {
    expect(isRtl('ar')).toBe(true)
    expect(isRtl('pt-BR')).toBe(false)
  })
})
