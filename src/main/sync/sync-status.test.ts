/** Since when sync has been failing: the first failure (or going offline) of a streak, over at the next success. */
import { describe, expect, it } from 'vitest'
import type { SyncStatus } from '../../shared/ipc/contract'
import { SyncStatusReporter } from './sync-status'

describe('SyncStatusReporter.failingSince', () => {
  it('is set by the first failure, kept through retries and a pause, cleared by a sync that succeeds', () => {
    let now = Date.parse('2026-12-03T09:00:00.000Z')
    const sent: SyncStatus[] = []
    const status = new SyncStatusReporter(
      (_event, payload) => void sent.push(payload as SyncStatus),
      () => now,
    )
    status.seedLastSyncedAt('2026-12-02T18:00:00.000Z')
    expect(status.current).toMatchObject({ lastSyncedAt: '2026-12-02T18:00:00.000Z', failingSince: null })
    status.set({ state: 'backoff', nextAttemptAt: '2026-12-03T09:00:02.000Z' })
    expect(status.current.failingSince).toBe('2026-12-03T09:00:00.000Z')
    now += 60_000
    status.set({ state: 'backoff', nextAttemptAt: '2026-12-03T09:01:05.000Z' })
    status.set({ state: 'offline', nextAttemptAt: null })
    status.set({ state: 'idle', nextAttemptAt: null }) // back online, not synced yet
    expect(status.current.failingSince).toBe('2026-12-03T09:00:00.000Z')
    status.set({ state: 'idle', lastSyncedAt: new Date(now).toISOString() })
    expect(status.current.failingSince).toBeNull()
    expect(sent.map((s) => s.failingSince)).toEqual([
      '2026-12-03T09:00:00.000Z',
      '2026-12-03T09:00:00.000Z',
      '2026-12-03T09:00:00.000Z',
      '2026-12-03T09:00:00.000Z',
      null,
    ])
  })
})
