/**
 * What the window shows about updates, as a pure function of what happened:
 *
 *   idle ──check──▶ checking ──none──▶ idle
 *                      │ └────fail──▶ error ──check──▶ checking
 *                      ▼ available
 *                 downloading (percent) ──fail──▶ error
 *                      ▼ downloaded
 *                 downloaded ("Restart to update"; later checks and their failures leave it as it is)
 *   disabled (with its reason): set once at start, nothing moves it.
 */
import type { UpdateStatus } from '../../shared/update/status'
import type { UpdaterEvent } from '../ports/updater'
import { classifyUpdateError } from './errors'

export type UpdateStateEvent =
  | UpdaterEvent
  /** A check ended (however it ended), at this ISO time. */
  | { type: 'checked'; at: string }
  | { type: 'planned'; at: string | null }
  | { type: 'restart-waiting'; pendingReplies: number }

export function initialUpdateStatus(currentVersion: string, channel: string): UpdateStatus {
  return {
    phase: 'idle',
    currentVersion,
    channel,
    lastCheckedAt: null,
    nextCheckAt: null,
    availableVersion: null,
    percent: null,
    error: null,
    disabledReason: null,
    policySource: null,
    restartWaitingFor: 0,
  }
}

export function nextUpdateStatus(status: UpdateStatus, event: UpdateStateEvent): UpdateStatus {
  if (status.phase === 'disabled') return status
  const settled = status.phase === 'downloaded' || status.phase === 'downloading'
  switch (event.type) {
    case 'checking':
      return settled ? status : { ...status, phase: 'checking', error: null }
    case 'available':
      return { ...status, phase: 'downloading', availableVersion: event.version, percent: 0, error: null }
    case 'progress':
      if (status.phase !== 'downloading') return status
      return { ...status, percent: Math.max(0, Math.min(100, Math.round(event.percent))) }
    case 'not-available':
      return status.phase === 'checking' ? { ...status, phase: 'idle' } : status
    case 'downloaded':
      return { ...status, phase: 'downloaded', availableVersion: event.version, percent: null, error: null }
    case 'error':
      // A ready update stays ready: a later failed check must not take the banner away.
      if (status.phase === 'downloaded') return status
      return { ...status, phase: 'error', error: classifyUpdateError(event.error), percent: null }
    case 'checked':
      return { ...status, lastCheckedAt: event.at }
    case 'planned':
      return { ...status, nextCheckAt: event.at }
    case 'restart-waiting':
      return { ...status, restartWaitingFor: event.pendingReplies }
  }
}
