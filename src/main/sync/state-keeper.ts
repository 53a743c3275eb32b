/**
 * Holds the persisted sync state (./state.ts) through a run: loaded at the
 * first start, a fresh baseline at an account's first sync, worked on by each
 * tick as a draft, and saved only when the tick commits and something moved,
 * BEFORE anything is announced (a crash in between loses a notification at
 * worst, never shows one twice).
 */
import type { Conversation } from '../../shared/api/schemas'
import type { KeyValueStore } from '../ports/shell-adapters'
import type { Logger } from '../ports/logger'
import { loadSyncState, saveSyncState, type PersistedSyncState, type SyncStateData } from './state'

/** An own assignment not seen by a sync within this long is forgotten. */
const OWN_ASSIGNMENT_TTL_MS = 5 * 60_000

/** The state one tick works on, and whether it has to be saved. */
export class SyncStateDraft {
  /** Set by whatever changes `state`: only then is it written. */
  dirty: boolean

  constructor(
    readonly state: PersistedSyncState,
    /** The account's first sync: its backlog is the baseline, nothing is announced. */
    readonly firstEverSync: boolean,
  ) {
    this.dirty = firstEverSync
  }

  /** How far a thread had been examined in earlier runs: at least the baseline. */
  seenThrough(chatId: string): number {
    return Math.max(this.state.seenMessageIds[chatId] ?? 0, this.state.baselineMessageId)
  }

  /** Records that a thread has been examined through `messageId`. */
  markSeen(chatId: string, messageId: number): void {
    if (messageId > (this.state.seenMessageIds[chatId] ?? 0) && messageId > this.state.baselineMessageId) {
      this.state.seenMessageIds[chatId] = messageId
      this.dirty = true
    }
  }
}

export class SyncStateKeeper {
  private persisted: PersistedSyncState | null = null
  /** Own assignments noted before there is any persisted state to hold them. */
  private readonly earlyOwnAssignments = new Map<string, number>()

  constructor(
    private readonly store: KeyValueStore<SyncStateData>,
    private readonly accountKey: string,
    private readonly log: Logger,
  ) {}

  /** Reads the saved state, once: later starts keep the one in memory. */
  loadIfNone(): void {
    if (this.persisted === null) this.persisted = loadSyncState(this.store, this.accountKey, this.log)
  }

  /** Whether a state was loaded or made: without one, the next tick's list must be full (the baseline). */
  hasState(): boolean {
    return this.persisted !== null
  }

  /**
   * The draft a tick works on. `mineNow(me)` is the ids assigned to `me` with
   * `listed` taken in: when "me" changed, what is mine now is not news.
   */
  begin(listed: Conversation[], meUserId: string | null, mineNow: (me: string) => string[]): SyncStateDraft {
    const draft = new SyncStateDraft(this.persisted ?? this.baseline(listed, meUserId), this.persisted === null)
    const { state } = draft
    if (state.meUserId !== meUserId) {
      // The agent picked another identity: what is "mine" now is not news.
      state.meUserId = meUserId
      state.assignedToMe = meUserId === null ? [] : mineNow(meUserId)
      draft.dirty = true
    }
    return draft
  }

  /** Takes in the own assignments noted before the first sync, and forgets those too old to be seen. */
  settleOwnAssignments(draft: SyncStateDraft, now: number): void {
    const { state } = draft
    for (const [chatId, notedAt] of this.earlyOwnAssignments) state.ownAssignments[chatId] ??= notedAt
    if (this.earlyOwnAssignments.size > 0) draft.dirty = true
    this.earlyOwnAssignments.clear()
    for (const [chatId, notedAt] of Object.entries(state.ownAssignments)) {
      if (now - notedAt > OWN_ASSIGNMENT_TTL_MS) {
        delete state.ownAssignments[chatId]
        draft.dirty = true
      }
    }
  }

  /** Saves the draft if it moved; from now on it is the state. */
  commit(draft: SyncStateDraft): void {
    if (draft.dirty) saveSyncState(this.store, draft.state)
    this.persisted = draft.state
  }

  /** My own assignment, noted before the API call, and saved at once: a crash must not turn it into a notification. */
  noteOwnAssignment(chatId: string, now: number): void {
    const state = this.persisted
    if (!state) {
      this.earlyOwnAssignments.set(chatId, now)
      return
    }
    state.ownAssignments[chatId] = now
    saveSyncState(this.store, state)
  }

  private baseline(listed: Conversation[], meUserId: string | null): PersistedSyncState {
    return {
      version: 1,
      accountKey: this.accountKey,
      baselineMessageId: listed.reduce((max, c) => Math.max(max, c.lastMessage?.id ?? 0), 0),
      seenMessageIds: {},
      meUserId,
      assignedToMe: listed.filter((c) => meUserId !== null && c.assignee?.id === meUserId).map((c) => c.id),
      ownAssignments: {},
    }
  }
}
