'use strict'
/**
 * Preloaded into main by tests/e2e/main-clock.ts (`NODE_OPTIONS=--require …`): main's `Date.now` runs
 * INBOX_DESK_TEST_CLOCK_OFFSET_MS ahead from its first line, as if the machine's clock had moved while the app was
 * closed. Timers keep real time. The same holder as moveMainClock, so a spec can move it further.
 */
const offset = Number(process.env.INBOX_DESK_TEST_CLOCK_OFFSET_MS || 0)
// Only main: a child process main starts must not inherit it.
delete process.env.NODE_OPTIONS
if (offset !== 0) {
  const clock = { real: Date.now.bind(Date), offset }
  globalThis.__mainClockOffset = clock
  Date.now = () => clock.real() + clock.offset
}
