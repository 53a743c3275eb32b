/**
 * The backfill's progress in the store's `sync_cursors` (name `backfill`):
 * which window the current run covers, so that a restart mid-run resumes
 * the same window instead of sliding it. What is already fetched is not in
 * the cursor: it is the stored pages themselves (`message_coverage`), so a
 * restart resumes exactly where the last stored page left off.
 */
import { z } from 'zod'
import type { Logger } from '../ports/logger'
import type { AccountStore } from '../store'

export const BACKFILL_CURSOR = 'backfill'
const DAY_MS = 86_400_000

const runCursorSchema = z.object({
  version: z.literal(1),
  days: z.number().int().positive(),
  /** The window's edge: messages from then on are fetched. */
  cutoffMs: z.number().int(),
  startedAt: z.number().int(),
  /** Null while the run is under way. */
  completedAt: z.number().int().nullable(),
})
export type RunCursor = z.infer<typeof runCursorSchema>

/** The run to do now: the unfinished one of the same window, else a new one ending now. */
export function beginRun(store: AccountStore, days: number, now: number, log: Logger): RunCursor {
  const saved = runCursorSchema.safeParse(store.cursors.get(BACKFILL_CURSOR))
  if (saved.success && saved.data.days === days && saved.data.completedAt === null) {
    log.info(`resuming the history backfill of ${days} days started ${new Date(saved.data.startedAt).toISOString()}`)
    return saved.data
  }
  if (!saved.success && store.cursors.get(BACKFILL_CURSOR) !== undefined) {
    // Only a hint: a damaged cursor costs a new run, whose plan comes from the stored pages anyway.
    log.warn(`the saved backfill cursor was unreadable (${saved.error.issues[0]?.message}); starting a new run`)
  }
  const run: RunCursor = { version: 1, days, cutoffMs: now - days * DAY_MS, startedAt: now, completedAt: null }
  store.cursors.set(BACKFILL_CURSOR, run)
  return run
}

export function completeRun(store: AccountStore, run: RunCursor, now: number): void {
  store.cursors.set(BACKFILL_CURSOR, { ...run, completedAt: now })
}
