/**
 * Which list a tick asks for, and what in it is news. Mostly a delta from the
 * watermark (the largest `updatedDate` seen, in server time, never the local
 * clock), now and then a full list: the safety net, and the only way to see a
 * conversation disappear. See ./README.md, "The algorithm", step 1.
 */
import type { Conversation, ListConversationsQuery } from '../../shared/api/schemas'
import type { SyncIntervals } from './intervals'

export interface ListRequest {
  full: boolean
  query: ListConversationsQuery
}

export class ListWatermark {
  private watermarkMs: number | null = null
  private lastFullSyncAt: number | null = null
  /** The first full list of a run goes to the renderer as `full: true`. */
  private firstFullEmitPending = true

  constructor(private readonly intervals: SyncIntervals) {}

  /** A new run: its first list is full, and goes out as such. The watermark stays: it is the server's. */
  restart(): void {
    this.lastFullSyncAt = null
    this.firstFullEmitPending = true
  }

  next(focused: boolean, now: number): ListRequest {
    const fullEveryMs = focused ? this.intervals.fullResyncMs : this.intervals.fullResyncBackgroundMs
    const full = this.lastFullSyncAt === null || now - this.lastFullSyncAt >= fullEveryMs
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
   * of a run, or something disappeared): 10,000 unchanged rows every few minutes would be pure IPC noise. */
  takeFullEmit(full: boolean, removedCount: number): boolean {
    const sendFull = full && (this.firstFullEmitPending || removedCount > 0)
    if (sendFull) this.firstFullEmitPending = false
    return sendFull
  }
}

export interface ListDiff {
  /** New, or with another `updatedDate` than the cache's. */
  changed: Conversation[]
  /** Known, but absent from a full list (always empty for a delta, which lists only what moved). */
  removedIds: string[]
}

/** Drops what the overlap brought back unchanged: the same `id` and `updatedDate` as the cache. */
export function diffListing(
  cache: { serverVersion(chatId: string): Conversation | undefined; serverIds(): string[] },
  listed: Conversation[],
  full: boolean,
): ListDiff {
  const changed = listed.filter((c) => cache.serverVersion(c.id)?.updatedDate !== c.updatedDate)
  const listedIds = new Set(listed.map((c) => c.id))
  const removedIds = full ? cache.serverIds().filter((id) => !listedIds.has(id)) : []
  return { changed, removedIds }
}
