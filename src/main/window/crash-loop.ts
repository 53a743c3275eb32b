/**
 * What to do when the window's renderer process dies (`render-process-gone`).
 * Reloading is right after a one-off crash, but a renderer that dies on every
 * load (a corrupt cache, a bad update) would reload forever, burning CPU and
 * filling the log. So: reload while there have been fewer than `maxCrashes`
 * crashes within `windowMs`; past that, stop and show the recovery page.
 *
 * Pure: the shell calls it with the clock.
 */
export interface CrashLoopPolicy {
  /** Records a crash at `now` and says whether to reload or give up. */
  onCrash(now: number): 'reload' | 'recover'
  /** After the agent chose to reload from the recovery page: start counting afresh. */
  reset(): void
}

export const CRASHES_BEFORE_RECOVERY = 3
export const CRASH_WINDOW_MS = 60_000

export function createCrashLoopPolicy(
  maxCrashes: number = CRASHES_BEFORE_RECOVERY,
  windowMs: number = CRASH_WINDOW_MS,
): CrashLoopPolicy {
  let crashes: number[] = []
  return {
    onCrash(now) {
      crashes = [...crashes.filter((at) => now - at < windowMs), now]
      return crashes.length >= maxCrashes ? 'recover' : 'reload'
    },
    reset() {
      crashes = []
    },
  }
}

/**
 * The page shown instead of reloading, as a self-contained data: URL (no
 * script, no bridge: the app's own page is what keeps crashing).
 */
export function recoveryPageUrl(reason: string): string {
  const safeReason = reason.replace(/[^\w -]/g, '').slice(0, 60)
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Inbox Desk</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:36em;margin:15vh auto;padding:0 1em;color:#222}@media (prefers-color-scheme:dark){body{background:#1a1b1e;color:#ddd}}</style></head>
<body><h1>Inbox Desk’s window crashed</h1><p>It crashed ${CRASHES_BEFORE_RECOVERY} times in a short time (${safeReason}), so Inbox Desk stopped reloading it. Your replies in the outbox and your drafts are kept.</p>
<p>Quit Inbox Desk from the tray and open it again. If it keeps happening, report it with the app’s log.</p></body></html>`
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`
}
