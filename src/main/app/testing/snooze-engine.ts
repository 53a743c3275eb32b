/**
 * Test support for snooze (src/main/snooze) under the live engine: a wall clock that a test can move (as an
 * agent or the OS sets the machine's clock; timers still run on real time), a short tick, and the engine on a
 * temp folder that a second engine can open again (a restart).
 */
import type { Conversation } from '../../../shared/api/schemas'
import type { SnoozeList } from '../../../shared/ipc/contract'
import type { InboxApi } from '../../ports/inbox-api'
import type { InboxEngine } from '../../ports/inbox-engine'
import { systemScheduler, type Scheduler } from '../../ports/scheduler'
import type { NodeAdapters } from '../../testing/node-adapters'
import type { SandboxHarness } from '../../testing/sandbox-harness'
import { createLiveInboxEngine } from '../live-inbox-engine'
import { FAST_SYNC, liveEngineDeps, sandboxSession } from './live-engine'

export interface MovableClock {
  scheduler: Scheduler
  /** Moves the wall clock by `ms` (negative: back). */
  jump(ms: number): void
}

export function movableClock(offsetMs = 0): MovableClock {
  let offset = offsetMs
  return {
    scheduler: { ...systemScheduler, now: () => Date.now() + offset },
    jump: (ms) => void (offset += ms),
  }
}

export const HOUR = 60 * 60 * 1000

export async function startSnoozeEngine(
  base: { harness: SandboxHarness; adapters: NodeAdapters; dir: string; client: InboxApi },
  clock: MovableClock,
  tickMs = 50,
): Promise<InboxEngine> {
  const { harness, adapters, dir, client } = base
  const inbox = createLiveInboxEngine(liveEngineDeps({ adapters, dir, client }), {
    ...FAST_SYNC,
    snooze: { tickMs, backoff: { baseMs: 50, capMs: 200, minMs: 20 }, scheduler: clock.scheduler },
  })
  await inbox.accountChanged(sandboxSession(harness, client, 'snooze'))
  return inbox
}

/** The conversation as the server holds it (never the engine's own picture). */
export async function onServer(harness: SandboxHarness, chatId: string): Promise<Conversation | undefined> {
  return (await harness.client().listConversations({ archived: 'any' })).find((c) => c.id === chatId)
}

export const snoozedIds = (list: SnoozeList): string[] => list.snoozes.map((s) => s.chatId)

export async function unarchiveRequests(harness: SandboxHarness, chatId: string) {
  return (await harness.requestLog()).filter(
    (r) => r.method === 'PATCH' && r.path === `/conversations/${chatId}/unarchive`,
  )
}
