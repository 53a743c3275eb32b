/**
 * The update service: reads the policy and the install kind once at start, then either stays `disabled`
 * (saying why) or configures the updater, schedules checks (./schedule.ts), follows its events into the
 * status (./state.ts), and guards restarts with the outbox (./outbox-guard.ts). Every status change is
 * pushed to the window (`updateStatus`). The updater behind the port is electron-updater in the app
 * (src/main/shell/updater.ts) and a fake in tests.
 */
import type { OutboxEntry } from '../../shared/ipc/contract'
import type { RestartToUpdateResult, UpdateStatus } from '../../shared/update/status'
import type { Logger } from '../ports/logger'
import type { Scheduler } from '../ports/scheduler'
import type { InstallProbe, Updater } from '../ports/updater'
import { decideUpdates, detectWindowsInstall, type InstallFacts, type UpdateDecision } from './install-kind'
import { decideRestart, installOnQuit, repliesInFlight } from './outbox-guard'
import { NO_POLICY, type UpdatePolicy } from './policy'
import { loadUpdatePolicy } from './policy-sources'
import { createCheckSchedule } from './schedule'
import { initialUpdateStatus, nextUpdateStatus, type UpdateStateEvent } from './state'

/** electron-builder.yml `publish.channel`: what app-update.yml names when no policy overrides it. */
export const DEFAULT_CHANNEL = 'latest'

export interface UpdateServiceDeps {
  /** null: no updater in this build or test (the status says `development`). */
  updater: Updater | null
  probe: InstallProbe
  facts: InstallFacts
  currentVersion: string
  scheduler: Scheduler
  emit(status: UpdateStatus): void
  log: Logger
  /** For macOS's per-user managed preferences. */
  userName?: string
  random?: () => number
}

export interface UpdateService {
  /** Decides whether updates are on; if so, configures the updater and schedules the first check. */
  start(): Promise<void>
  status(): UpdateStatus
  /** "Check now": resolves once the check has ended (a download goes on in the background). */
  checkNow(): Promise<UpdateStatus>
  restartToUpdate(): RestartToUpdateResult
  cancelRestart(): UpdateStatus
  /** Every outboxChanged list, so the guard knows what is in flight. */
  outboxChanged(entries: readonly OutboxEntry[]): void
  stop(): void
}

/** Whether updates are on here (and the policy that may override the feed and channel). */
async function decide(deps: UpdateServiceDeps): Promise<{ decision: UpdateDecision; policy: UpdatePolicy }> {
  const { facts, updater, log } = deps
  // No updater (a unit test, a build without one): nothing could install, as in development.
  if (!updater) return { decision: { enabled: false, reason: 'development' }, policy: NO_POLICY }
  if (!facts.isPackaged && !facts.testInstall)
    return { decision: decideUpdates(facts, null, NO_POLICY), policy: NO_POLICY }
  const context = { platform: facts.platform, execDir: facts.execDir, userName: deps.userName }
  const policy = await loadUpdatePolicy(deps.probe, context, log)
  const windowsInstall =
    facts.platform === 'win32' && !facts.testInstall ? await detectWindowsInstall(deps.probe, facts.execDir) : null
  return { decision: decideUpdates(facts, windowsInstall, policy), policy }
}

/** The checks: each one calls the updater and notes when it ended, however it ended. */
function scheduleChecks(deps: UpdateServiceDeps, updater: Updater | null, apply: (event: UpdateStateEvent) => void) {
  const { scheduler, log } = deps
  return createCheckSchedule({
    scheduler,
    random: deps.random,
    onPlanned: (at) => apply({ type: 'planned', at: at === null ? null : new Date(at).toISOString() }),
    async check() {
      try {
        await updater?.checkForUpdates()
        return true
      } catch (error) {
        log.warn('The update check failed.', error)
        return false
      } finally {
        apply({ type: 'checked', at: new Date(scheduler.now()).toISOString() })
      }
    },
  })
}

export function createUpdateService(deps: UpdateServiceDeps): UpdateService {
  const { updater, log } = deps
  let status = initialUpdateStatus(deps.currentVersion, DEFAULT_CHANNEL)
  let inFlight = 0
  let restartWanted = false
  let installing = false

  function apply(event: UpdateStateEvent | Partial<UpdateStatus>): void {
    const next = 'type' in event ? nextUpdateStatus(status, event as UpdateStateEvent) : { ...status, ...event }
    if (JSON.stringify(next) === JSON.stringify(status)) return
    status = next
    deps.emit(status)
  }

  function install(): void {
    if (installing || !updater) return
    installing = true
    log.info(`Restarting to install ${status.availableVersion ?? 'the update'}; no reply is in flight.`)
    updater.quitAndInstall()
  }

  const schedule = scheduleChecks(deps, updater, apply)

  return {
    async start() {
      const { decision, policy } = await decide(deps)
      if (policy.channel) apply({ channel: policy.channel })
      apply({ policySource: policy.source })
      if (!decision.enabled) {
        log.info(`Updates are off: ${decision.reason}.`)
        apply({ phase: 'disabled', disabledReason: decision.reason })
        return
      }
      const updaterLog = log.child('electron-updater')
      updater!.configure({ feedUrl: policy.feedUrl, channel: policy.channel, log: updaterLog })
      updater!.setAutoInstallOnAppQuit(installOnQuit(inFlight))
      updater!.onEvent((event) => {
        apply(event)
        // The agent pressed "Restart to update" before the download ended and nothing is in flight.
        if (event.type === 'downloaded' && restartWanted && inFlight === 0) install()
      })
      schedule.start()
    },
    status: () => status,
    async checkNow() {
      if (status.phase !== 'disabled') await schedule.runNow()
      return status
    },
    restartToUpdate() {
      const decision = decideRestart(status, inFlight)
      if (decision === 'nothing-to-install') return { outcome: 'nothing-to-install' }
      if (decision === 'wait') {
        restartWanted = true
        log.info(`Restart to update asked; waiting for ${inFlight} reply(ies) in the outbox first.`)
        apply({ type: 'restart-waiting', pendingReplies: inFlight })
        return { outcome: 'waiting', pendingReplies: inFlight }
      }
      install()
      return { outcome: 'restarting' }
    },
    cancelRestart() {
      restartWanted = false
      apply({ type: 'restart-waiting', pendingReplies: 0 })
      return status
    },
    outboxChanged(entries) {
      const before = inFlight
      inFlight = repliesInFlight(entries)
      if (inFlight === before) return
      if (status.phase !== 'disabled') updater?.setAutoInstallOnAppQuit(installOnQuit(inFlight))
      if (!restartWanted) return
      if (inFlight === 0 && status.phase === 'downloaded') install()
      else apply({ type: 'restart-waiting', pendingReplies: inFlight })
    },
    stop: () => schedule.stop(),
  }
}
