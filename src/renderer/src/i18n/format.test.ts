/** Time left in each language, with the catalogs' own words (moved here from shared/domain's formatTimeLeft). */
import { describe, expect, it } from 'vitest'
import { makeFormatters } from './format'
import { i18n } from './i18n'

function timeLeftIn(locale: 'en' | 'de' | 'ar', msLeft: number): string {
  const t = i18n.getFixedT(locale)
  return makeFormatters(
    { locale, clock: 'system' },
    {
      underMinute: t('time.underMinute'),
      hours: (hours) => t('time.hours', { hours }),
      minutes: (minutes) => t('time.minutes', { minutes }),
      hoursMinutes: (hours, minutes) => t('time.hoursMinutes', { hours, minutes }),
    },
  ).timeLeft(msLeft)
}

describe('timeLeft', () => {
  it('reads hours and minutes in English', () => {
    expect(timeLeftIn('en', 5 * 3600_000 + 12 * 60_000)).toBe('5 h 12 min')
    expect(timeLeftIn('en', 42 * 60_000)).toBe('42 min')
    expect(timeLeftIn('en', 3 * 3600_000)).toBe('3 h')
    expect(timeLeftIn('en', 20_000)).toBe('under a minute')
  })
  it('uses the language’s words and digits', () => {
    expect(timeLeftIn('de', 20_000)).toBe(i18n.getFixedT('de')('time.underMinute'))
    expect(timeLeftIn('de', 20_000)).not.toBe('under a minute')
    // Arabic digits come from Intl (٤٢), not the ASCII 42.
    expect(timeLeftIn('ar', 42 * 60_000)).toContain(new Intl.NumberFormat('ar').format(42))
  })
})
