import { afterEach, describe, expect, it } from 'vitest'
import { dayOf, localDateTimeValue, parseLocalDateTime, refusedTime, snoozePresets } from './presets'

// Node's TZ, read again by Date as it changes: the time zone the agent's machine is set to. (The renderer's
// tsconfig has no Node types, hence the narrow view of `process`.)
const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env
const originalTz = env.TZ
afterEach(() => {
  env.TZ = originalTz
})

/** The presets at `iso` as seen in time zone `tz`, as instants (ISO, UTC). */
function presetsIn(tz: string, iso: string) {
  env.TZ = tz
  return Object.fromEntries(snoozePresets(new Date(iso)).map((p) => [p.key, new Date(p.atMs).toISOString()]))
}

describe('snooze presets', () => {
  it('are local wall times of the zone the agent is in, handed on as instants', () => {
    // Thursday 2026-12-03 14:00 UTC: 15:00 in Berlin, 09:00 in New York, 23:00 in Tokyo.
    expect(presetsIn('Europe/Berlin', '2026-12-03T14:00:00Z')).toEqual({
      inHour: '2026-12-03T15:00:00.000Z',
      thisEvening: '2026-12-03T17:00:00.000Z',
      tomorrow: '2026-12-04T08:00:00.000Z',
      nextMonday: '2026-12-07T08:00:00.000Z',
    })
    expect(presetsIn('America/New_York', '2026-12-03T14:00:00Z')).toEqual({
      inHour: '2026-12-03T15:00:00.000Z',
      thisEvening: '2026-12-03T23:00:00.000Z',
      tomorrow: '2026-12-04T14:00:00.000Z',
      nextMonday: '2026-12-07T14:00:00.000Z',
    })
    // 23:00 in Tokyo: the evening has passed, so it is not offered.
    expect(presetsIn('Asia/Tokyo', '2026-12-03T14:00:00Z')).toEqual({
      inHour: '2026-12-03T15:00:00.000Z',
      tomorrow: '2026-12-04T00:00:00.000Z',
      nextMonday: '2026-12-07T00:00:00.000Z',
    })
  })

  it('keep 09:00 at 09:00 across a daylight saving change (not 24 h later)', () => {
    // Saturday 2026-03-07 in New York; clocks go forward on Sunday 03-08, so Monday 09:00 is EDT (UTC-4).
    const p = presetsIn('America/New_York', '2026-03-07T15:00:00Z')
    expect(p.tomorrow).toBe('2026-03-08T13:00:00.000Z')
    expect(p.nextMonday).toBe('2026-03-09T13:00:00.000Z')
  })

  it('next Monday is a week ahead on a Monday, and not offered on Sunday (it is tomorrow)', () => {
    expect(presetsIn('UTC', '2026-12-07T10:00:00Z').nextMonday).toBe('2026-12-14T09:00:00.000Z')
    expect(presetsIn('UTC', '2026-12-06T10:00:00Z')).not.toHaveProperty('nextMonday')
  })

  it('a picked date and time is local; an impossible one or one that has passed is refused', () => {
    env.TZ = 'Europe/Berlin'
    const at = parseLocalDateTime('2026-12-07T09:30')
    expect(new Date(at!).toISOString()).toBe('2026-12-07T08:30:00.000Z')
    expect(localDateTimeValue(at!)).toBe('2026-12-07T09:30')
    expect(parseLocalDateTime('2026-02-31T09:00')).toBeNull()
    expect(parseLocalDateTime('')).toBeNull()
    const now = Date.parse('2026-12-07T08:30:00Z')
    expect(refusedTime(at, now)).toBe('past')
    expect(refusedTime(at, now - 60_000)).toBeNull()
    expect(refusedTime(null, now)).toBe('invalid')
  })

  it('says today or tomorrow by the local calendar', () => {
    env.TZ = 'Asia/Tokyo'
    const now = new Date('2026-12-03T14:00:00Z') // 23:00 Thursday in Tokyo
    expect(dayOf(Date.parse('2026-12-03T14:30:00Z'), now)).toBe('today')
    expect(dayOf(Date.parse('2026-12-03T15:30:00Z'), now)).toBe('tomorrow') // 00:30 Friday
    expect(dayOf(Date.parse('2026-12-05T15:30:00Z'), now)).toBe('other')
  })
})
