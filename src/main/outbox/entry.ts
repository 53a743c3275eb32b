/**
 * What the outbox keeps per reply, on disk and in memory, and how an entry
 * written by an older version is read. Pure data: no I/O here.
 */
import { z } from 'zod'
import type { BridgeError, OutboxEntry } from '../../shared/ipc/contract'

const bridgeErrorSchema = z.object({
  kind: z.string(),
  message: z.string(),
  retryAfterMs: z.number().optional(),
  detail: z.string().optional(),
  cause: z.string().optional(),
  host: z.string().optional(),
  // The sentence by its code (src/shared/i18n/error-texts.ts), kept so a restart still shows it translated.
  code: z.string().optional(),
  values: z.record(z.string(), z.unknown()).optional(),
})

/**
 * How one POST ended, as far as we know:
 * - `unknown`: it left (or may have left) and no definite answer came: the
 *   server may have the reply, now or later. See docs/outbox.md.
 * - `accepted`: a 2xx. `refused`: a 4xx (nothing was made).
 * - `not-sent`: provably never left this machine (refused connection, a local
 *   check, a Retry-After still holding).
 * - `absent`: was `unknown`; a read of the thread that started after its
 *   ambiguity window ended did not find it.
 */
export const attemptOutcomes = ['unknown', 'accepted', 'refused', 'not-sent', 'absent'] as const
export type AttemptOutcome = (typeof attemptOutcomes)[number]

const attemptSchema = z.object({
  /** When the POST was about to leave (ms, local clock): the ambiguity window starts here. */
  startedAt: z.number(),
  outcome: z.enum(attemptOutcomes),
})
export type Attempt = z.infer<typeof attemptSchema>

export const storedEntrySchema = z.object({
  version: z.literal(2),
  clientId: z.string().min(1),
  chatId: z.string().min(1),
  text: z.string().min(1),
  state: z.enum(['pending', 'sending', 'accepted', 'failed', 'unconfirmed']),
  createdAt: z.string(),
  attempts: z.array(attemptSchema),
  /** Our copy on the server (from a 2xx, or found in the thread). */
  messageId: z.number().int().nullable(),
  /** More copies of this reply found on the server: duplicates, claimed so that no other entry takes them. */
  duplicateMessageIds: z.array(z.number().int()),
  error: bridgeErrorSchema.nullable(),
  /** The newest message id of the thread read just before the first attempt
   * (0: empty thread). Any copy of this reply on the server has a higher id. */
  baselineMessageId: z.number().int().min(0).nullable(),
  /** No send before this instant (ms, local clock): backoff or Retry-After. */
  nextAttemptAt: z.number().nullable(),
  /** No read of the thread before this instant (ms): the backoff between checks. */
  nextCheckAt: z.number().nullable(),
  /** Accepted, but another attempt may still be held at the server: keep
   * reading (and claiming copies) until this instant (ms). */
  watchUntil: z.number().nullable(),
  /** The agent chose Resend on an unconfirmed entry: send without the read
   * that the passed windows would otherwise need. Cleared when it is sent. */
  resendApproved: z.boolean(),
  /** The account's key was refused: wait for `resume()` with a new key. */
  heldForAuth: z.boolean(),
})
export type StoredOutboxEntry = z.infer<typeof storedEntrySchema>

/** What versions before 2 wrote (one `attempts` count, a `needsReconcile` flag). */
const legacyEntrySchema = z.object({
  clientId: z.string().min(1),
  chatId: z.string().min(1),
  text: z.string().min(1),
  state: z.enum(['pending', 'sending', 'accepted', 'failed']),
  createdAt: z.string(),
  attempts: z.number().int().min(0),
  messageId: z.number().int().nullable(),
  error: bridgeErrorSchema.nullable(),
  baselineMessageId: z.number().int().min(0).nullable(),
  needsReconcile: z.boolean().optional(),
  nextAttemptAt: z.number().nullable().optional(),
  heldForAuth: z.boolean().optional(),
})

export function newEntry(reply: { clientId: string; chatId: string; text: string }, now: number): StoredOutboxEntry {
  return {
    version: 2,
    ...reply,
    state: 'pending',
    createdAt: new Date(now).toISOString(),
    attempts: [],
    messageId: null,
    duplicateMessageIds: [],
    error: null,
    baselineMessageId: null,
    nextAttemptAt: null,
    nextCheckAt: null,
    watchUntil: null,
    resendApproved: false,
    heldForAuth: false,
  }
}

/**
 * A stored entry of this or an older version, or null when it is unreadable.
 * An older entry that was ever attempted becomes one attempt of unknown
 * outcome starting `now`: the old format kept no start time (and took a 502
 * for a definite answer), so the upgrade waits one whole window, reading the
 * thread, before it may send again.
 */
export function readStoredEntry(raw: unknown, now: number): StoredOutboxEntry | null {
  const current = storedEntrySchema.safeParse(raw)
  if (current.success) return current.data
  const legacy = legacyEntrySchema.safeParse(raw)
  if (!legacy.success) return null
  const old = legacy.data
  const entry = newEntry(old, now)
  entry.createdAt = old.createdAt
  entry.error = old.error
  entry.baselineMessageId = old.baselineMessageId
  entry.heldForAuth = old.heldForAuth ?? false
  if (old.state === 'accepted' || old.state === 'failed') {
    entry.state = old.state
    entry.messageId = old.messageId
    const outcome = old.state === 'accepted' ? 'accepted' : 'refused'
    entry.attempts = Array.from({ length: Math.max(1, old.attempts) }, () => ({ startedAt: now, outcome }))
    return entry
  }
  if (old.attempts > 0 || old.state === 'sending') entry.attempts = [{ startedAt: now, outcome: 'unknown' }]
  return entry
}

/** `notSaved`: why the entry's latest state is not on disk (./unsaved.ts), null when it is. */
export function toPublic(entry: StoredOutboxEntry, notSaved: BridgeError | null = null): OutboxEntry {
  return {
    clientId: entry.clientId,
    chatId: entry.chatId,
    text: entry.text,
    state: entry.state,
    createdAt: entry.createdAt,
    attempts: entry.attempts.length,
    messageId: entry.messageId,
    baselineMessageId: entry.baselineMessageId,
    error: entry.error as BridgeError | null,
    notSaved,
  }
}
