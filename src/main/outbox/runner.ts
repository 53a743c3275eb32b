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
}

export function createRunner(deps: RunnerDeps) {
  const { api, log, timing } = deps
  /** Failed reads before any attempt (the baseline): backoff without counting an attempt. */
  const baselineFailures = new Map<string, number>()

  function retryLater(entry: StoredOutboxEntry, error: unknown, failures: number): void {
    const delayMs = backoffDelayMs(Math.max(1, failures), error, deps.backoff, deps.random)
    log.warn(`reply ${entry.clientId}: not sent; retry in ${delayMs} ms`, error)
    deps.commit(entry, { state: 'pending', error: toBridgeError(error), nextAttemptAt: deps.now() + delayMs })
  }

  async function send(entry: StoredOutboxEntry): Promise<void> {
    if (entry.baselineMessageId === null) {
      try {
        // Before the first POST: where the thread ends, so a copy is recognised by its id alone.
        const baseline = await newestMessageId(api, entry.chatId, deps.lastKnownMessageId?.(entry.chatId))
        baselineFailures.delete(entry.clientId)
        deps.commit(entry, { baselineMessageId: baseline })
      } catch (error) {
        const failures = (baselineFailures.get(entry.clientId) ?? 0) + 1
        baselineFailures.set(entry.clientId, failures)
        if (classifySendFailure(error).next === 'failed') return fail(entry, error)
        if (classifySendFailure(error).next === 'hold-for-auth') return holdForAuth(entry, error)
        return retryLater(entry, error, failures)
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
      const response = await api.sendReply(entry.chatId, entry.text)
      accepted(entry, response.messageId)
    } catch (error) {
      sendFailed(entry, error)
    }
  }

  function setLastOutcome(entry: StoredOutboxEntry, outcome: StoredOutboxEntry['attempts'][number]['outcome']) {
    return entry.attempts.map((attempt, i) => (i === entry.attempts.length - 1 ? { ...attempt, outcome } : attempt))
  }

  function accepted(entry: StoredOutboxEntry, messageId: number): void {
    const attempts = setLastOutcome(entry, 'accepted')
    const stillUnknown = attempts.some((attempt) => attempt.outcome === 'unknown')
    // An earlier attempt (sent again on the agent's word) may still be made: read for it once more at least.
    const watch = stillUnknown ? Math.max(windowEnd({ ...entry, attempts }, timing) ?? 0, deps.now()) : null
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

  function fail(entry: StoredOutboxEntry, error: unknown): void {
    log.warn(`reply ${entry.clientId} refused`, error)
    deps.commit(entry, { state: 'failed', error: toBridgeError(error), nextAttemptAt: null })
  }

  function holdForAuth(entry: StoredOutboxEntry, error: unknown): void {
    // Checks keep their state (an accepted or unconfirmed entry stays so); a refused POST waits as pending.
    const state = entry.state === 'sending' ? 'pending' : entry.state
    deps.commit(entry, { state, error: toBridgeError(error), heldForAuth: true })
  }

  function sendFailed(entry: StoredOutboxEntry, error: unknown): void {
    const verdict = classifySendFailure(error)
    const attempts = setLastOutcome(entry, verdict.outcome)
    deps.commit(entry, { attempts })
    if (verdict.next === 'failed') return fail(entry, error)
    if (verdict.next === 'hold-for-auth') return holdForAuth(entry, error)
    if (verdict.next === 'retry-later') return retryLater(entry, error, attempts.length)
    log.warn(`reply ${entry.clientId}: outcome unknown; reading the thread until its window ends`, error)
    // The first read at once: a dropped connection after the commit is found right away.
    deps.commit(entry, { state: 'pending', error: toBridgeError(error), nextCheckAt: deps.now() })
  }

  async function check(entry: StoredOutboxEntry): Promise<void> {
    const startedAt = deps.now()
    const wasAccepted = entry.state === 'accepted'
    try {
      const copies = await findCopies(api, entry, deps.ownedByOthers(entry), log)
      const before = entry.duplicateMessageIds.length
      deps.commit(entry, afterRead(entry, copies, startedAt, timing))
      if (entry.duplicateMessageIds.length > before) {
        log.error(
          `reply ${entry.clientId} is on the server more than once: ${entry.messageId}, ${entry.duplicateMessageIds.join(', ')}`,
        )
      }
      if (!wasAccepted && entry.state === 'accepted') {
        log.info(`reply ${entry.clientId} was already on the server as message ${entry.messageId}; not sending again`)
        deps.onAccepted(entry)
      }
    } catch (error) {
      if (classifySendFailure(error).next === 'hold-for-auth') return holdForAuth(entry, error)
      const reason = toBridgeError(error).message
      deps.commit(entry, afterFailedRead(entry, startedAt, timing, reason))
      if (entry.state === 'unconfirmed') log.warn(`reply ${entry.clientId}: could not confirm it was sent`, error)
    }
  }

  return {
    run(entry: StoredOutboxEntry, step: Step): Promise<void> {
      return step.kind === 'send' ? send(entry) : check(entry)
    },
  }
}
