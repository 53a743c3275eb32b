/**
 * Bulk actions (issue 13 §2) over the bridge: what the renderer may ask main to do to many conversations at once,
 * and the status main pushes while it does it (src/main/bulk). The batch runs in main, which owns the HTTP calls:
 * bounded concurrency, a 429's Retry-After held for the whole batch, progress, cancel, failures kept for a Retry,
 * one Undo for the whole batch.
 */
import { z } from 'zod'
import { API_LIMITS, isoDateTime } from '../api/schemas'

/** The most conversations one batch may take (a view's "select all" on a very large inbox). */
export const BULK_MAX_ITEMS = 20_000

/** The views (src/shared/domain/views.ts `inboxViews`; spelled out so the two do not import each other). */
export const bulkViews = ['mine', 'unassigned', 'all', 'unread', 'archive'] as const

const idSchema = z
  .string()
  .min(1)
  .max(API_LIMITS.idLength)
  .refine((id) => id !== '.' && id !== '..', 'must not be . or ..')

export const bulkActionTypes = ['archive', 'unarchive', 'markRead', 'assign', 'unassign', 'snooze'] as const
export type BulkActionType = (typeof bulkActionTypes)[number]

export const bulkActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('archive') }).strict(),
  z.object({ type: z.literal('unarchive') }).strict(),
  z.object({ type: z.literal('markRead') }).strict(),
  z.object({ type: z.literal('assign'), userId: idSchema }).strict(),
  z.object({ type: z.literal('unassign') }).strict(),
  /** Until when, ms since the epoch (src/main/snooze). */
  z.object({ type: z.literal('snooze'), untilMs: z.number().int().positive() }).strict(),
])
export type BulkAction = z.infer<typeof bulkActionSchema>

export const startBulkActionArgsSchema = z
  .object({
    action: bulkActionSchema,
    chatIds: z.array(idSchema).min(1).max(BULK_MAX_ITEMS),
  })
  .strict()

export const bulkBatchArgsSchema = z.object({ batchId: z.string().min(1).max(64) }).strict()

/** "Select all in this view": every conversation of the view, not only the rows the list has rendered. */
export const bulkViewIdsArgsSchema = z
  .object({
    view: z.enum(bulkViews),
    channelIds: z.array(idSchema).max(50).default([]),
    dateFrom: isoDateTime.optional(),
    /** The list's search box (names, numbers, last messages), as the list filters it. */
    search: z.string().max(500).default(''),
  })
  .strict()
export type BulkViewIdsArgs = z.input<typeof bulkViewIdsArgsSchema>

/** A conversation the batch could not change: kept until a Retry changes it or the batch is forgotten.
 * `E` is the contract's BridgeError (./contract.ts exports `BulkFailure`; this file does not import it back). */
export interface BulkFailureOf<E> {
  chatId: string
  /** The contact's name or number (empty when unknown). */
  name: string
  error: E
}

export type BulkState =
  /** Sending. */
  | 'running'
  /** Holding every request until `resumesAt`: a 429's Retry-After, or a backoff after the server failed. */
  | 'waiting'
  /** The computer is offline: the batch needs the server and waits for the network. */
  | 'offline'
  /** Every conversation was tried: `failed` lists what did not change. */
  | 'done'
  /** The agent cancelled: what was done stays done (Undo reverts it), the rest was not sent. */
  | 'cancelled'
  /** The server refused the key (401): nothing more was sent; the rest is listed as failed. */
  | 'stopped'

/**
 * What Undo can do for a batch: `available` (it reverts `undoable` conversations), `none` (nothing changed, or it
 * was undone), `not_supported` (mark read: the Inbox API has no way to mark a conversation unread).
 */
export type BulkUndo = 'available' | 'none' | 'not_supported'

/** A batch's progress (./contract.ts exports `BulkStatus` with its BridgeError). */
export interface BulkStatusOf<E> {
  batchId: string
  /** Grows with every status of this batch: the window keeps the newest (an answer may arrive after an event). */
  revision: number
  action: BulkActionType
  /** `undo`: this batch reverts batch `undoOf`. */
  phase: 'run' | 'undo'
  undoOf: string | null
  state: BulkState
  total: number
  /** Tried and finished (succeeded or failed). */
  done: number
  succeeded: number
  failed: BulkFailureOf<E>[]
  /** While `waiting`: when requests resume (ISO). */
  resumesAt: string | null
  undo: BulkUndo
  /** How many conversations Undo would revert. */
  undoable: number
}

/** Whether a batch is still sending (or waiting to). */
export const isBulkActive = (status: { state: BulkState }): boolean =>
  status.state === 'running' || status.state === 'waiting' || status.state === 'offline'
