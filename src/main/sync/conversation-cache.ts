/**
 * Main's picture of the inbox: the account's database holds the server's
 * version of every conversation (archived included); this class adds the
 * app's own changes (read, assign, archive…) over it, shown at once until a
 * sync sees the server's version move, and keeps the badge's total. It holds
 * no copy of the inbox: what it keeps in memory grows with what changed
 * locally, never with the history (issue 11 §6, ./README.md "Scale").
 */
import type { Conversation } from '../../shared/api/schemas'
import type { StoredVersion } from '../store'
import { createUnreadTotalPublisher } from '../notify'

/** A change the app made (read, assign, archive…): shown at once, replaced by
 * the server's version as soon as a sync sees the conversation change. */
export type ConversationPatch = Partial<Omit<Conversation, 'id'>> & { id: string }

/** A local change the server has not confirmed within this long is dropped. */
const LOCAL_PATCH_TTL_MS = 30_000

interface LocalPatch {
  patch: ConversationPatch
  /** The server's `updatedDate` when the change was made: any other one means the server has spoken. */
  baseUpdatedDate: string | null
  appliedAt: number
}

/** The account database's conversation rows as the picture reads them (src/main/store fits this). */
export interface PictureRows {
  get(id: string): Conversation | null
  versions(ids: readonly string[] | 'all'): StoredVersion[]
  unreadTotal(): number
  countAll(): number
  all(): Conversation[]
  idsAssignedTo(userId: string): string[]
}

/** What the badge counts of one conversation: its unread messages unless archived. */
const badgeShare = (c: { archived: boolean; unreadCount: number } | null | undefined): number =>
  c && !c.archived ? c.unreadCount : 0

/** A database that cannot be read at the start leaves the picture empty until the first sync (not a crash). */
function readOr<T>(read: () => T, fallback: T): T {
  try {
    return read()
  } catch {
    return fallback
  }
}

export const versionOf = (c: Conversation): StoredVersion => ({
  id: c.id,
  updatedMs: Date.parse(c.updatedDate),
  unreadCount: c.unreadCount,
  archived: c.archived,
})

export class ConversationCache {
  private readonly localPatches = new Map<string, LocalPatch>()
  /** Server versions a failed database write left out (null: removed), read over the rows until a write takes them. */
  private readonly unsaved = new Map<string, Conversation | null>()
  /** The badge's total over the server's versions: one SQL sum at the start, then moved by each commit. */
  private serverUnread: number
  private rowsKnown = false
  private readonly unreadPublisher: ReturnType<typeof createUnreadTotalPublisher>

  /** `setUnreadTotal`, the badge, is called only when the total changes. */
  constructor(
    private readonly rows: PictureRows,
    setUnreadTotal: (total: number) => void,
  ) {
    this.unreadPublisher = createUnreadTotalPublisher(setUnreadTotal)
    this.serverUnread = readOr(() => rows.unreadTotal(), 0)
  }

  /** Whether any conversation is known (stored by an earlier run, or synced in this one). */
  hasAny(): boolean {
    this.rowsKnown ||=
      readOr(() => this.rows.countAll() > 0, false) || [...this.unsaved.values()].some((c) => c !== null)
    return this.rowsKnown
  }

  /** The server's version, without local changes. */
  serverVersion(chatId: string): Conversation | undefined {
    if (this.unsaved.has(chatId)) return this.unsaved.get(chatId) ?? undefined
    return this.rows.get(chatId) ?? undefined
  }

  /** The known versions of `ids` (or of every conversation), by id: what a listing is compared with. */
  versions(ids: readonly string[] | 'all'): Map<string, StoredVersion> {
    const byId = new Map(this.rows.versions(ids).map((v) => [v.id, v] as const))
    for (const [id, conversation] of this.unsaved) {
      if (conversation === null) byId.delete(id)
      else if (ids === 'all' || ids.includes(id)) byId.set(id, versionOf(conversation))
    }
    return byId
  }

  /** The ids assigned to `userId` now, with `listed` (not committed yet) taken in. */
  idsAssignedTo(userId: string, listed: readonly Conversation[]): string[] {
    const mine = new Set(this.rows.idsAssignedTo(userId))
    for (const [id, conversation] of this.unsaved) if (conversation?.assignee?.id !== userId) mine.delete(id)
    for (const [id, conversation] of this.unsaved) if (conversation?.assignee?.id === userId) mine.add(id)
    for (const c of listed) {
      if (c.assignee?.id === userId) mine.add(c.id)
      else mine.delete(c.id)
    }
    return [...mine]
  }

  get(chatId: string): Conversation | undefined {
    const conversation = this.serverVersion(chatId)
    return conversation && this.displayed(conversation)
  }

  /** Every conversation, displayed. Reads the whole table: for the callers that still need all (bulk), not a tick. */
  all(): Conversation[] {
    const rows = this.rows.all().filter((c) => !this.unsaved.has(c.id))
    const pending = [...this.unsaved.values()].filter((c): c is Conversation => c !== null)
    return [...rows, ...pending].map((c) => this.displayed(c))
  }

  displayed(conversation: Conversation): Conversation {
    const local = this.localPatches.get(conversation.id)
    return local ? { ...conversation, ...local.patch } : conversation
  }

  /** The badge: the server's total, moved by each local change shown over it (a few rows, never N). */
  unreadTotal(): number {
    let total = this.serverUnread
    for (const id of this.localPatches.keys()) {
      const server = this.serverVersion(id)
      if (server) total += badgeShare(this.displayed(server)) - badgeShare(server)
    }
    return total
  }

  /** The unread total, handed to the badge if it moved. */
  publishUnreadTotal(): number {
    const total = this.unreadTotal()
    this.unreadPublisher.update(total)
    return total
  }

  /** Shows `patch` over `server` (from `serverVersion`); the conversation as now displayed. */
  applyLocal(server: Conversation, patch: ConversationPatch, now: number): Conversation {
    const previous = this.localPatches.get(patch.id)
    this.localPatches.set(patch.id, {
      patch: { ...previous?.patch, ...patch },
      baseUpdatedDate: server.updatedDate,
      appliedAt: now,
    })
    return this.displayed(server)
  }

  /** Drops the local change of `chatId`; the server's version to show again, or undefined if there was nothing to drop. */
  revertLocal(chatId: string): Conversation | undefined {
    const server = this.serverVersion(chatId)
    if (!this.localPatches.delete(chatId) || !server) return undefined
    return server
  }

  /** What earlier failed writes left out of the database: the next write includes it. */
  pendingWrites(): { changed: Conversation[]; removedIds: string[] } {
    const changed: Conversation[] = []
    const removedIds: string[] = []
    for (const [id, conversation] of this.unsaved) {
      if (conversation) changed.push(conversation)
      else removedIds.push(id)
    }
    return { changed, removedIds }
  }

  /**
   * Takes a sync's result: the server's new versions and what a full list no longer has, with the versions
   * they replace (`previous`, from `versions`), and whether the database took them (`saved`; if not, they are
   * kept here until a write does). The badge's total moves by the difference of these rows only.
   */
  commit(
    tick: { changed: readonly Conversation[]; removedIds: readonly string[]; previous: Map<string, StoredVersion> },
    saved: boolean,
    now: number,
  ): void {
    const { changed, removedIds, previous } = tick
    if (saved) this.unsaved.clear()
    for (const conversation of changed) {
      this.serverUnread += badgeShare(conversation) - badgeShare(previous.get(conversation.id))
      if (!saved) this.unsaved.set(conversation.id, conversation)
      const local = this.localPatches.get(conversation.id)
      if (local && (conversation.updatedDate !== local.baseUpdatedDate || now - local.appliedAt > LOCAL_PATCH_TTL_MS)) {
        this.localPatches.delete(conversation.id)
      }
    }
    for (const id of removedIds) {
      this.serverUnread -= badgeShare(previous.get(id))
      if (!saved) this.unsaved.set(id, null)
      this.localPatches.delete(id)
    }
    if (changed.length > 0) this.rowsKnown = true
  }
}
