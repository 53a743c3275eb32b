/**
 * The policy plus the state it needs (when a sound last played), bound to the
 * shell's `showNotification`. The sync engine's `onNewInbound` and
 * `onAssignedToMe` callbacks feed it.
 */
import type { NotificationSettings } from '../../shared/ipc/contract'
import type { NativeNotificationRequest } from '../ports/shell-adapters'
import type { Logger } from '../ports/logger'
import type { Translate } from '../i18n'
import { decideNotification, type NotifyDecision, type NotifyEvent } from './policy'

export interface NotifierOptions {
  getSettings(): NotificationSettings
  getMeUserId(): string | null
  isWindowFocused(): boolean
  getOpenChatId(): string | null
  now(): number
  showNotification(request: NativeNotificationRequest): void
  /** Main's i18n lookup: notifications speak the UI language (and follow a switch at once). */
  t: Translate
  log?: Logger
}

export interface Notifier {
  notify(event: NotifyEvent): NotifyDecision
}

export function createNotifier(options: NotifierOptions): Notifier {
  let lastSoundAt: number | null = null
  return {
    notify(event) {
      const nowMs = options.now()
      const decision = decideNotification(event, {
        settings: options.getSettings(),
        meUserId: options.getMeUserId(),
        windowFocused: options.isWindowFocused(),
        openChatId: options.getOpenChatId(),
        now: new Date(nowMs),
        lastSoundAt,
        t: options.t,
      })
      if (!decision.show) {
        options.log?.debug(`no notification for ${event.kind} on ${event.conversation.id}: ${decision.reason}`)
        return decision
      }
      if (!decision.request.silent) lastSoundAt = nowMs
      options.showNotification(decision.request)
      return decision
    },
  }
}
