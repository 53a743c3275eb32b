/**
 * Which list a tick asks for, and what in it is news. Mostly a delta from the
 * watermark (the largest `updatedDate` seen, in server time, never the local
 * clock), now and then a full list: the safety net, and the only way to see a
 * conversation disappear. See ./README.md, "The algorithm", step 1.
 */
import type { Conversation, ListConversationsQuery } from '../../shared/api/schemas'
import type { StoredVersion } from '../store'
import type { SyncIntervals } from './intervals'

export interface ListRequest {
  full: boolean
  query: ListConversationsQuery
}

/** What the list cadence keeps in the account's database, so that a restart asks only for what changed. */
export interface ListCursor {
  watermarkMs: number
  /** When the last full list was taken (local clock: it only paces the next one). */
  lastFullListAt: number
}

export const LIST_CURSOR = 'listCursor'

export function parseListCursor(value: unknown): ListCursor | null {
  if (typeof value !== 'object' || value === null) return null
  const { watermarkMs, lastFullListAt } = value as Record<string, unknown>
  return Number.isFinite(watermarkMs) && Number.isFinite(lastFullListAt)
    ? { watermarkMs: watermarkMs as number, lastFullListAt: lastFullListAt as number }
    : null
}

export class ListWatermark {
  private watermarkMs: number | null = null
  private lastFullSyncAt: number | null = null
  /** The first full list of a run goes to the renderer as `full: true`. */
  private firstFullEmitPending = true

  constructor(private readonly intervals: SyncIntervals) {}

  /** Where an earlier run left off (its conversations are in the database): the first tick is a delta. */
  seed(cursor: ListCursor): void {
    this.watermarkMs = cursor.watermarkMs
    this.lastFullSyncAt = cursor.lastFullListAt
  }

  /** What to keep for the next start; null until both a full list and a watermark are known. */
  cursor(): ListCursor | null {
    if (this.watermarkMs === null || this.lastFullSyncAt === null) return null
    return { watermarkMs: this.watermarkMs, lastFullListAt: this.lastFullSyncAt }
  }

  /** A new run (a start after stop() or a 401): its first full list goes out as such. The watermark and the
   * full-list cadence stay: they are the server's and the database's, not the run's. */
  restart(): void {
    this.firstFullEmitPending = true
  }

  /** `deltaAllowed`: false when the persisted sync state is missing (its baseline needs the whole list). */
  next(focused: boolean, now: number, deltaAllowed = true): ListRequest {
    const fullEveryMs = focused ? this.intervals.fullResyncMs : this.intervals.fullResyncBackgroundMs
    const full =
      !deltaAllowed ||
      this.watermarkMs === null ||
      this.lastFullSyncAt === null ||
      now - this.lastFullSyncAt >= fullEveryMs
    const query: ListConversationsQuery =
      full || this.watermarkMs === null
        ? { archived: 'any' }
        : { archived: 'any', dateFrom: new Date(this.watermarkMs - this.intervals.overlapMs).toISOString() }
    return { full, query }
  }

  /** After a committed tick: the watermark moves to the newest `updatedDate` listed. */
  advance(listed: Conversation[], full: boolean, now: number): void {
    for (const conversation of listed) {
      const time = Date.parse(conversation.updatedDate)
      if (this.watermarkMs === null || time > this.watermarkMs) this.watermarkMs = time
    }
    if (full) this.lastFullSyncAt = now
  }

  /** Whether this tick's list goes to the renderer whole. Only when it matters (the first one
   * of a run, or something disappeared): 100,000 unchanged rows would be pure IPC noise. */
  takeFullEmit(full: boolean, removedCount: number): boolean {
    const sendFull = full && (this.firstFullEmitPending || removedCount > 0)
    if (sendFull) this.firstFullEmitPending = false
    return sendFull
  }
}

export interface ListDiff {
  /** New, or with another `updatedDate` than the picture's. */
  changed: Conversation[]
  /** Known, but absent from a full list (always empty for a delta, which lists only what moved). */
  removedIds: string[]
  /** The versions `changed` and `removedIds` replace (the badge's total moves by their difference). */
  previous: Map<string, StoredVersion>
}

/** Drops what the overlap brought back unchanged: the same `id` and `updatedDate` as the picture. Reads the
 * stored versions of the listed ids only (of every row for a full list: the only way to see what is gone). */
export function diffListing(
  picture: { versions(ids: readonly string[] | 'all'): Map<string, StoredVersion> },
  listed: Conversation[],
  full: boolean,
): ListDiff {
  const known = picture.versions(full ? 'all' : listed.map((c) => c.id))
  const changed = listed.filter((c) => known.get(c.id)?.updatedMs !== Date.parse(c.updatedDate))
  const listedIds = new Set(listed.map((c) => c.id))
  const removedIds = full ? [...known.keys()].filter((id) => !listedIds.has(id)) : []
  const previous = new Map<string, StoredVersion>()
  for (const id of [...changed.map((c) => c.id), ...removedIds]) {
    const version = known.get(id)
    if (version) previous.set(id, version)
  }
  return { changed, removedIds, previous }
}
