/**
 * ShellAdapters made of plain Node pieces: Node's fetch, `conf` stores in a
 * folder, and arrays that record what the shell would have shown (events,
 * notifications, opened URLs, badge totals, log lines). Tests build the core
 * with these; nothing in the app imports this file.
 */
import Conf from 'conf'
import type { EventChannel } from '../../shared/ipc/channels'
import type { EventPayloads } from '../../shared/ipc/contract'
import type { SecretStore } from '../ports/secret-store'
import { createMemorySink } from '../log'
import type { KeyValueStore, NativeNotificationRequest, ShellAdapters } from '../ports/shell-adapters'

export interface RecordedEvent<E extends EventChannel = EventChannel> {
  event: E
  payload: EventPayloads[E]
}

export interface NodeAdapters extends ShellAdapters {
  events: RecordedEvent[]
  notifications: NativeNotificationRequest[]
  openedUrls: string[]
  unreadTotals: number[]
  doNotDisturb: boolean[]
  logLines: ReturnType<typeof createMemorySink>['lines']
}

export function createNodeAdapters(options: {
  userDataDir: string
  keychain?: SecretStore
  fetch?: typeof fetch
}): NodeAdapters {
  const sink = createMemorySink()
  const events: RecordedEvent[] = []
  const notifications: NativeNotificationRequest[] = []
  const openedUrls: string[] = []
  const unreadTotals: number[] = []
  const doNotDisturb: boolean[] = []
  return {
    fetch: options.fetch ?? fetch,
    userDataDir: options.userDataDir,
    appVersion: '0.0.0-test',
    platform: process.platform,
    systemLocales: [Intl.DateTimeFormat().resolvedOptions().locale],
    keychain: options.keychain,
    logSink: sink,
    async openExternal(url) {
      openedUrls.push(url)
    },
    emit(event, payload) {
      // A deep copy: what crosses IPC is a snapshot, not a live object.
      events.push({ event, payload: structuredClone(payload) } as RecordedEvent)
    },
    showNotification: (request) => void notifications.push(request),
    setUnreadTotal: (total) => void unreadTotals.push(total),
    setDoNotDisturb: (enabled) => void doNotDisturb.push(enabled),
    createStore<T extends Record<string, unknown>>(name: string, defaults: T): KeyValueStore<T> {
      return new Conf<T>({
        projectName: 'inbox-desk-test',
        cwd: options.userDataDir,
        configName: name,
        // conf types defaults as a deep readonly partial; our T is the full shape, which fits.
        defaults: defaults as never,
        clearInvalidConfig: true,
      }) as unknown as KeyValueStore<T>
    },
    events,
    notifications,
    openedUrls,
    unreadTotals,
    doNotDisturb,
    logLines: sink.lines,
  }
}
