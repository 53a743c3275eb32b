/** The outbox's pure rules (docs/outbox.md): what ends an attempt definitely, and what a read decides. */
import { describe, expect, it } from 'vitest'
import { ApiError } from '../ports/inbox-api'
import { newEntry, type StoredOutboxEntry } from './entry'
import { DEFAULT_TIMEOUT_MS } from '../api'
import {
  afterFailedRead,
  afterRead,
  classifySendFailure,
  DEFAULT_AMBIGUITY_WINDOW_MS,
  defaultTiming,
  nextStep,
  SLOW_COMMIT_MARGIN_MS,
  windowEnd,
  type OutboxTiming,
} from './rules'

const timing: OutboxTiming = { windowMs: 30_000, minCheckGapMs: 2_000, unconfirmedCheckEveryMs: 60_000 }
const entryWith = (changes: Partial<StoredOutboxEntry>): StoredOutboxEntry => ({
  ...newEntry({ clientId: 'c', chatId: 'chat_1', text: 'Hi' }, 0),
  baselineMessageId: 10,
  ...changes,
})
const unknownAt = (startedAt: number) => ({ startedAt, outcome: 'unknown' as const })

describe('classifySendFailure', () => {
  it.each([
    ['a timeout', new ApiError('timeout', 't', { ambiguous: true }), 'unknown'],
    ['a drop after the body', new ApiError('network', 'n', { ambiguous: true }), 'unknown'],
    ['a 502', new ApiError('unavailable', 'u', { status: 502 }), 'unknown'],
    ['a 2xx we cannot read', new ApiError('invalid_response', 'i', { status: 202 }), 'unknown'],
    ['an error we do not know', new Error('boom'), 'unknown'],
    ['a refused connection', new ApiError('network', 'n', { ambiguous: false }), 'not-sent'],
    ['a 400', new ApiError('bad_request', 'b', { status: 400 }), 'refused'],
    ['a 429', new ApiError('rate_limited', 'r', { status: 429, retryAfterMs: 1000 }), 'refused'],
    ['a Retry-After still holding', new ApiError('rate_limited', 'r', { retryAfterMs: 1000 }), 'not-sent'],
    ['a 401', new ApiError('unauthorized', 'a', { status: 401 }), 'refused'],
  ])('%s → %s', (_, error, outcome) => {
    expect(classifySendFailure(error).outcome).toBe(outcome)
  })
})

describe('the ambiguity window', () => {
  it("is the client's request timeout plus a slow-commit margin, and the app's outbox uses it", () => {
    expect(SLOW_COMMIT_MARGIN_MS).toBeGreaterThan(0)
    expect(DEFAULT_AMBIGUITY_WINDOW_MS).toBe(DEFAULT_TIMEOUT_MS + SLOW_COMMIT_MARGIN_MS)
    expect(defaultTiming.windowMs).toBe(DEFAULT_AMBIGUITY_WINDOW_MS)
  })

  it("runs from each unknown attempt's stored start, so a restart (a new process, a new clock reading) continues it", () => {
    const entry = entryWith({ attempts: [unknownAt(1_000), { startedAt: 5_000, outcome: 'accepted' }] })
    // Only the stored start counts: the window ends at the same instant whenever it is asked.
    expect(windowEnd(entry, timing)).toBe(31_000)
    expect(windowEnd({ ...entry, attempts: [...entry.attempts, unknownAt(20_000)] }, timing)).toBe(50_000)
    expect(windowEnd(entryWith({ attempts: [{ startedAt: 1_000, outcome: 'absent' }] }), timing)).toBeNull()
  })
})

describe('nextStep and reads', () => {
  it('within the window only reads; at its end, a read decides', () => {
    const entry = entryWith({ attempts: [unknownAt(1_000)], nextCheckAt: 5_000 })
    expect(nextStep(entry, timing)).toEqual({ kind: 'check', at: 5_000 })
    // A read within the window that finds nothing: another read, never a send.
    expect(afterRead(entry, [], 5_000, timing)).toEqual({ nextCheckAt: 7_000 })
    // Read at the window's end (31 s): not there, so the attempt was absent and a send is due.
    const decided = afterRead(entry, [], 31_000, timing)
    expect(decided.attempts).toEqual([{ startedAt: 1_000, outcome: 'absent' }])
    expect(nextStep({ ...entry, ...decided }, timing)).toEqual({ kind: 'send', at: 0 })
  })

  it('a failed read at the end of the window makes the entry unconfirmed, never a send', () => {
    const entry = entryWith({ attempts: [unknownAt(0)] })
    expect(afterFailedRead(entry, 10_000, timing, 'x')).toEqual({ nextCheckAt: 15_000 })
    const stopped = afterFailedRead(entry, 30_000, timing, 'x')
    expect(stopped.state).toBe('unconfirmed')
    const after = { ...entry, ...stopped }
    expect(nextStep(after, timing)?.kind).toBe('check')
    // A later read that does not find it leaves it unconfirmed: only the agent resends.
    expect(afterRead(after, [], 90_000, timing)).toEqual({ nextCheckAt: 150_000 })
  })

  it('two unknown attempts: the first copy found accepts, reading goes on until both windows passed', () => {
    const entry = entryWith({ attempts: [unknownAt(0), unknownAt(40_000)] })
    const first = afterRead(entry, [11], 45_000, timing)
    expect(first).toMatchObject({ state: 'accepted', messageId: 11, watchUntil: 70_000 })
    const watching = { ...entry, ...first }
    const second = afterRead(watching, [11, 12, 13], 50_000, timing)
    // Claimed by id, and no more copies than attempts that may have made one (13 is someone else's).
    expect(second).toMatchObject({ duplicateMessageIds: [12], watchUntil: null })
  })
})
