/**
 * One conversation's part of the backfill, one page (100 messages, the API's
 * page size) at a time, planned from what the store already covers so that a
 * conversation costs as few requests as it can, and a restart resumes it:
 * - nothing stored: the newest page (`idTo` = its last message): one request
 *   for most conversations;
 * - stored, but the conversation moved on: what is newer (`idFrom`);
 * - stored up to its last message: older pages (`idTo` below the coverage)
 *   until a page reaches the window's edge or the thread's start.
 */
import type { GetMessagesQuery } from '../../shared/api/schemas'
import type { InboxApi } from '../ports/inbox-api'
import type { AccountStore, BackfillCandidate, MessageCoverage } from '../store'

/** The next request for a conversation, or null when its stored pages are complete for the window. */
export function nextRequest(
  candidate: BackfillCandidate,
  coverage: MessageCoverage | null,
  oldestCoveredMs: number | null,
  cutoffMs: number,
): GetMessagesQuery | null {
  if (!coverage) return { idTo: candidate.lastMessageId }
  if (coverage.newestId < candidate.lastMessageId) return { idFrom: coverage.newestId + 1 }
  if (coverage.reachedStart || (oldestCoveredMs !== null && oldestCoveredMs <= cutoffMs)) return null
  if (coverage.oldestId <= 1) return null
  return { idTo: coverage.oldestId - 1 }
}

export type ThreadOutcome = 'complete' | 'stopped' | 'no_progress'

export interface ThreadBackfillContext {
  api: InboxApi
  store: AccountStore
  cutoffMs: number
  /** Waits for this request's turn (throttle, Retry-After, offline); false: stop now. */
  turn(): Promise<boolean>
  /** True once the backfill stopped: a late answer must not be written to a closed store. */
  stopped(): boolean
  /** Counts each request sent (the benchmark's requests per conversation). */
  sent(): void
  /** A page was fetched and stored. */
  succeeded(): void
}

/** Fetches pages until the conversation is complete. API failures are thrown to the caller, which backs off
 * and calls again: every page is stored as it arrives, so the next call starts where this one failed. */
export async function backfillThread(
  context: ThreadBackfillContext,
  candidate: BackfillCandidate,
): Promise<ThreadOutcome> {
  const { api, store, cutoffMs } = context
  let previous: string | null = null
  for (;;) {
    const request = nextRequest(
      candidate,
      store.messages.coverage(candidate.id),
      store.threadPages.oldestCoveredMs(candidate.id),
      cutoffMs,
    )
    if (!request) return 'complete'
    // The same request twice means the answer proved nothing new (a server that pages oddly): leave it for
    // the next run rather than loop.
    const key = JSON.stringify(request)
    if (key === previous) return 'no_progress'
    previous = key
    if (!(await context.turn())) return 'stopped'
    context.sent()
    const page = await api.getMessages(candidate.id, request)
    if (context.stopped()) return 'stopped'
    store.threadPages.storeFetched(candidate.id, page, { ...request, lastId: candidate.lastMessageId })
    context.succeeded()
  }
}
