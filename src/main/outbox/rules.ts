/**
 * The outbox's rules, as pure functions of an entry and the time: what to do
 * next (send, or read the thread), and what an answer means. docs/outbox.md
 * draws them; the attempt runner (runner.ts) carries them out.
 *
 * The rule in one sentence: an attempt that ended without a definite answer
 * (a 2xx, or a 4xx refusal) may still be made by the server until its
 * ambiguity window has passed, so no new attempt goes out until every earlier
 * one is known, or its window has passed and a read of the thread that began
 * after it did not find the reply.
 */
import { coded, errorTexts } from '../../shared/i18n/error-texts'
import { codedBridgeError } from '../ports/errors'
import { ApiError } from '../ports/inbox-api'
import { DEFAULT_TIMEOUT_MS } from '../api'
import type { Attempt, AttemptOutcome, StoredOutboxEntry } from './entry'

/** How late a server may still commit a reply after the client gave up on it. */
export const SLOW_COMMIT_MARGIN_MS = 15_000
/** From an attempt's start: at least the client's request timeout, plus the margin. */
export const DEFAULT_AMBIGUITY_WINDOW_MS = DEFAULT_TIMEOUT_MS + SLOW_COMMIT_MARGIN_MS

export interface OutboxTiming {
  /** From an attempt's start until the outbox stops expecting its copy. */
  windowMs: number
  /** The shortest pause between two reads of the thread within a window. */
  minCheckGapMs: number
  /** Reads of an unconfirmed entry: they can confirm it, never resend it. */
  unconfirmedCheckEveryMs: number
}

export const defaultTiming: OutboxTiming = {
  windowMs: DEFAULT_AMBIGUITY_WINDOW_MS,
  minCheckGapMs: 2_000,
  unconfirmedCheckEveryMs: 60_000,
}

export type Step = { kind: 'send' | 'check'; at: number }

export const unknownAttempts = (entry: StoredOutboxEntry): Attempt[] =>
  entry.attempts.filter((attempt) => attempt.outcome === 'unknown')

/** When the last window of the entry's unknown attempts ends (null: none is unknown). */
export function windowEnd(entry: StoredOutboxEntry, timing: OutboxTiming): number | null {
  const unknown = unknownAttempts(entry)
  if (unknown.length === 0) return null
  return Math.max(...unknown.map((attempt) => attempt.startedAt + timing.windowMs))
}

/** Whether the entry still holds back the later replies of its conversation. */
export function isSettled(entry: StoredOutboxEntry): boolean {
  return entry.state === 'accepted' && entry.watchUntil === null
}

/** The entry's next step and when it is due; null when it waits for the agent, a new key, or nothing. */
export function nextStep(entry: StoredOutboxEntry, timing: OutboxTiming): Step | null {
  if (entry.heldForAuth || entry.state === 'failed' || entry.state === 'sending') return null
  if (entry.state === 'accepted')
    return entry.watchUntil === null ? null : { kind: 'check', at: entry.nextCheckAt ?? 0 }
  if (entry.state === 'unconfirmed') return { kind: 'check', at: entry.nextCheckAt ?? 0 }
  const end = windowEnd(entry, timing)
  // The agent looked at the conversation and chose Resend: the windows that had passed need no read.
  if (end === null || entry.resendApproved) return { kind: 'send', at: entry.nextAttemptAt ?? 0 }
  // Within the window, reads follow their backoff; the one at its end decides.
  return { kind: 'check', at: Math.min(entry.nextCheckAt ?? 0, end) }
}

/** The next read within a window: the gap grows with the time since the newest attempt began. */
export function nextCheckAt(entry: StoredOutboxEntry, readStartedAt: number, timing: OutboxTiming): number {
  const newestStart = Math.max(0, ...entry.attempts.map((attempt) => attempt.startedAt))
  const gap = Math.max(timing.minCheckGapMs, (readStartedAt - newestStart) / 2)
  return readStartedAt + gap
}

/**
 * What a failed POST says about its attempt, and what the entry does next:
 * `refused` (a 4xx) and `not-sent` are definite; everything else — a timeout,
 * a connection that dropped before or after the body, a 5xx, an answer we
 * cannot read, an error we do not know — leaves the outcome `unknown`.
 */
export interface SendFailure {
  outcome: AttemptOutcome
  next: 'failed' | 'hold-for-auth' | 'retry-later' | 'check'
}

export function classifySendFailure(error: unknown): SendFailure {
  if (!(error instanceof ApiError)) return { outcome: 'unknown', next: 'check' }
  const status = error.details.status
  const answered4xx = status !== undefined && status >= 400 && status < 500
  if (error.kind === 'unauthorized') return { outcome: 'refused', next: 'hold-for-auth' }
  if (error.kind === 'bad_request' || error.kind === 'not_found') {
    return { outcome: answered4xx ? 'refused' : 'not-sent', next: 'failed' }
  }
  if (error.kind === 'rate_limited') return { outcome: answered4xx ? 'refused' : 'not-sent', next: 'retry-later' }
  if (error.details.ambiguous === false && status === undefined) return { outcome: 'not-sent', next: 'retry-later' }
  return { outcome: 'unknown', next: 'check' }
}

/** How many copies of the reply the server may hold: attempts that were, or may have been, made. */
export function possibleCopies(entry: StoredOutboxEntry): number {
  return entry.attempts.filter((attempt) => attempt.outcome === 'unknown' || attempt.outcome === 'accepted').length
}

/** The ids this entry owns on the server. */
export const ownedIds = (entry: StoredOutboxEntry): number[] =>
  entry.messageId === null ? [...entry.duplicateMessageIds] : [entry.messageId, ...entry.duplicateMessageIds]

/**
 * After a read of the thread that found `copies` (outbound, our text, above
 * the baseline, owned by no other entry; ascending), the changes to make.
 * `final` is true when the read began after the last unknown window ended.
 */
export function afterRead(
  entry: StoredOutboxEntry,
  copies: readonly number[],
  readStartedAt: number,
  timing: OutboxTiming,
): Partial<StoredOutboxEntry> {
  const owned = new Set(ownedIds(entry))
  // No more copies than attempts that may have made one: a further identical message is someone else's.
  const fresh = copies.filter((id) => !owned.has(id)).slice(0, Math.max(0, possibleCopies(entry) - owned.size))
  const messageId = entry.messageId ?? fresh.shift() ?? null
  const duplicateMessageIds = [...entry.duplicateMessageIds, ...fresh]
  const end = windowEnd(entry, timing)
  const final = end === null || readStartedAt >= end
  if (messageId === null) {
    if (entry.state === 'unconfirmed') return { nextCheckAt: readStartedAt + timing.unconfirmedCheckEveryMs }
    if (!final) return { nextCheckAt: nextCheckAt(entry, readStartedAt, timing) }
    // Every window has passed and the thread does not have it: no copy will come. Send again.
    return { attempts: markUnknown(entry, 'absent'), nextCheckAt: null, nextAttemptAt: null }
  }
  const accepted = { state: 'accepted' as const, messageId, duplicateMessageIds, error: null, heldForAuth: false }
  const allFound = 1 + duplicateMessageIds.length >= possibleCopies(entry)
  if (allFound || final) {
    // Nothing more can appear: the unknown attempts that made no copy did not happen.
    const outcome: AttemptOutcome = allFound ? 'accepted' : 'absent'
    return { ...accepted, attempts: markUnknown(entry, outcome), watchUntil: null, nextCheckAt: null }
  }
  // Another attempt may still be held at the server: keep reading until its window passes.
  return { ...accepted, watchUntil: end, nextCheckAt: nextCheckAt(entry, readStartedAt, timing) }
}

function markUnknown(entry: StoredOutboxEntry, outcome: AttemptOutcome): Attempt[] {
  return entry.attempts.map((attempt) => (attempt.outcome === 'unknown' ? { ...attempt, outcome } : attempt))
}

/** A read of the thread failed. At the end of the window, the entry stops, visibly: never a silent resend. */
export function afterFailedRead(
  entry: StoredOutboxEntry,
  readStartedAt: number,
  timing: OutboxTiming,
  reason: string,
): Partial<StoredOutboxEntry> {
  const end = windowEnd(entry, timing)
  const final = end === null || readStartedAt >= end
  if (entry.state === 'unconfirmed' || (final && entry.state === 'pending')) {
    return {
      state: 'unconfirmed',
      error: codedBridgeError('network', coded('outbox.unconfirmed'), { detail: reason }),
      nextCheckAt: readStartedAt + timing.unconfirmedCheckEveryMs,
    }
  }
  return { nextCheckAt: nextCheckAt(entry, readStartedAt, timing) }
}

export const UNCONFIRMED_MESSAGE = errorTexts['outbox.unconfirmed']
