/**
 * Carries out one step of one entry (rules.ts decides which): a send — the
 * baseline read before the first POST, the attempt written down, the POST —
 * or a read of the thread. Every change goes through `commit`, which writes
 * it to disk before the next step.
 */
import { toBridgeError } from '../ports/errors'
import type { InboxApi } from '../ports/inbox-api'
import type { Logger } from '../ports/logger'
import { backoffDelayMs, type BackoffPolicy } from '../ports/backoff'
import type { StoredOutboxEntry } from './entry'
import { afterFailedRead, afterRead, classifySendFailure, windowEnd, type OutboxTiming, type Step } from './rules'
import { findCopies, newestMessageId } from './thread-reader'

export interface RunnerDeps {
  api: InboxApi
  log: Logger
  timing: OutboxTiming
  backoff: BackoffPolicy
  random: () => number
  now(): number
  /** Applies the changes and writes the entry to disk (and tells the renderer). */
  commit(entry: StoredOutboxEntry, changes: Partial<StoredOutboxEntry>): void
  /** Message ids other entries own: never taken for this one's copy. */
  ownedByOthers(entry: StoredOutboxEntry): Set<number>
  lastKnownMessageId?(chatId: string): number | null | undefined
  onAccepted(entry: StoredOutboxEntry): void
  /** Failed reads before any attempt (the baseline), by clientId: backoff without counting an attempt. */
  baselineFailures: Map<string, number>
}

/** Runs one step of an entry. */
export function runStep(deps: RunnerDeps, entry: StoredOutboxEntry, step: Step): Promise<void> {
  return step.kind === 'send' ? send(deps, entry) : check(deps, entry)
}

function retryLater(deps: RunnerDeps, entry: StoredOutboxEntry, error: unknown, failures: number): void {
  const delayMs = backoffDelayMs(Math.max(1, failures), error, deps.backoff, deps.random)
  deps.log.warn(`reply ${entry.clientId}: not sent; retry in ${delayMs} ms`, error)
  deps.commit(entry, { state: 'pending', error: toBridgeError(error), nextAttemptAt: deps.now() + delayMs })
}

async function send(deps: RunnerDeps, entry: StoredOutboxEntry): Promise<void> {
  if (entry.baselineMessageId === null) {
    try {
      // Before the first POST: where the thread ends, so a copy is recognised by its id alone.
      const baseline = await newestMessageId(deps.api, entry.chatId, deps.lastKnownMessageId?.(entry.chatId))
      deps.baselineFailures.delete(entry.clientId)
      deps.commit(entry, { baselineMessageId: baseline })
    } catch (error) {
      const failures = (deps.baselineFailures.get(entry.clientId) ?? 0) + 1
      deps.baselineFailures.set(entry.clientId, failures)
      if (classifySendFailure(error).next === 'failed') return fail(deps, entry, error)
      if (classifySendFailure(error).next === 'hold-for-auth') return holdForAuth(deps, entry, error)
      return retryLater(deps, entry, error, failures)
    }
  }
  // On disk, with its start time, before the request leaves: a crash from here on leaves an unknown attempt.
  const attempt = { startedAt: deps.now(), outcome: 'unknown' as const }
  deps.commit(entry, {
    state: 'sending',
    attempts: [...entry.attempts, attempt],
    error: null,
    resendApproved: false,
    nextAttemptAt: null,
    nextCheckAt: null,
  })
  try {
    const response = await deps.api.sendReply(entry.chatId, entry.text)
    accepted(deps, entry, response.messageId)
  } catch (error) {
    sendFailed(deps, entry, error)
  }
}

function lastOutcome(entry: StoredOutboxEntry, outcome: StoredOutboxEntry['attempts'][number]['outcome']) {
  return entry.attempts.map((attempt, i) => (i === entry.attempts.length - 1 ? { ...attempt, outcome } : attempt))
}

function accepted(deps: RunnerDeps, entry: StoredOutboxEntry, messageId: number): void {
  const attempts = lastOutcome(entry, 'accepted')
  const stillUnknown = attempts.some((attempt) => attempt.outcome === 'unknown')
  // An earlier attempt (sent again on the agent's word) may still be made: read for it once more at least.
  const watch = stillUnknown ? Math.max(windowEnd({ ...entry, attempts }, deps.timing) ?? 0, deps.now()) : null
  deps.commit(entry, {
    state: 'accepted',
    attempts,
    messageId,
    error: null,
    heldForAuth: false,
    watchUntil: watch,
    nextCheckAt: watch === null ? null : deps.now(),
  })
  deps.onAccepted(entry)
}

function fail(deps: RunnerDeps, entry: StoredOutboxEntry, error: unknown): void {
  deps.log.warn(`reply ${entry.clientId} refused`, error)
  deps.commit(entry, { state: 'failed', error: toBridgeError(error), nextAttemptAt: null })
}

function holdForAuth(deps: RunnerDeps, entry: StoredOutboxEntry, error: unknown): void {
  // Checks keep their state (an accepted or unconfirmed entry stays so); a refused POST waits as pending.
  const state = entry.state === 'sending' ? 'pending' : entry.state
  deps.commit(entry, { state, error: toBridgeError(error), heldForAuth: true })
}

function sendFailed(deps: RunnerDeps, entry: StoredOutboxEntry, error: unknown): void {
  const verdict = classifySendFailure(error)
  const attempts = lastOutcome(entry, verdict.outcome)
  deps.commit(entry, { attempts })
  if (verdict.next === 'failed') return fail(deps, entry, error)
  if (verdict.next === 'hold-for-auth') return holdForAuth(deps, entry, error)
  if (verdict.next === 'retry-later') return retryLater(deps, entry, error, attempts.length)
  deps.log.warn(`reply ${entry.clientId}: outcome unknown; reading the thread until its window ends`, error)
  // The first read at once: a dropped connection after the commit is found right away.
  deps.commit(entry, { state: 'pending', error: toBridgeError(error), nextCheckAt: deps.now() })
}

async function check(deps: RunnerDeps, entry: StoredOutboxEntry): Promise<void> {
  const startedAt = deps.now()
  const wasAccepted = entry.state === 'accepted'
  try {
    const copies = await findCopies(deps.api, entry, deps.ownedByOthers(entry), deps.log)
    const before = entry.duplicateMessageIds.length
    deps.commit(entry, afterRead(entry, copies, startedAt, deps.timing))
    if (entry.duplicateMessageIds.length > before) {
      deps.log.error(
        `reply ${entry.clientId} is on the server more than once: ${entry.messageId}, ${entry.duplicateMessageIds.join(', ')}`,
      )
    }
    if (!wasAccepted && entry.state === 'accepted') {
      deps.log.info(
        `reply ${entry.clientId} was already on the server as message ${entry.messageId}; not sending again`,
      )
      deps.onAccepted(entry)
    }
  } catch (error) {
    if (classifySendFailure(error).next === 'hold-for-auth') return holdForAuth(deps, entry, error)
    const reason = toBridgeError(error).message
    deps.commit(entry, afterFailedRead(entry, startedAt, deps.timing, reason))
    if (entry.state === 'unconfirmed') deps.log.warn(`reply ${entry.clientId}: could not confirm it was sent`, error)
  }
}
