/** The Snoozed view's list, from the rows and main's picture. */
import type { SnoozeList } from '../../shared/ipc/contract'
import type { BridgeError } from '../../shared/ipc/contract'
import type { SnoozeRow } from '../store'
import type { SyncEngine } from '../sync'

export function listOf(
  rows: readonly SnoozeRow[],
  picture: Pick<SyncEngine, 'getConversation'>,
  nowMs: number,
  online: boolean,
): SnoozeList {
  return {
    snoozes: rows.map((row) => ({
      chatId: row.chatId,
      until: new Date(row.untilMs).toISOString(),
      conversation: picture.getConversation(row.chatId) ?? null,
      // Due and not woken: a wake failed (it is retried), or there is no network to send it.
      late: row.untilMs <= nowMs && (row.attempts > 0 || !online),
      attempts: row.attempts,
      lastError: parseError(row.lastError),
    })),
  }
}

function parseError(text: string | null): BridgeError | null {
  if (text === null) return null
  try {
    return JSON.parse(text) as BridgeError
  } catch {
    return { kind: 'internal', message: text }
  }
}
