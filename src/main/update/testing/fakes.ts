/**
 * Fakes of the update ports for the unit tests: an `InstallProbe` answering from maps (registry keys,
 * plists, files), and an `Updater` that records calls and lets a test play electron-updater's events.
 * Files can also be real (createSystemProbe on a temp folder): the JSON-file tests do that.
 */
import type { InstallProbe, RegistryValues, Updater, UpdaterEvent, UpdaterSetup } from '../../ports/updater'

export function createFakeProbe(
  contents: {
    registry?: Record<string, RegistryValues | Error>
    plists?: Record<string, unknown>
    files?: Record<string, string>
  } = {},
): InstallProbe & { asked: string[] } {
  const asked: string[] = []
  return {
    asked,
    async readRegistryKey(key) {
      asked.push(key)
      const value = contents.registry?.[key]
      if (value instanceof Error) throw value
      return value ?? null
    },
    async readPlist(path) {
      asked.push(path)
      const value = contents.plists?.[path]
      if (value instanceof Error) throw value
      return value === undefined ? null : value
    },
    async readTextFile(path) {
      asked.push(path)
      return contents.files?.[path] ?? null
    },
    async fileExists(path) {
      asked.push(path)
      return contents.files?.[path] !== undefined
    },
  }
}

export interface FakeUpdater extends Updater {
  setups: UpdaterSetup[]
  autoInstallOnAppQuit: boolean[]
  checks: number
  quitAndInstallCalls: number
  /** Plays an event as electron-updater would emit it. */
  play(event: UpdaterEvent): void
  /** How the next checkForUpdates ends: the events it emits, and whether it rejects. */
  nextCheck: { events: UpdaterEvent[]; fail?: Error }
  /** Resolves the check in flight (checks stay open until this is called when `hold` is set). */
  hold: boolean
  release(): void
}

export function createFakeUpdater(): FakeUpdater {
  const listeners: ((event: UpdaterEvent) => void)[] = []
  let pending: (() => void) | null = null
  const updater: FakeUpdater = {
    setups: [],
    autoInstallOnAppQuit: [],
    checks: 0,
    quitAndInstallCalls: 0,
    nextCheck: { events: [{ type: 'not-available' }] },
    hold: false,
    configure: (setup) => void updater.setups.push(setup),
    setAutoInstallOnAppQuit: (install) => void updater.autoInstallOnAppQuit.push(install),
    checkForUpdates() {
      updater.checks++
      updater.play({ type: 'checking' })
      const finish = () => {
        const { events, fail } = updater.nextCheck
        for (const event of events) updater.play(event)
        if (fail) {
          updater.play({ type: 'error', error: fail })
          throw fail
        }
      }
      if (!updater.hold) return Promise.resolve().then(finish)
      return new Promise<void>((resolve, reject) => {
        pending = () => {
          try {
            finish()
            resolve()
          } catch (error) {
            reject(error as Error)
          }
        }
      })
    },
    quitAndInstall: () => void updater.quitAndInstallCalls++,
    onEvent: (listener) => void listeners.push(listener),
    play: (event) => listeners.forEach((listener) => listener(event)),
    release() {
      const run = pending
      pending = null
      run?.()
    },
  }
  return updater
}
