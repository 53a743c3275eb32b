/**
 * Search-as-you-type without a fixed delay: the first keystroke is sent at
 * once; keystrokes that come while an answer is awaited collapse into the
 * newest text, sent the moment that answer is in. An answer to anything but
 * the newest request is dropped (never shown over newer text). So a burst of
 * typing costs at most one search in flight plus one waiting, and a pause
 * shows results with no timer's delay on top of the search itself.
 */
export interface LatestOnly<Request> {
  /** Asks for `request` (its key says when two requests are the same). `again`: even if that same request is
   * in flight (what it searches has changed since it was sent). */
  ask(request: Request, key: string, again?: boolean): void
  /** Forget everything in progress: no answer from before is delivered. */
  reset(): void
}

export function latestOnly<Request, Answer>(
  send: (request: Request) => Promise<Answer>,
  deliver: (outcome: { key: string; answer: Answer } | { key: string; error: unknown }) => void,
): LatestOnly<Request> {
  let inFlight: string | null = null
  let waiting: { request: Request; key: string } | null = null
  let newest: string | null = null
  let generation = 0

  function start(request: Request, key: string): void {
    inFlight = key
    const mine = generation
    send(request).then(
      (answer) => settle(mine, key, { key, answer }),
      (error: unknown) => settle(mine, key, { key, error }),
    )
  }
  function settle(mine: number, key: string, outcome: Parameters<typeof deliver>[0]): void {
    if (mine !== generation) return
    inFlight = null
    if (key === newest) deliver(outcome)
    const next = waiting
    waiting = null
    if (next && next.key === newest) start(next.request, next.key)
  }

  return {
    ask(request, key, again = false) {
      newest = key
      if (inFlight === key && !again) {
        waiting = null
        return
      }
      if (inFlight !== null) {
        waiting = { request, key }
        return
      }
      start(request, key)
    },
    reset() {
      generation += 1
      inFlight = null
      waiting = null
      newest = null
    },
  }
}
