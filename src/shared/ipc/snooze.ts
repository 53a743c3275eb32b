/**
 * Snooze (issue 13 §1) over the bridge. The Inbox API has archive and unarchive and no snooze: main archives the
 * conversation now, keeps when it wakes in the account's database (an instant, ms since the epoch), and
 * unarchives it when due (src/main/snooze). The window picks the instant in the local time zone
 * (src/renderer/src/snooze) and shows the list main pushes.
 */
import { z } from 'zod'
import { API_LIMITS, type Conversation } from '../api/schemas'

const idSchema = z
  .string()
  .min(1)
  .max(API_LIMITS.idLength)
  .refine((id) => id !== '.' && id !== '..', 'must not be . or ..')

/** Later than this is refused too: a typo of a year, not a snooze. */
export const SNOOZE_MAX_AHEAD_MS = 366 * 24 * 60 * 60 * 1000

export const snoozeArgsSchema = z
  .object({
    chatId: idSchema,
    /** When it wakes: ms since the epoch, in the future (main refuses a time that has passed). */
    untilMs: z.number().int().positive(),
  })
  .strict()

export const snoozeChatArgsSchema = z.object({ chatId: idSchema }).strict()

/** One snoozed conversation, as the Snoozed view lists it. `E` is the contract's BridgeError (./contract.ts exports
 * `SnoozedConversation` and `SnoozeList` with it; this file does not import it back). */
export interface SnoozedConversationOf<E> {
  chatId: string
  /** When it wakes (ISO, UTC): the window shows it in the local time zone. */
  until: string
  /** The conversation as main knows it (absent when the picture has not got it yet). */
  conversation: Conversation | null
  /** Due, but not woken yet: its unarchive failed (offline, the server) and is being tried again. */
  late: boolean
  /** Failed attempts to wake it, and why the last one failed. */
  attempts: number
  lastError: E | null
}

/** What `snoozesChanged` pushes and `listSnoozes` answers: every snooze of the connected account, soonest first. */
export interface SnoozeListOf<E> {
  snoozes: SnoozedConversationOf<E>[]
}
