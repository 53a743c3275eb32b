/**
 * When the engine syncs: the schedule of ticks, and nothing about what a tick
 * does. A fixed rate (the next tick is due one interval after the previous one
 * started), paused while asleep, offline or refused (401), exponential backoff
 * with full jitter on errors, and a server's Retry-After as a floor that
 * nothing (focus, wake, `syncNow`) jumps. See ./README.md, "Schedule".
 */
import type { SyncStatus } from '../../shared/ipc/contract'
import { ApiError } from '../ports/inbox-api'
import type { ShellAdapters } from '../ports/shell-adapters'
import type { Logger } from '../ports/logger'
import { coded } from '../../shared/i18n/error-texts'
import { codedBridgeError, toBridgeError } from '../ports/errors'
import type { BackoffPolicy } from '../ports/backoff'
import type { Scheduler, TimerHandle } from '../ports/scheduler'
import type { SyncIntervals } from './intervals'
import { RetryState } from './retry-state'
import { SyncStatusReporter } from './sync-status'

/** What one tick is told by the loop that runs it. */
export interface Tick {
  /** False once the loop was stopped or restarted meanwhile: the tick's result is void then, and it must not commit. */
  isCurrent(): boolean
  /** The window's focus when the tick started (the full list comes less often in the background). */
  focused: boolean
  /** Shows "syncing" while nothing has been synced yet: the first load of a run can take a while. */
  showFirstLoad(): void
}

export interface PollLoopOptions {
  /** One sync; a rejection is a failed tick (backoff, or a stop on 401). */
  tick(tick: Tick): Promise<void>
  /** Called at every `start()`, before the first tick: what a run must forget. */
  onRestart(): void
  onAuthRequired?(error: ApiError): void
  emit: ShellAdapters['emit']
  scheduler: Scheduler
  intervals: Pick<SyncIntervals, 'focusedMs' | 'backgroundMs'>
  backoff: BackoffPolicy
  random: () => number
  log: Logger
}

export class PollLoop {
  readonly status: SyncStatusReporter
  private running = false
  /** Bumped by start/stop: a tick or timer of an older run sees it and does nothing. */
  private generation = 0
  private focused = false
  private awake = true
  private online = true
  private authRequired = false
  private timer: TimerHandle | null = null
  private tickInFlight: Promise<void> | null = null
  private lastTickStartedAt: number | null = null
  private readonly retry: RetryState
  private waitersForNextTick: Array<() => void> = []

  constructor(private readonly options: PollLoopOptions) {
    this.status = new SyncStatusReporter(options.emit, () => options.scheduler.now())
    this.retry = new RetryState(options.backoff, options.random)
  }

  /** Starts polling (again, after a 401 or `stop()`); resolves after the first sync attempt. */
  async start(): Promise<void> {
    this.generation += 1
    this.running = true
    this.authRequired = false
    this.retry.reset()
    this.options.onRestart()
    this.status.set({ state: 'syncing', error: null, nextAttemptAt: null })
    await this.syncNow()
  }

  stop(): void {
    this.generation += 1
    this.running = false
    this.clearTimer()
    resolveWaiters(this.waitersForNextTick.splice(0))
    this.status.set({ state: 'stopped', nextAttemptAt: null })
  }

  /** Runs a sync as soon as allowed (never before a Retry-After); resolves when it is done. */
  syncNow(): Promise<void> {
    if (this.paused()) return Promise.resolve()
    return new Promise<void>((resolve) => {
      this.waitersForNextTick.push(resolve)
      // During a backoff the planned retry comes first: "sync now" must not
      // become a way around exponential backoff.
      if (!this.retry.inBackoff) this.requestImmediateTick()
    })
  }

  setFocused(value: boolean): void {
    if (this.focused === value) return
    this.focused = value
    this.rescheduleRegular()
  }

  setAwake(value: boolean): void {
    if (this.awake === value) return
    this.awake = value
    this.resumeOrPause('asleep')
  }

  setOnline(value: boolean): void {
    if (this.online === value) return
    this.online = value
    this.resumeOrPause('offline')
  }

  private paused(): boolean {
    return !this.running || !this.awake || !this.online || this.authRequired
  }

  private clearTimer(): void {
    if (this.timer !== null) this.options.scheduler.clearTimeout(this.timer)
    this.timer = null
  }

  private scheduleAt(dueAtMs: number): void {
    const { scheduler } = this.options
    this.clearTimer()
    if (this.paused()) return
    const dueAt = Math.max(dueAtMs, this.retry.notBefore, scheduler.now())
    const myGeneration = this.generation
    this.timer = scheduler.setTimeout(() => {
      this.timer = null
      if (myGeneration === this.generation) void this.runTick()
    }, dueAt - scheduler.now())
  }

  /** Syncs right away, unless a Retry-After forbids it (then as soon as allowed). */
  private requestImmediateTick(): void {
    if (this.paused() || this.tickInFlight) return
    if (this.retry.notBefore > this.options.scheduler.now()) {
      this.scheduleAt(this.retry.notBefore)
      return
    }
    this.clearTimer()
    void this.runTick()
  }

  private currentIntervalMs(): number {
    return this.focused ? this.options.intervals.focusedMs : this.options.intervals.backgroundMs
  }

  /** Re-plans the next regular tick after focus changes (not during a backoff). */
  private rescheduleRegular(): void {
    if (this.paused() || this.tickInFlight || this.retry.inBackoff) return
    this.scheduleAt((this.lastTickStartedAt ?? this.options.scheduler.now()) + this.currentIntervalMs())
  }

  private async runTick(): Promise<void> {
    if (this.tickInFlight || this.paused()) return
    const myGeneration = this.generation
    const waiters = this.waitersForNextTick
    this.waitersForNextTick = []
    const startedAt = this.options.scheduler.now()
    this.lastTickStartedAt = startedAt
    this.tickInFlight = this.settleTick(myGeneration)
    try {
      await this.tickInFlight
    } finally {
      this.tickInFlight = null
      resolveWaiters(waiters)
    }
    this.planAfterTick(myGeneration, startedAt)
  }

  /** Runs one tick and records its outcome, unless a restart made it void. */
  private async settleTick(myGeneration: number): Promise<void> {
    const { scheduler } = this.options
    const tick: Tick = {
      isCurrent: () => myGeneration === this.generation,
      focused: this.focused,
      showFirstLoad: () => {
        if (this.status.current.lastSyncedAt === null) this.status.set({ state: 'syncing' })
      },
    }
    try {
      await this.options.tick(tick)
      if (myGeneration !== this.generation) return
      this.retry.reset()
      this.status.set({
        state: 'idle',
        error: null,
        lastSyncedAt: new Date(scheduler.now()).toISOString(),
        nextAttemptAt: null,
      })
    } catch (error) {
      if (myGeneration !== this.generation) return
      this.handleTickError(error)
    }
  }

  private planAfterTick(myGeneration: number, startedAt: number): void {
    if (this.paused()) {
      resolveWaiters(this.waitersForNextTick.splice(0))
      // Paused (asleep, offline) while this tick was in flight: its outcome just
      // set "idle" or "backoff, trying again at…", neither of which will happen.
      if (this.running && !this.authRequired && myGeneration === this.generation) this.showPausedStatus()
      return
    }
    if (myGeneration !== this.generation) {
      // Restarted while this (now void) tick was in flight: the new run's first tick.
      this.requestImmediateTick()
      return
    }
    // In a backoff, handleTickError has already planned the retry.
    if (this.retry.inBackoff) return
    if (this.waitersForNextTick.length > 0) this.requestImmediateTick()
    else this.scheduleAt(startedAt + this.currentIntervalMs())
  }

  private handleTickError(error: unknown): void {
    const { scheduler, log } = this.options
    if (error instanceof ApiError && error.kind === 'unauthorized') {
      this.authRequired = true
      this.clearTimer()
      log.warn('the API key was refused: polling stops until a new key is set')
      this.status.set({ state: 'auth_required', error: toBridgeError(error), nextAttemptAt: null })
      this.options.onAuthRequired?.(error)
      return
    }
    const { attempt, delayMs, dueAt } = this.retry.failed(error, scheduler.now())
    log.warn(`sync failed (attempt ${attempt}), next try in ${delayMs} ms`, error)
    this.status.set({ state: 'backoff', error: toBridgeError(error), nextAttemptAt: new Date(dueAt).toISOString() })
    this.scheduleAt(dueAt)
  }

  private resumeOrPause(reason: 'asleep' | 'offline'): void {
    if (!this.running || this.authRequired) return
    if (this.awake && this.online) {
      // Back: sync at once (a Retry-After still holds), with a fresh backoff.
      this.retry.reset()
      this.status.set({ state: 'idle', error: null, nextAttemptAt: null })
      this.requestImmediateTick()
      return
    }
    this.clearTimer()
    resolveWaiters(this.waitersForNextTick.splice(0))
    this.showPausedStatus()
    this.options.log.info(`polling paused: ${reason}`)
  }

  private showPausedStatus(): void {
    const offline = !this.online
    const status: Partial<SyncStatus> = {
      state: offline ? 'offline' : 'idle',
      nextAttemptAt: null,
      error: offline ? codedBridgeError('network', coded('sync.offline')) : this.status.current.error,
    }
    this.status.set(status)
  }
}

function resolveWaiters(waiters: Array<() => void>): void {
  for (const resolve of waiters) resolve()
}
