/**
 * What to do when the window's renderer process dies (`render-process-gone`).
 * Reloading is right after a one-off crash, but a renderer that dies on every
 * load (a corrupt cache, a bad update) would reload forever, burning CPU and
 * filling the log. So: reload while there have been fewer than `maxCrashes`
 * crashes within `windowMs`; past that, stop and show the recovery page
 * (./recovery-page.ts).
 *
 * Pure: the shell calls it with the clock.
 */
export interface CrashRecord {
  /** ms since the epoch. */
  at: number
  /** Electron's reason (`crashed`, `oom`, `killed`...), as reported. */
  reason: string
  exitCode: number | null
}

export interface CrashLoopPolicy {
  /** Records a crash and says whether to reload or give up. */
  onCrash(now: number, reason?: string, exitCode?: number | null): 'reload' | 'recover'
  /** After the agent chose to reload from the recovery page: start counting afresh. */
  reset(): void
  /** The latest crashes (at most `CRASH_HISTORY`, oldest first), kept across `reset` for the diagnostics. */
  history(): readonly CrashRecord[]
}

export const CRASHES_BEFORE_RECOVERY = 3
export const CRASH_WINDOW_MS = 60_000
export const CRASH_HISTORY = 10

export function createCrashLoopPolicy(
  maxCrashes: number = CRASHES_BEFORE_RECOVERY,
  windowMs: number = CRASH_WINDOW_MS,
): CrashLoopPolicy {
  let crashes: number[] = []
  let history: CrashRecord[] = []
  return {
    onCrash(now, reason = 'unknown', exitCode = null) {
      history = [...history, { at: now, reason, exitCode }].slice(-CRASH_HISTORY)
      crashes = [...crashes.filter((at) => now - at < windowMs), now]
      return crashes.length >= maxCrashes ? 'recover' : 'reload'
    },
    reset() {
      crashes = []
    },
    history: () => history,
  }
}
