/**
 * RFC 3339 date-times (section 5.6), as the contract's `DateTime` defines them:
 * `2026-11-24T09:15:02.123Z`, and also the forms RFC 3339 allows that a
 * plain `Date.parse` or zod's `z.iso.datetime()` refuse: a lowercase `t`/`z`,
 * and a leap second (`23:59:60` in UTC). Seconds fractions of any length and
 * `±hh:mm` offsets are allowed; a space instead of `T`, `±hhmm` offsets and
 * missing offsets are not.
 *
 * The contract's choice for a leap second: it reads as the last millisecond of
 * that minute (`23:59:59.999Z`), so the order of events is kept and every
 * value stays a JavaScript `Date`. `toCanonicalDateTime` turns any accepted
 * form into `Date.prototype.toISOString()`'s (UTC, milliseconds), which is
 * the form the client keeps, compares and sends back.
 *
 * Pure: no electron, no DOM, no node:* imports.
 */

/** The contract's `pattern` for a DateTime (docs/inbox-api.yaml); the calendar and leap-second rules are below. */
export const DATE_TIME_PATTERN = '^\\d{4}-\\d\\d-\\d\\d[Tt]\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?([Zz]|[+-]\\d\\d:\\d\\d)$'

const DATE_TIME = /^(\d{4})-(\d\d)-(\d\d)[Tt](\d\d):(\d\d):(\d\d)(\.\d+)?(?:([Zz])|([+-])(\d\d):(\d\d))$/

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
}

interface Parts {
  date: string
  hour: number
  minute: number
  second: number
  fraction: string
  /** `Z` or `±hh:mm`. */
  offset: string
}

function parts(value: string): Parts | null {
  const match = DATE_TIME.exec(value)
  if (!match) return null
  const [, y, mo, d, h, mi, s, fraction = '', zulu, sign, oh, om] = match
  const year = Number(y)
  const month = Number(mo)
  const day = Number(d)
  const hour = Number(h)
  const minute = Number(mi)
  const second = Number(s)
  if (month < 1 || month > 12 || day < 1) return null
  if (day > (month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0))) return null
  if (hour > 23 || minute > 59 || second > 60) return null
  const offsetHours = zulu ? 0 : Number(oh)
  const offsetMinutes = zulu ? 0 : Number(om)
  if (offsetHours > 23 || offsetMinutes > 59) return null
  if (second === 60) {
    // A leap second exists only at the end of a UTC day's last minute.
    const signed = sign === '-' ? -1 : 1
    const utcMinutes = (((hour * 60 + minute - signed * (offsetHours * 60 + offsetMinutes)) % 1440) + 1440) % 1440
    if (utcMinutes !== 23 * 60 + 59) return null
  }
  return {
    date: `${y}-${mo}-${d}`,
    hour,
    minute,
    second,
    fraction,
    offset: zulu ? 'Z' : `${sign}${oh}:${om}`,
  }
}

/** Whether `value` is a date-time the contract allows. */
export function isContractDateTime(value: string): boolean {
  return parts(value) !== null
}

/**
 * The same instant as `toISOString()` writes it (UTC, milliseconds); a leap
 * second becomes `…:59.999`. A value that is not a contract date-time comes
 * back unchanged (the schema has already refused it).
 */
export function toCanonicalDateTime(value: string): string {
  const p = parts(value)
  if (!p) return value
  const leap = p.second === 60
  const pad = (n: number) => String(n).padStart(2, '0')
  const fraction = leap ? '.999' : p.fraction.slice(0, 4)
  const instant = new Date(
    `${p.date}T${pad(p.hour)}:${pad(p.minute)}:${pad(leap ? 59 : p.second)}${fraction}${p.offset}`,
  )
  if (Number.isNaN(instant.getTime())) return value
  const canonical = instant.toISOString()
  // Year 0000 with a positive offset lands before year 0, which toISOString writes as ±YYYYYY: keep the original.
  return parts(canonical) ? canonical : value
}
