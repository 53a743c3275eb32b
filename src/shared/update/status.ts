/**
 * What the window knows about updates (the `updateStatus` event and the `getUpdateStatus` /
 * `checkForUpdates` / `restartToUpdate` results). main decides it (src/main/update); the renderer
 * only draws it and translates the codes (catalog keys `updates.reason.*`, `updates.error.*`).
 */

/** Why updates are off, when they are. */
export const updateDisabledReasons = [
  /** Not packaged: `npm start` / `electron-vite dev`. */
  'development',
  /** The Windows portable build, or a copy that no installer put there. */
  'portable',
  /** Linux deb/rpm (not the AppImage): the system's package manager updates it. */
  'package-manager',
  /** Installed by the MSI (Windows Installer): IT ships the next MSI. */
  'msi',
  /** An administrator's policy turns updates off. */
  'policy',
  /** An administrator's policy is there but could not be read: off until it is fixed (see the log). */
  'policy-invalid',
] as const
export type UpdateDisabledReason = (typeof updateDisabledReasons)[number]

/** A failed check or download, by cause: the renderer says each in words. */
export const updateErrorKinds = ['network', 'feed', 'integrity', 'disk', 'unknown'] as const
export type UpdateErrorKind = (typeof updateErrorKinds)[number]

export type UpdatePhase = 'idle' | 'checking' | 'downloading' | 'downloaded' | 'error' | 'disabled'

/** Where an administrator's policy came from. */
export type UpdatePolicySource = 'registry' | 'plist' | 'file'

export interface UpdateStatus {
  phase: UpdatePhase
  /** This app's version. */
  currentVersion: string
  /** The update channel (latest, beta, ...): electron-builder.yml's, or the policy's. */
  channel: string
  /** When the last check ended (found something, nothing, or failed), ISO. Null: never checked yet. */
  lastCheckedAt: string | null
  /** When the next scheduled check is due, ISO. */
  nextCheckAt: string | null
  /** The version being downloaded or downloaded. */
  availableVersion: string | null
  /** Download progress, 0–100, while `downloading`. */
  percent: number | null
  /** Set with phase `error`. */
  error: UpdateErrorKind | null
  /** Set with phase `disabled`. */
  disabledReason: UpdateDisabledReason | null
  /** Which policy turned updates off (or set the feed/channel), if any. */
  policySource: UpdatePolicySource | null
  /** "Restart to update" was pressed while replies were still in the outbox: how many it waits for (0: not waiting). */
  restartWaitingFor: number
}

/** What pressing "Restart to update" did. */
export type RestartToUpdateResult =
  /** The app is quitting to install. */
  | { outcome: 'restarting' }
  /** Replies are still being sent: the app restarts once they are (or `cancelRestartToUpdate`). */
  | { outcome: 'waiting'; pendingReplies: number }
  /** Nothing downloaded (yet): nothing to install. */
  | { outcome: 'nothing-to-install' }
