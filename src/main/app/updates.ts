/**
 * The update service (src/main/update) built from the shell's adapters: it hears every outboxChanged the
 * engine emits (the outbox guard), and pushes its status as the `updateStatus` event.
 */
import type { EventPayloads } from '../../shared/ipc/contract'
import type { Logger } from '../ports/logger'
import { systemScheduler } from '../ports/scheduler'
import type { ShellAdapters } from '../ports/shell-adapters'
import { createSystemProbe, createUpdateService, type UpdateService } from '../update'

export function createUpdates(shell: ShellAdapters, log: Logger): { updates: UpdateService; adapters: ShellAdapters } {
  const updates = createUpdateService({
    updater: shell.updates?.updater ?? null,
    probe: shell.updates?.probe ?? createSystemProbe(),
    facts: shell.updates?.facts ?? { isPackaged: false, platform: shell.platform, env: {}, execDir: '' },
    userName: shell.updates?.userName,
    currentVersion: shell.appVersion,
    scheduler: systemScheduler,
    emit: (status) => shell.emit('updateStatus', status),
    log: log.child('update'),
  })
  const adapters: ShellAdapters = {
    ...shell,
    emit(event, payload) {
      if (event === 'outboxChanged') updates.outboxChanged(payload as EventPayloads['outboxChanged'])
      shell.emit(event, payload)
    },
  }
  return { updates, adapters }
}

/** Reading the policy must not keep the app from starting: a failure is logged, updates stay as they are. */
export async function startUpdates(updates: UpdateService, log: Logger): Promise<void> {
  try {
    await updates.start()
  } catch (error) {
    log.error('Auto-update could not start.', error)
  }
}
