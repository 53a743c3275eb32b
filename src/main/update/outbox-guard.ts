/**
 * Never restart on the agent's behalf while a reply is on its way. A reply counts while the app is still
 * working on it: `pending` (on disk, waiting for its turn or a retry) and `sending` (a POST in flight).
 * `failed` and `unconfirmed` entries wait for the agent, are kept on disk and look the same after a restart,
 * so they do not hold an update back (one forgotten failed reply would otherwise block updates forever);
 * `accepted` ones are done.
 *
 * - Quitting installs the downloaded update only when no reply is in flight (electron-updater's
 *   autoInstallOnAppQuit, set from `installOnQuit`); otherwise the update waits for the next quit.
 * - "Restart to update" with replies in flight WAITS: the banner says how many, and the app restarts by
 *   itself once they are sent (or the agent cancels). The agent asked for the restart; the app only picks
 *   the moment, so no reply is cut off mid-POST. Choosing "wait" over a yes/no dialog: a dialog would ask the
 *   agent to judge something they cannot see (whether the POST is past the server), and "restart anyway"
 *   is exactly the case the rule forbids.
 */
import type { OutboxEntry } from '../../shared/ipc/contract'
import type { UpdateStatus } from '../../shared/update/status'

export function repliesInFlight(entries: readonly Pick<OutboxEntry, 'state'>[]): number {
  return entries.filter((entry) => entry.state === 'pending' || entry.state === 'sending').length
}

/** electron-updater's autoInstallOnAppQuit. */
export function installOnQuit(inFlight: number): boolean {
  return inFlight === 0
}

export type RestartDecision = 'restart' | 'wait' | 'nothing-to-install'

export function decideRestart(status: Pick<UpdateStatus, 'phase'>, inFlight: number): RestartDecision {
  if (status.phase !== 'downloaded') return 'nothing-to-install'
  return inFlight > 0 ? 'wait' : 'restart'
}
