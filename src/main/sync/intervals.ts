/**
 * How often the engine asks, in one place: the poll loop reads the tick
 * intervals, the list watermark the full-list cadence and the overlap.
 */
export interface SyncIntervals {
  focusedMs: number
  backgroundMs: number
  /** A full `archived=any` list this often while focused: a safety net for
   * anything the deltas could miss (they already see archivals elsewhere:
   * they ask `archived=any`, and archiving moves updatedDate), and the only
   * way to see a conversation disappear. Once a day (issue 11 §6): at 100,000
   * conversations it is ~52 MB, which every 5 minutes was 15 GB a day for a
   * net that deltas make nearly idle. Kept across restarts (the list cursor). */
  fullResyncMs: number
  /** The same in the background. */
  fullResyncBackgroundMs: number
  /** How far before the watermark each delta asks from: `dateFrom` is strictly
   * "after", and a conversation updated in the same millisecond as the
   * watermark (or committed slightly out of order) must not be missed. */
  overlapMs: number
}

export const defaultSyncIntervals: SyncIntervals = {
  focusedMs: 2_000,
  backgroundMs: 10_000,
  fullResyncMs: 24 * 60 * 60_000,
  fullResyncBackgroundMs: 24 * 60 * 60_000,
  overlapMs: 2_000,
}
