import { describe, expect, it } from 'vitest'
import { bridgeErrorKinds } from '../../../shared/ipc/contract'
import { i18n } from '../i18n/i18n'
import { connectErrorMessage } from './connectErrors'

const en = i18n.getFixedT('en')

describe('connectErrorMessage', () => {
  it('tells a wrong key, a wrong address and a silent server apart', () => {
    const titles = (['unauthorized', 'network', 'timeout', 'invalid_response'] as const).map(
      (kind) => connectErrorMessage(en, kind, 'x', 'http://127.0.0.1:1').title,
    )
    expect(new Set(titles).size).toBe(4)
    expect(connectErrorMessage(en, 'network', 'x', 'http://127.0.0.1:1').body).toContain('http://127.0.0.1:1')
  })
  it('shows the field message for invalid arguments', () => {
    expect(connectErrorMessage(en, 'invalid_argument', 'Enter the API key', '').body).toBe('Enter the API key')
  })
  it('has a non-empty message for every kind, in every language', () => {
    for (const locale of ['en', 'es', 'pt-BR', 'de', 'ar']) {
      const t = i18n.getFixedT(locale)
      for (const kind of bridgeErrorKinds) expect(connectErrorMessage(t, kind, 'm', 'u').body.length).toBeGreaterThan(0)
    }
  })
  it('says the wait in seconds, with the plural the language needs', () => {
    expect(connectErrorMessage(en, 'rate_limited', '', 'u', 1000).body).toContain('1 second.')
    expect(connectErrorMessage(en, 'rate_limited', '', 'u', 4500).body).toContain('5 seconds.')
    const de = connectErrorMessage(i18n.getFixedT('de'), 'rate_limited', '', 'u', 4500).body
    expect(de).toContain('5 Sekunden')
  })
})
