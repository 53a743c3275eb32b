/**
 * Dates, times, relative times and durations in the UI language (Intl), times honouring the 12/24-hour
 * preference. Components call `useFormat()`; a language or clock change re-renders them.
 */
import { useContext, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { FormatContext, type FormatSettings } from './LocaleSync'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

function hourCycle(clock: FormatSettings['clock']): Intl.DateTimeFormatOptions {
  if (clock === '24h') return { hourCycle: 'h23' }
  if (clock === '12h') return { hourCycle: 'h12' }
  return {}
}

/** The duration words, from the catalog: `time.underMinute`, `time.hours`, `time.minutes`, `time.hoursMinutes`. */
export interface DurationWords {
  underMinute: string
  hours: (hours: string) => string
  minutes: (minutes: string) => string
  hoursMinutes: (hours: string, minutes: string) => string
}

export function makeFormatters({ locale, clock }: FormatSettings, words: DurationWords) {
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', ...hourCycle(clock) })
  const timeWithSeconds = new Intl.DateTimeFormat(locale, {
    hour: 'numeric',
    minute: '2-digit',
    second: '2-digit',
    ...hourCycle(clock),
  })
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', ...hourCycle(clock) })
  const dayThisYear = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long' })
  const dayOtherYear = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' })
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  const number = new Intl.NumberFormat(locale)
  return {
    time: (iso: string | number) => time.format(new Date(iso)),
    timeWithSeconds: (iso: string | number) => timeWithSeconds.format(new Date(iso)),
    dateTime: (iso: string | number) => dateTime.format(new Date(iso)),
    /** 10,000 / 10.000 / ١٠٬٠٠٠: a count in the UI language's digits and grouping. */
    number: (value: number) => number.format(value),
    /** A day separator's date: weekday and day this year, the full date otherwise. */
    day: (date: Date, thisYear: boolean) => (thisYear ? dayThisYear : dayOtherYear).format(date),
    /** "5 minutes ago", "yesterday", "3 days ago". */
    relative: (iso: string | number, now: number) => {
      const diff = new Date(iso).getTime() - now
      const abs = Math.abs(diff)
      if (abs < MINUTE) return relative.format(0, 'second')
      if (abs < HOUR) return relative.format(Math.round(diff / MINUTE), 'minute')
      if (abs < DAY) return relative.format(Math.round(diff / HOUR), 'hour')
      if (abs < 30 * DAY) return relative.format(Math.round(diff / DAY), 'day')
      if (abs < 365 * DAY) return relative.format(Math.round(diff / (30 * DAY)), 'month')
      return relative.format(Math.round(diff / (365 * DAY)), 'year')
    },
    /** Time left: "5 h 12 min", "42 min", "under a minute" (the words from the catalog, digits from Intl). */
    timeLeft: (msLeft: number) => {
      const total = Math.floor(msLeft / MINUTE)
      if (total < 1) return words.underMinute
      const h = Math.floor(total / 60)
      const m = total % 60
      if (h === 0) return words.minutes(number.format(m))
      return m === 0 ? words.hours(number.format(h)) : words.hoursMinutes(number.format(h), number.format(m))
    },
  }
}

export type Formatters = ReturnType<typeof makeFormatters>

export function useFormat(): Formatters {
  const settings = useContext(FormatContext)
  const { t, i18n } = useTranslation()
  // Rebuilt when the language changes (t is stable across it, i18n.language is not).
  const language = i18n.language
  return useMemo(
    () =>
      makeFormatters(settings, {
        underMinute: t('time.underMinute'),
        hours: (hours) => t('time.hours', { hours }),
        minutes: (minutes) => t('time.minutes', { minutes }),
        hoursMinutes: (hours, minutes) => t('time.hoursMinutes', { hours, minutes }),
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- language: the catalog t reads from changed
    [settings, t, language],
  )
}
