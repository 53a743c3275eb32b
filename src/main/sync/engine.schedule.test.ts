/**
 * The engine's schedule, on fake time: intervals, backoff, Retry-After, 401,
 * sleep and offline. The API here is a scripted stand-in because these are
 * questions of arithmetic on time; everything that talks HTTP is tested
 * against the real sandbox in engine.integration.test.ts.
 */
import Conf from 'conf'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Conversation } from '../../shared/api/schemas'
import type { EventChannel } from '../../shared/ipc/channels'
import type { EventPayloads, SyncStatus } from '../../shared/ipc/contract'
import { ApiError, type InboxApi } from '../ports/inbox-api'
import { RETRY_AFTER_MARGIN_MS } from '../ports/backoff'
import { createSyncEngine, type SyncEngineOptions } from './engine'
import { createManualScheduler } from '../ports/scheduler'
import type { SyncStateData } from './state'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function scriptedApi(scheduler: { now(): number }) {
  const calls: number[] = []
  const failures: Error[] = []
  /** While set, list calls wait for it (a slow server). */
  const gate: { promise: Promise<void> | null } = { promise: null }
  const api: InboxApi = {
    listConversations: async () => {
      calls.push(scheduler.now())
      if (gate.promise) await gate.promise
      const failure = failures.shift()
      if (failure) throw failure
      return [] as Conversation[]
    },
    getMessages: async () => ({ data: [], hasMore: false }),
    sendReply: async () => ({ messageId: 1, status: 'queued' }),
    markRead: async () => undefined,
    archive: async () => undefined,
    unarchive: async () => undefined,
    listAssignableUsers: async () => [],
    assign: async () => undefined,
    unassign: async () => undefined,
  }
  return { api, calls, failures, gate }
}

/** Lets the engine's promise chains run after fake time moved. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await new Promise((resolve) => setImmediate(resolve))
}

function setup(overrides: Partial<SyncEngineOptions> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'sync-schedule-'))
  dirs.push(dir)
  const scheduler = createManualScheduler(1_000_000)
  const { api, calls, failures, gate } = scriptedApi(scheduler)
  const statuses: SyncStatus[] = []
  const authPrompts: ApiError[] = []
  const engine = createSyncEngine({
    api,
    stateStore: new Conf<SyncStateData>({ cwd: dir, projectName: 't' }),
    accountKey: 'test',
    emit: <E extends EventChannel>(event: E, payload: EventPayloads[E]) => {
      if (event === 'syncStatus') statuses.push(payload as SyncStatus)
    },
    getMeUserId: () => null,
    onAuthRequired: (error) => authPrompts.push(error),
    scheduler,
    random: () => 0.5,
    intervals: { focusedMs: 2_000, backgroundMs: 10_000 },
    backoff: { baseMs: 1_000, capMs: 60_000, minMs: 100 },
    ...overrides,
  })
  const advance = async (ms: number) => {
    scheduler.advance(ms)
    await settle()
  }
  return { engine, scheduler, calls, failures, gate, statuses, authPrompts, advance }
}

describe('sync schedule', () => {
  it('polls every 10 s in the background and every 2 s when focused', async () => {
    const { engine, calls, advance } = setup()
    await engine.start()
    expect(calls).toHaveLength(1)
    await advance(9_999)
    expect(calls).toHaveLength(1)
    await advance(1)
    expect(calls).toHaveLength(2)
    engine.setFocused(true)
    await advance(2_000)
    await advance(2_000)
    expect(calls).toHaveLength(4)
    expect(calls[3]! - calls[2]!).toBe(2_000)
    engine.stop()
  })

  it('backs off exponentially with jitter on errors, and returns to the interval after a success', async () => {
    const { engine, calls, failures, scheduler, advance, statuses } = setup()
    const down = () => new ApiError('unavailable', 'down', { status: 503 })
    failures.push(down(), down(), down())
    await engine.start()
    // random() = 0.5: half of 1 s, 2 s, 4 s.
    expect(scheduler.pendingDelays()).toEqual([500])
    await advance(500)
    expect(scheduler.pendingDelays()).toEqual([1_000])
    await advance(1_000)
    expect(scheduler.pendingDelays()).toEqual([2_000])
    expect(statuses.at(-1)?.state).toBe('backoff')
    await advance(2_000)
    expect(calls).toHaveLength(4)
    expect(statuses.at(-1)?.state).toBe('idle')
    expect(scheduler.pendingDelays()).toEqual([10_000])
    engine.stop()
  })

  it('never asks again before Retry-After has elapsed, whatever else happens', async () => {
    const { engine, calls, failures, advance } = setup()
    failures.push(new ApiError('rate_limited', 'slow down', { status: 429, retryAfterMs: 7_000 }))
    await engine.start()
    const limitedAt = calls[0]!
    // Things that would normally make it poll at once:
    engine.setFocused(true)
    engine.setOnline(false)
    engine.setOnline(true)
    engine.setAwake(false)
    engine.setAwake(true)
    void engine.syncNow()
    await advance(7_000)
    expect(calls).toHaveLength(1)
    await advance(RETRY_AFTER_MARGIN_MS)
    expect(calls).toHaveLength(2)
    expect(calls[1]! - limitedAt).toBeGreaterThanOrEqual(7_000)
    engine.stop()
  })

  it('stops on a 401 and reports auth_required once, until started again', async () => {
    const { engine, calls, failures, advance, statuses, authPrompts } = setup()
    await engine.start()
    failures.push(new ApiError('unauthorized', 'key refused', { status: 401 }))
    await advance(10_000)
    expect(calls).toHaveLength(2)
    engine.setFocused(true)
    engine.setOnline(false)
    engine.setOnline(true)
    await engine.syncNow()
    await advance(120_000)
    expect(calls).toHaveLength(2)
    expect(authPrompts).toHaveLength(1)
    expect(statuses.filter((status) => status.state === 'auth_required')).toHaveLength(1)
    expect(engine.getStatus().state).toBe('auth_required')

    await engine.start() // a new key was set
    expect(calls).toHaveLength(3)
    expect(engine.getStatus().state).toBe('idle')
    engine.stop()
  })

  it('pauses while asleep or offline and syncs at once when back', async () => {
    const { engine, calls, scheduler, advance, statuses } = setup()
    await engine.start()
    engine.setAwake(false)
    expect(scheduler.pendingDelays()).toEqual([])
    await advance(60_000)
    expect(calls).toHaveLength(1)
    engine.setAwake(true)
    await advance(0)
    expect(calls).toHaveLength(2)

    engine.setOnline(false)
    expect(statuses.at(-1)?.state).toBe('offline')
    await advance(60_000)
    expect(calls).toHaveLength(2)
    engine.setOnline(true)
    await advance(0)
    expect(calls).toHaveLength(3)
    engine.stop()
    expect(scheduler.pendingDelays()).toEqual([])
  })

  it('going offline while a sync is in flight still ends offline, whether that sync succeeds or fails', async () => {
    const { engine, calls, failures, gate, scheduler, statuses } = setup()
    await engine.start()
    for (const outcome of ['success', 'failure'] as const) {
      let release: () => void = () => undefined
      gate.promise = new Promise<void>((resolve) => (release = resolve))
      if (outcome === 'failure') failures.push(new ApiError('network', 'The network went away.'))
      const inFlight = engine.syncNow()
      await settle()
      engine.setOnline(false)
      gate.promise = null
      release()
      await inFlight
      await settle()
      // The banner must say offline, not "synced" or "trying again at ...", and nothing is planned.
      expect(statuses.at(-1)).toMatchObject({ state: 'offline', nextAttemptAt: null })
      expect(scheduler.pendingDelays()).toEqual([])
      engine.setOnline(true)
      await settle()
    }
    expect(calls).toHaveLength(5)
    engine.stop()
  })

  it('a restart while a sync is in flight still syncs at once, and keeps polling', async () => {
    const { engine, calls, gate, scheduler, advance } = setup()
    await engine.start()
    let release: () => void = () => undefined
    gate.promise = new Promise<void>((resolve) => (release = resolve))
    const slow = engine.syncNow()
    await settle()
    expect(calls).toHaveLength(2)
    engine.stop()
    const restarted = engine.start()
    gate.promise = null
    release()
    await slow
    await restarted
    expect(calls).toHaveLength(3)
    expect(scheduler.pendingDelays()).toEqual([10_000])
    await advance(10_000)
    expect(calls).toHaveLength(4)
    engine.stop()
  })
})
