/**
 * The main process's wall clock, moved as the agent or the OS setting the machine's clock would move it: `Date.now`
 * in main runs ahead (or behind) by an offset; timers keep real time, as they do when a clock is set. The window's
 * clock is the page's own (`page.clock`). For a start with the clock already moved (time passed while the app was
 * closed), `clockAheadAtStart` gives the environment that makes main's first line of code see it
 * (./electron-shim/clock-offset.cjs, preloaded by Node).
 */
import { resolve } from 'node:path'
import type { InboxDeskApp } from './harness'

export const HOUR = 60 * 60 * 1000

export async function moveMainClock(app: InboxDeskApp, ms: number): Promise<void> {
  await app.evaluate((_electron, by: number) => {
    const holder = globalThis as unknown as { __mainClockOffset?: { real: () => number; offset: number } }
    holder.__mainClockOffset ??= { real: Date.now.bind(Date), offset: 0 }
    const clock = holder.__mainClockOffset
    clock.offset += by
    Date.now = () => clock.real() + clock.offset
  }, ms)
}

/** The environment of a launch whose main starts with its clock `ms` ahead. */
export function clockAheadAtStart(ms: number): Record<string, string> {
  const preload = resolve(__dirname, 'electron-shim/clock-offset.cjs')
  return { NODE_OPTIONS: `--require ${preload}`, INBOX_DESK_TEST_CLOCK_OFFSET_MS: String(ms) }
}
