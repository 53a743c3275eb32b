/**
 * The sync status the renderer shows (the banner, "last synced"). Sent only
 * when something a reader sees moves: a new `lastSyncedAt` alone is not worth
 * an IPC message every two seconds.
 */
import type { SyncStatus } from '../../shared/ipc/contract'
import type { ShellAdapters } from '../ports/shell-adapters'

export class SyncStatusReporter {
  private status: SyncStatus = {
    state: 'stopped',
    lastSyncedAt: null,
    error: null,
    nextAttemptAt: null,
    failingSince: null,
  }

  constructor(
    private readonly emit: ShellAdapters['emit'],
    private readonly now: () => number,
  ) {}

  /** The last sync of an earlier run (the account's database), so that offline the window says what it shows. */
  seedLastSyncedAt(lastSyncedAt: string): void {
    if (this.status.lastSyncedAt === null) this.status = { ...this.status, lastSyncedAt }
  }

  get current(): SyncStatus {
    return this.status
  }

  set(next: Partial<SyncStatus>): void {
    const updated = { ...this.status, ...next }
    // Failing since the first failure (or going offline) of a streak; over at the next sync that succeeds.
    if (next.lastSyncedAt !== undefined) updated.failingSince = null
    else if ((updated.state === 'backoff' || updated.state === 'offline') && updated.failingSince === null) {
      updated.failingSince = new Date(this.now()).toISOString()
    }
    const changed =
      updated.state !== this.status.state ||
      updated.error?.kind !== this.status.error?.kind ||
      updated.nextAttemptAt !== this.status.nextAttemptAt ||
      updated.failingSince !== this.status.failingSince
    this.status = updated
    if (changed) this.emit('syncStatus', this.status)
  }
}
