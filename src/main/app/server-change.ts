/**
 * A change only the server can make (mark read, archive, unarchive, assign, unassign), as the live engine
 * makes it: shown at once in main's picture, sent, and taken back unless the server accepted it.
 *
 * Offline (the OS says so: the sync is paused `offline`), nothing is sent and nothing changes: the agent is
 * told at once that it needs the server. When the server cannot be reached (refused, dropped, timed out,
 * the proxy), the change is taken back and the agent told the same, or, when the request
 * may have reached the server before the answer was lost (a timeout, a dropped connection), that it was not
 * confirmed; the next sync (asked for at once) shows what the server has.
 */
import { coded, type ErrorCode } from '../../shared/i18n/error-texts'
import { ApiError } from '../ports/inbox-api'
import { BridgeFailure } from '../ports/errors'
import type { ConversationPatch, SyncEngine } from '../sync'
import type { Logger } from '../ports/logger'

/** `snooze` is an archive (src/main/snooze), refused in its own words. */
export type ServerAction = 'markRead' | 'archive' | 'unarchive' | 'assign' | 'unassign' | 'snooze'

const needsServerCode: Record<ServerAction, ErrorCode> = {
  markRead: 'needsServer.markRead',
  archive: 'needsServer.archive',
  unarchive: 'needsServer.unarchive',
  assign: 'needsServer.assign',
  unassign: 'needsServer.unassign',
  snooze: 'needsServer.snooze',
}

export interface ServerChange {
  action: ServerAction
  patch: ConversationPatch
  send(): Promise<void>
  /** Runs once the change is going to be sent (assign notes it as my own action, so it never notifies). */
  beforeSend?(): void
}

/** `live` is the account's sync engine (a LiveAccount passes itself). */
export async function changeOnServer(live: { sync: SyncEngine }, change: ServerChange, log: Logger) {
  const { sync } = live
  if (sync.getStatus().state === 'offline') {
    throw new BridgeFailure('network', coded(needsServerCode[change.action]), {
      detail: `${change.action} of ${change.patch.id} not sent: this computer is offline`,
    })
  }
  change.beforeSend?.()
  sync.applyLocalChange(change.patch)
  try {
    await change.send()
  } catch (error) {
    sync.revertLocalChange(change.patch.id)
    // An answered refusal (404, 429, a 5xx after retries…) keeps the API's own words.
    if (!(error instanceof ApiError) || !OUT_OF_REACH.has(error.kind)) throw error
    const apiError = error
    if (mayHaveBeenApplied(apiError)) {
      // It may have been done: the server's state, not ours, is what the list should show, soon.
      void sync.syncNow().catch((cause: unknown) => log.warn('the sync after an unconfirmed change failed', cause))
      throw new BridgeFailure(apiError.kind, coded('needsServer.unconfirmed'), { detail: apiError.message })
    }
    throw new BridgeFailure(apiError.kind, coded(needsServerCode[change.action]), { detail: apiError.message })
  }
}

/** Failures that mean the server could not be reached at all. */
const OUT_OF_REACH: ReadonlySet<string> = new Set(['network', 'timeout', 'proxy'])

/** Transport causes that prove the request never reached the server (nothing can have been applied). */
const NEVER_SENT: ReadonlySet<string> = new Set([
  'refused',
  'name_not_resolved',
  'offline',
  'unreachable',
  'connect_timeout',
])

/** These calls are idempotent, so the client does not mark them `ambiguous`; whether the server may have
 * applied one is still what the agent must be told. An answered 5xx and a proxy refusal did not apply it. */
function mayHaveBeenApplied(error: ApiError): boolean {
  if (error.kind === 'timeout') return true
  if (error.kind !== 'network') return false
  return error.details.cause === undefined || !NEVER_SENT.has(error.details.cause)
}
