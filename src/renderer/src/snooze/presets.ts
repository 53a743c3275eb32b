/**
 * The snooze picker's choices, reckoned once in the local time zone of the moment the agent picks, and handed to
 * main as instants (ms since the epoch): main keeps the instant, so a later clock or time-zone change cannot move
 * it. Local wall times are built with `new Date(y, m, d, h, min)`, which keeps 09:00 at 09:00 across a daylight
 * saving change (adding 24 h would not).
 */

export type SnoozePresetKey = 'inHour' | 'thisEvening' | 'tomorrow' | 'nextMonday'

export interface SnoozePreset {
  key: SnoozePresetKey
  atMs: number
}

const HOUR = 60 * 60 * 1000
/** "This evening" is 18:00; offered while it is at least this far away (else "in 1 hour" says the same). */
export const EVENING_HOUR = 18
const EVENING_LEAD_MS = HOUR
/** Tomorrow's and next Monday's start of the working day. */
export const MORNING_HOUR = 9

const at = (base: Date, addDays: number, hour: number) =>
  new Date(base.getFullYear(), base.getMonth(), base.getDate() + addDays, hour, 0, 0, 0).getTime()

export function snoozePresets(now: Date): SnoozePreset[] {
  const presets: SnoozePreset[] = [{ key: 'inHour', atMs: now.getTime() + HOUR }]
  const evening = at(now, 0, EVENING_HOUR)
  if (evening - now.getTime() >= EVENING_LEAD_MS) presets.push({ key: 'thisEvening', atMs: evening })
  presets.push({ key: 'tomorrow', atMs: at(now, 1, MORNING_HOUR) })
  // The Monday after today (a week ahead on a Monday). Sunday evening's "next Monday" is tomorrow, said once.
  const daysToMonday = (8 - now.getDay()) % 7 || 7
  if (daysToMonday > 1) presets.push({ key: 'nextMonday', atMs: at(now, daysToMonday, MORNING_HOUR) })
  return presets
}

/** `<input type="datetime-local">`'s value ("2026-12-07T09:00") as an instant in the local time zone; null if not one. */
export function parseLocalDateTime(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value)
  if (!match) return null
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number]
  const date = new Date(year, month - 1, day, hour, minute, 0, 0)
  // 2026-02-31 rolls over to March: not a date the agent typed.
  if (date.getMonth() !== month - 1 || date.getDate() !== day) return null
  return date.getTime()
}

/** An instant as `<input type="datetime-local">` shows it, in the local time zone. */
export function localDateTimeValue(atMs: number): string {
  const date = new Date(atMs)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}T${two(date.getHours())}:${two(date.getMinutes())}`
}

/** Whether a picked time is refused: not a time, or not in the future. */
export function refusedTime(atMs: number | null, nowMs: number): 'invalid' | 'past' | null {
  if (atMs === null) return 'invalid'
  return atMs <= nowMs ? 'past' : null
}

/** Which day an instant falls on, seen from `now` in the local time zone: for "Today, 18:00"-style labels. */
export function dayOf(atMs: number, now: Date): 'today' | 'tomorrow' | 'other' {
  const start = at(now, 0, 0)
  if (atMs >= start && atMs < at(now, 1, 0)) return 'today'
  if (atMs >= at(now, 1, 0) && atMs < at(now, 2, 0)) return 'tomorrow'
  return 'other'
}
