/**
 * The sync status the renderer shows (the banner, "last synced"). Sent only
 * when something a reader sees moves: a new `lastSyncedAt` alone is not worth
 * an IPC message every two seconds.
 */
import type { SyncStatus } from '../../shared/ipc/contract'
import type { ShellAdapters } from '../ports/shell-adapters'

export class SyncStatusReporter {
  private status: SyncStatus = { state: 'stopped', lastSyncedAt: null, error: null, nextAttemptAt: null }

  constructor(private readonly emit: ShellAdapters['emit']) {}

  get current(): SyncStatus {
    return this.status
  }

  set(next: Partial<SyncStatus>): void {
    const updated = { ...this.status, ...next }
    const changed =
      updated.state !== this.status.state ||
      updated.error?.kind !== this.status.error?.kind ||
      updated.nextAttemptAt !== this.status.nextAttemptAt
    this.status = updated
    if (changed) this.emit('syncStatus', this.status)
  }
}
