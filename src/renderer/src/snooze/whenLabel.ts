/** A wake time as the snooze UI says it: "Today, 18:00", "Tomorrow, 09:00", else the date and time. */
import type { TFunction } from 'i18next'
import type { Formatters } from '../i18n/format'
import { dayOf } from './presets'

export function whenLabel(atMs: number, now: number, t: TFunction, format: Formatters): string {
  const day = dayOf(atMs, new Date(now))
  if (day === 'today') return t('snooze.today', { time: format.time(atMs) })
  if (day === 'tomorrow') return t('snooze.tomorrow', { time: format.time(atMs) })
  return format.dateTime(atMs)
}
