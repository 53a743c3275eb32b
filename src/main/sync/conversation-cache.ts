/**
 * Main's picture of the inbox: the server's version of every conversation
 * (archived included), with the app's own changes (read, assign, archive…)
 * shown over it at once, until a sync sees the server's version move. The
 * list, the badge and the events all read this one picture.
 */
import type { Conversation } from '../../shared/api/schemas'
import { computeUnreadTotal, createUnreadTotalPublisher } from '../notify'

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

export class ConversationCache {
  private readonly server = new Map<string, Conversation>()
  private readonly localPatches = new Map<string, LocalPatch>()
  private readonly unreadPublisher: ReturnType<typeof createUnreadTotalPublisher>

  /** `setUnreadTotal`, the badge, is called only when the total changes. */
  constructor(setUnreadTotal: (total: number) => void) {
    this.unreadPublisher = createUnreadTotalPublisher(setUnreadTotal)
  }

  /** The picture a cold start finds in the account's database, shown until the first sync reconciles it
   * (a full list: what changed replaces its row, what is gone is removed). */
  seed(conversations: readonly Conversation[]): void {
    for (const conversation of conversations) this.server.set(conversation.id, conversation)
  }

  get size(): number {
    return this.server.size
  }

  /** The server's version, without local changes. */
  serverVersion(chatId: string): Conversation | undefined {
    return this.server.get(chatId)
  }

  serverIds(): string[] {
    return [...this.server.keys()]
  }

  /** Every conversation known, each in its newest version: the cache's, updated by a list not committed yet. */
  mergedWith(listed: Conversation[]): Conversation[] {
    return [...new Map([...this.server, ...listed.map((c) => [c.id, c] as const)]).values()]
  }

  get(chatId: string): Conversation | undefined {
    const conversation = this.server.get(chatId)
    return conversation && this.displayed(conversation)
  }

  all(): Conversation[] {
    return [...this.server.values()].map((c) => this.displayed(c))
  }

  displayed(conversation: Conversation): Conversation {
    const local = this.localPatches.get(conversation.id)
    return local ? { ...conversation, ...local.patch } : conversation
  }

  unreadTotal(): number {
    return computeUnreadTotal(this.all())
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
    const server = this.server.get(chatId)
    if (!this.localPatches.delete(chatId) || !server) return undefined
    return server
  }

  /** Takes a sync's result: the server's new versions, and what a full list no longer has. */
  commit(changed: Conversation[], removedIds: string[], now: number): void {
    for (const conversation of changed) {
      this.server.set(conversation.id, conversation)
      const local = this.localPatches.get(conversation.id)
      if (local && (conversation.updatedDate !== local.baseUpdatedDate || now - local.appliedAt > LOCAL_PATCH_TTL_MS)) {
        this.localPatches.delete(conversation.id)
      }
    }
    for (const id of removedIds) {
      this.server.delete(id)
      this.localPatches.delete(id)
    }
  }
}
