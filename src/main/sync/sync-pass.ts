/**
 * One sync, start to end (./README.md, "The algorithm (one tick)"): list,
 * read the changed threads, then commit. The commit awaits nothing, so a
 * tick is all or nothing: a failed one leaves the watermark where it was and
 * the next delta asks again. The parts it drives each keep their own state;
 * this file only says in which order they move.
 */
import type { Conversation, Message } from '../../shared/api/schemas'
import type { InboxApi } from '../ports/inbox-api'
import type { ShellAdapters } from '../ports/shell-adapters'
import type { Logger } from '../ports/logger'
import type { Scheduler } from '../ports/scheduler'
import type { StoredVersion } from '../store'
import type { ConversationCache } from './conversation-cache'
import { diffListing, type ListWatermark } from './list-delta'
import { readChangedThreads, type ThreadReads } from './message-reader'
import type { NewInboundEvent, NotificationFeed } from './notification-feed'
import type { Tick } from './poll-loop'
import type { SyncStateDraft, SyncStateKeeper } from './state-keeper'
import type { ThreadCursors } from './thread-cursors'
import { writeTick, type SyncLocalStore } from './local-copy'

export interface SyncParts {
  api: InboxApi
  emit: ShellAdapters['emit']
  getMeUserId(): string | null
  scheduler: Scheduler
  log: Logger
  cache: ConversationCache
  list: ListWatermark
  threads: ThreadCursors
  state: SyncStateKeeper
  feed: NotificationFeed
  /** The account's database (in memory when the engine was given none): the picture, written by every tick. */
  localStore: SyncLocalStore
}

/** What the reading half of a tick found, for the commit. */
interface Findings {
  listed: Conversation[]
  full: boolean
  meUserId: string | null
  draft: SyncStateDraft
  changed: Conversation[]
  removedIds: string[]
  /** The versions `changed` and `removedIds` replace. */
  previous: Map<string, StoredVersion>
  reads: ThreadReads
  /** How far a thread had been read before this tick. */
  seenThrough(chatId: string): number
}

interface MessagesChanged {
  chatId: string
  messages: Message[]
}

export async function syncOnce(parts: SyncParts, tick: Tick): Promise<void> {
  const { api, cache, threads } = parts
  const { full, query } = parts.list.next(tick.focused, parts.scheduler.now(), parts.state.hasState())
  if (full) tick.showFirstLoad()
  const listed = await api.listConversations(query)
  if (!tick.isCurrent()) return

  const meUserId = parts.getMeUserId()
  const draft = parts.state.begin(listed, meUserId, (me) => cache.idsAssignedTo(me, listed))
  const { changed, removedIds, previous } = diffListing(cache, listed, full)
  const seenThrough = (chatId: string) => threads.readThrough(chatId) ?? draft.seenThrough(chatId)
  // Messages: only for conversations that changed, only what is new (or
  // outbound whose status may have moved).
  const plans = changed.flatMap((conversation) => {
    const known = previous.has(conversation.id)
    const plan = threads.planRead(conversation, seenThrough(conversation.id), known)
    return plan === null ? [] : [{ conversation, ...plan }]
  })
  const reads = await readChangedThreads(api, plans, parts.log)
  if (!tick.isCurrent()) return

  commit(parts, { listed, full, meUserId, draft, changed, removedIds, previous, reads, seenThrough })
}

function commit(parts: SyncParts, findings: Findings): void {
  const { listed, full, meUserId, draft, changed, removedIds } = findings
  const now = parts.scheduler.now()
  const { newInbound, messageEvents } = takeThreadNews(parts, findings)
  parts.state.settleOwnAssignments(draft, now)
  const assigned = parts.feed.assignedToMe(draft, changed, removedIds, meUserId)

  // Persist BEFORE announcing: a crash in between loses a notification at
  // worst, never shows one twice.
  parts.state.commit(draft)
  parts.list.advance(listed, full, now)
  // The database is the picture: this tick's rows (and any an earlier failed write left out) go there, with
  // the list cursor, in one transaction; the cache holds them itself only if the write fails.
  const pending = parts.cache.pendingWrites()
  const saved = writeTick(
    parts.localStore,
    {
      changed: [...pending.changed, ...changed],
      // A conversation listed again after a removal that was never written is not removed after all.
      removedIds: [...pending.removedIds.filter((id) => !changed.some((c) => c.id === id)), ...removedIds],
      reads: findings.reads,
      syncedAt: new Date(now).toISOString(),
      listCursor: parts.list.cursor(),
    },
    parts.log,
  )
  parts.cache.commit({ changed, removedIds, previous: findings.previous }, saved, now)
  for (const id of removedIds) parts.threads.forget(id)

  const { cache, emit } = parts
  const unreadTotal = cache.publishUnreadTotal()
  if (parts.list.takeFullEmit(full, removedIds.length)) {
    emit('conversationsChanged', { upserted: cache.all(), full: true, unreadTotal })
  } else if (changed.length > 0) {
    emit('conversationsChanged', { upserted: changed.map((c) => cache.displayed(c)), full: false, unreadTotal })
  }
  for (const event of messageEvents) emit('messagesChanged', event)
  parts.feed.announce(newInbound, assigned)
}

/** Moves the threads' read positions (in memory and in the draft) and collects what is new in them. */
function takeThreadNews(
  parts: SyncParts,
  { draft, reads, seenThrough }: Findings,
): { newInbound: NewInboundEvent[]; messageEvents: MessagesChanged[] } {
  const newInbound: NewInboundEvent[] = []
  const messageEvents: MessagesChanged[] = []
  for (const { conversation } of reads.skipped) {
    const lastId = conversation.lastMessage?.id ?? 0
    parts.threads.skip(conversation.id, seenThrough(conversation.id), lastId)
    draft.markSeen(conversation.id, lastId)
  }
  for (const { plan, messages } of reads.read) {
    const chatId = plan.conversation.id
    const { fresh, changedStatus, highest } = parts.threads.take(chatId, messages, seenThrough(chatId))
    draft.markSeen(chatId, highest)
    const inbound = parts.feed.newInbound(plan.conversation, fresh, draft)
    if (inbound) newInbound.push(inbound)
    const toEmit = [...changedStatus, ...fresh].sort((a, b) => a.id - b.id)
    if (toEmit.length > 0) messageEvents.push({ chatId, messages: toEmit })
  }
  return { newInbound, messageEvents }
}
