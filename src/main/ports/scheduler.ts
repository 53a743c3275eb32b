/**
 * Time, as the main-process services see it. The sync engine and the outbox
 * never call the global clock or timers directly: tests give them a manual
 * scheduler (fake time) for backoff and Retry-After arithmetic, and the real
 * one for integration tests against the sandbox.
 */

export type TimerHandle = unknown

export interface Scheduler {
  /** Milliseconds since the epoch, local machine time. */
  now(): number
  setTimeout(callback: () => void, delayMs: number): TimerHandle
  clearTimeout(handle: TimerHandle): void
}

export const systemScheduler: Scheduler = {
  now: () => Date.now(),
  setTimeout: (callback, delayMs) => globalThis.setTimeout(callback, Math.max(0, delayMs)),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
}

/**
 * A scheduler whose time only moves when told to. `advance(ms)` runs every
 * timer due by then, in due order. For pure scheduling tests.
 */
export interface ManualScheduler extends Scheduler {
  advance(ms: number): void
  /** Delays of the timers still waiting, relative to now, soonest first. */
  pendingDelays(): number[]
}

export function createManualScheduler(startMs = 0): ManualScheduler {
  let current = startMs
  let nextId = 1
  const timers = new Map<number, { dueAt: number; callback: () => void }>()
  return {
    now: () => current,
    setTimeout(callback, delayMs) {
      const id = nextId++
      timers.set(id, { dueAt: current + Math.max(0, delayMs), callback })
      return id
    },
    clearTimeout(handle) {
      timers.delete(handle as number)
    },
    advance(ms) {
      const target = current + ms
      for (;;) {
        let soonest: [number, { dueAt: number; callback: () => void }] | undefined
        for (const entry of timers) if (!soonest || entry[1].dueAt < soonest[1].dueAt) soonest = entry
        if (!soonest || soonest[1].dueAt > target) break
        timers.delete(soonest[0])
        current = soonest[1].dueAt
        soonest[1].callback()
      }
      current = target
    },
    pendingDelays: () => [...timers.values()].map((timer) => timer.dueAt - current).sort((a, b) => a - b),
  }
}
