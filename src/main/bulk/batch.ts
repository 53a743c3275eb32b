/**
 * One batch: its items, who succeeded and who failed, its runner, and the status the window is told. A Retry runs
 * the failed items again (only those); Undo is a new batch built from the items that succeeded (./operations.ts).
 */
import type { BulkActionType } from '../../shared/ipc/bulk'
import { isBulkActive } from '../../shared/ipc/bulk'
import type { BridgeError, BulkFailure, BulkStatus } from '../../shared/ipc/contract'
import { performItem, undoOpOf, undoSupported, type BulkItem, type BulkTarget } from './operations'
import type { ConversationPatch } from '../sync'
import { BatchRunner, type RunEnd, type RunnerOptions } from './runner'

export interface BatchInit {
  id: string
  action: BulkActionType
  phase: 'run' | 'undo'
  undoOf: string | null
  items: BulkItem[]
  /** Failed before anything was sent (not in this account). */
  refused: BulkFailure[]
  target: BulkTarget
  runner: RunnerOptions
  online: boolean
  /** Status changed: tell the window. */
  publish(status: BulkStatus): void
}

/**
 * Progress is told at most this often while a batch runs (each change of state, and the end, at once), and the
 * conversations changed meanwhile are shown then, in one event: a batch of thousands would otherwise send the
 * window a status and a list change per conversation (each list change runs over every cached list), and the
 * window has nothing to show between two frames of a progress bar.
 */
export const PROGRESS_EVERY_MS = 200

export class BulkBatch {
  private readonly succeeded = new Map<string, BulkItem>()
  private readonly failures = new Map<string, { item: BulkItem | null; failure: BulkFailure }>()
  private readonly runner: BatchRunner<BulkItem>
  private revision = 0
  /** Set once Undo has started: a batch is undone once. */
  private undoneBy: string | null = null
  /** What the window was last told, and whether a later status waits for PROGRESS_EVERY_MS to pass. */
  private sent = { at: 0, state: null as BulkStatus['state'] | null, undo: null as BulkStatus['undo'] | null }
  private trailing: ReturnType<typeof setTimeout> | null = null
  /** Changes made on the server and not shown yet: shown with the next status, in one event. */
  private readonly unshown: ConversationPatch[] = []

  constructor(private readonly init: BatchInit) {
    for (const failure of init.refused) this.failures.set(failure.chatId, { item: null, failure })
    this.runner = new BatchRunner<BulkItem>(
      {
        perform: async (item) => {
          const patch = await performItem(init.target, item)
          if (patch) this.unshown.push(patch)
        },
        succeeded: (item) => {
          this.failures.delete(item.chatId)
          this.succeeded.set(item.chatId, item)
          this.publish()
        },
        failed: (item, error) => {
          this.failures.set(item.chatId, { item, failure: { chatId: item.chatId, name: item.name, error } })
          this.publish()
        },
        changed: () => this.publish(),
      },
      init.runner,
    )
    this.runner.setOnline(init.online)
  }

  get id(): string {
    return this.init.id
  }

  get active(): boolean {
    return isBulkActive(this.status())
  }

  /** Runs every item; resolves when the batch has ended. */
  start(): Promise<RunEnd> {
    return this.runItems(this.init.items)
  }

  /** Runs the failed items again (the refused ones too: they fail the same way, and stay listed). */
  retry(): Promise<RunEnd> {
    const again: BulkItem[] = []
    for (const [chatId, { item }] of this.failures) {
      if (item) {
        again.push(item)
        this.failures.delete(chatId)
      }
    }
    return this.runItems(again)
  }

  cancel(): void {
    this.runner.cancel()
  }

  /** Undo has started (batch `undoId`): this batch offers no Undo any more. */
  markUndone(undoId: string): void {
    this.undoneBy = undoId
    this.publish()
  }

  setOnline(online: boolean): void {
    this.runner.setOnline(online)
  }

  /** The items Undo sends: one per conversation this batch changed, each back to where it was. */
  undoItems(): BulkItem[] {
    const items: BulkItem[] = []
    for (const item of this.succeeded.values()) {
      const op = undoOpOf(item)
      if (op) items.push({ chatId: item.chatId, name: item.name, op, before: item.before })
    }
    return items
  }

  status(): BulkStatus {
    const { init } = this
    const undoable = init.phase === 'run' && this.undoneBy === null ? this.undoItems().length : 0
    const resumesAt = this.runner.resumesAt
    return {
      batchId: init.id,
      revision: this.revision,
      action: init.action,
      phase: init.phase,
      undoOf: init.undoOf,
      state: this.runner.state,
      total: init.items.length + init.refused.length,
      done: this.succeeded.size + this.failures.size,
      succeeded: this.succeeded.size,
      failed: [...this.failures.values()].map((entry) => entry.failure),
      resumesAt: resumesAt === null ? null : new Date(resumesAt).toISOString(),
      undo: !undoSupported(init.action) ? 'not_supported' : undoable > 0 ? 'available' : 'none',
      undoable,
    }
  }

  private runItems(items: BulkItem[]): Promise<RunEnd> {
    const run = this.runner.run(items)
    this.publish()
    return run
  }

  private publish(): void {
    this.revision += 1
    const status = this.status()
    const wait = this.sent.at + PROGRESS_EVERY_MS - Date.now()
    const news = status.state !== this.sent.state || status.undo !== this.sent.undo || !isBulkActive(status)
    if (news || wait <= 0) return this.send(status)
    // A timer, not the runner's clock: this paces the window, and a test clock must not jump for it.
    this.trailing ??= setTimeout(() => this.send(this.status()), wait)
  }

  /** Into main's picture. After the account changed its picture may be closed: the changes are on the server,
   * and the status must still go out (a batch that never says "cancelled" would look stuck). */
  private show(patches: ConversationPatch[]): void {
    try {
      this.init.target.picture.applyLocalChanges(patches)
    } catch {
      // Nothing to show them in any more; the account they belong to is not on screen.
    }
  }

  private send(status: BulkStatus): void {
    if (this.trailing) clearTimeout(this.trailing)
    this.trailing = null
    this.sent = { at: Date.now(), state: status.state, undo: status.undo }
    // The list moves with the progress: every change the status counts is in main's picture first.
    if (this.unshown.length > 0) this.show(this.unshown.splice(0))
    this.init.publish(status)
  }
}

/** A failure for a conversation that was never sent. */
export function refusal(chatId: string, error: BridgeError): BulkFailure {
  return { chatId, name: '', error }
}
