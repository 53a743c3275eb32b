/**
 * Which entries run now: per conversation only the oldest unsettled entry
 * (order within a conversation), at most `maxParallel` conversations at once
 * (a slow one holds back only its own), and one timer for the soonest step
 * due later. An entry waiting for its next read or its backoff holds no slot.
 */
import type { Logger } from '../ports/logger'
import type { Scheduler, TimerHandle } from '../ports/scheduler'
import type { StoredOutboxEntry } from './entry'
import { isSettled, nextStep, type OutboxTiming, type Step } from './rules'

export interface QueueDeps {
  entries(): readonly StoredOutboxEntry[]
  /** An entry that may not run now (its state is not on disk): it still holds back its conversation's later ones. */
  held?(entry: StoredOutboxEntry): boolean
  run(entry: StoredOutboxEntry, step: Step): Promise<void>
  timing: OutboxTiming
  maxParallel: number
  scheduler: Scheduler
  log: Logger
}

export interface StepQueue {
  /** Starts every due step the bound allows, and plans the next. Call after any change. */
  kick(): void
  /** Whether this entry's step is running now. */
  isRunning(entry: StoredOutboxEntry): boolean
  /** Resolves when no step runs (a later one may be planned). */
  whenIdle(): Promise<void>
  /** Starts nothing more (steps already running finish). */
  stop(): void
  resume(): void
}

/** Per conversation, the oldest entry that is not settled: only it may run. */
export function heads(entries: readonly StoredOutboxEntry[]): StoredOutboxEntry[] {
  const seen = new Set<string>()
  const result: StoredOutboxEntry[] = []
  for (const entry of entries) {
    if (isSettled(entry) || seen.has(entry.chatId)) continue
    seen.add(entry.chatId)
    result.push(entry)
  }
  return result
}

export function createStepQueue(deps: QueueDeps): StepQueue {
  const { scheduler } = deps
  const running = new Map<string, StoredOutboxEntry>() // by chatId
  let stopped = false
  let timer: TimerHandle | null = null
  let idleWaiters: Array<() => void> = []

  function releaseIdleWaiters(): void {
    const waiters = idleWaiters
    idleWaiters = []
    for (const resolve of waiters) resolve()
  }

  function start(entry: StoredOutboxEntry, step: Step): void {
    running.set(entry.chatId, entry)
    void deps
      .run(entry, step)
      .catch((error: unknown) => deps.log.error(`the outbox hit an unexpected error on reply ${entry.clientId}`, error))
      .finally(() => {
        running.delete(entry.chatId)
        queue.kick()
      })
  }

  const queue: StepQueue = {
    kick() {
      if (stopped) return releaseIdleWaiters()
      if (timer !== null) scheduler.clearTimeout(timer)
      timer = null
      const now = scheduler.now()
      let soonest: number | null = null
      for (const entry of heads(deps.entries())) {
        if (running.has(entry.chatId) || deps.held?.(entry)) continue
        const step = nextStep(entry, deps.timing)
        if (!step) continue
        if (step.at > now) soonest = soonest === null ? step.at : Math.min(soonest, step.at)
        else if (running.size < deps.maxParallel) start(entry, step)
      }
      if (soonest !== null) timer = scheduler.setTimeout(() => queue.kick(), soonest - now)
      if (running.size === 0) releaseIdleWaiters()
    },
    isRunning: (entry) => running.get(entry.chatId) === entry,
    whenIdle() {
      if (running.size === 0) return Promise.resolve()
      return new Promise((resolve) => idleWaiters.push(resolve))
    },
    stop() {
      stopped = true
      if (timer !== null) scheduler.clearTimeout(timer)
      timer = null
      releaseIdleWaiters()
    },
    resume() {
      stopped = false
    },
  }
  return queue
}
