/**
 * What deserves a native notification: a pure function of the event, the
 * settings and the moment. The shell only presents what this decides
 * (src/main/notify/notifier.ts keeps the little state it needs: the last sound).
 */
import type { Conversation, Message } from '../../shared/api/schemas'
import { contactLabel } from '../../shared/domain/views'
import type { NotificationSettings } from '../../shared/ipc/contract'
import type { Translate } from '../i18n'
import type { NativeNotificationRequest } from '../ports/shell-adapters'

export type NotifyEvent =
  | {
      kind: 'inbound'
      conversation: Conversation
      /** The newest new inbound message of that conversation. */
      message: Message
      /** How many new inbound messages arrived at once (the notification shows the newest). */
      count: number
    }
  | {
      kind: 'assigned'
      conversation: Conversation
      /** Set when the agent did it in this app: never notified. */
      byMe?: boolean
    }

export interface NotifyContext {
  settings: NotificationSettings
  /** Who "mine" means; null while the agent has not picked themself. */
  meUserId: string | null
  windowFocused: boolean
  /** The conversation open in the window, if any. */
  openChatId: string | null
  /** Now, read in local time for the do-not-disturb schedule. */
  now: Date
  /** When the last notification with sound was shown (ms since epoch). */
  lastSoundAt: number | null
  /** The words around the customer's own (main's i18n, in the UI language of the moment). */
  t: Translate
}

export const SOUND_THROTTLE_MS = 10_000
export const PREVIEW_MAX_LENGTH = 140

export type NotifyDecision =
  | { show: true; request: NativeNotificationRequest }
  | {
      show: false
      reason: 'own_action' | 'kind_disabled' | 'do_not_disturb' | 'conversation_in_view'
    }

export function decideNotification(event: NotifyEvent, context: NotifyContext): NotifyDecision {
  const { settings } = context
  const { conversation } = event
  if (event.kind === 'assigned' && event.byMe) return { show: false, reason: 'own_action' }
  if (!isKindEnabled(event, context)) return { show: false, reason: 'kind_disabled' }
  if (settings.doNotDisturb || isInQuietHours(settings.dndSchedule, context.now)) {
    return { show: false, reason: 'do_not_disturb' }
  }
  // Quiet only when both halves hold (mattermost/desktop#47, #1372): the agent
  // is looking at this very conversation.
  if (context.windowFocused && context.openChatId === conversation.id) {
    return { show: false, reason: 'conversation_in_view' }
  }
  const soundThrottled = context.lastSoundAt !== null && context.now.getTime() - context.lastSoundAt < SOUND_THROTTLE_MS
  return {
    show: true,
    request: {
      tag: notificationTag(conversation.id),
      title: contactTitle(conversation, context.t),
      body:
        event.kind === 'inbound'
          ? inboundBody(event.message, event.count, context.t)
          : context.t('notify.assignedBody'),
      chatId: conversation.id,
      silent: !settings.sound || soundThrottled,
    },
  }
}

/** One tag per conversation: a newer notification replaces the older. */
export const notificationTag = (chatId: string): string => `chat:${chatId}`

function isKindEnabled(event: NotifyEvent, { settings, meUserId }: NotifyContext): boolean {
  if (event.kind === 'assigned') return settings.assignedToMe
  if (settings.inboundAll) return true
  const assigneeId = event.conversation.assignee?.id ?? null
  if (assigneeId === null) return settings.inboundUnassigned
  return meUserId !== null && assigneeId === meUserId && settings.inboundMine
}

/** `from` > `to` spans midnight (17:00-09:00); `from` = `to` is an empty window. */
export function isInQuietHours(schedule: NotificationSettings['dndSchedule'], now: Date): boolean {
  if (!schedule.enabled) return false
  const from = minutesOfDay(schedule.from)
  const to = minutesOfDay(schedule.to)
  const current = now.getHours() * 60 + now.getMinutes()
  if (from === to) return false
  return from < to ? current >= from && current < to : current >= from || current < to
}

function minutesOfDay(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number)
  return (hours ?? 0) * 60 + (minutes ?? 0)
}

/** The contact's name, or their phone number when the name is empty. */
export function contactTitle(conversation: Pick<Conversation, 'contact'>, t: Translate): string {
  return contactLabel(conversation.contact, t('contact.unknown'))
}

function inboundBody(message: Message, count: number, t: Translate): string {
  const text =
    message.content.type === 'text'
      ? message.content.text
      : t('notify.nonText', { type: message.content.type || t('notify.unsupportedType') })
  const preview = truncate(text.replace(/\s+/g, ' ').trim(), PREVIEW_MAX_LENGTH) || t('notify.emptyMessage')
  return count > 1 ? t('notify.more', { preview, count: count - 1 }) : preview
}

function truncate(text: string, max: number): string {
  const characters = Array.from(text) // code points: never cut an emoji in half
  return characters.length <= max ? text : characters.slice(0, max - 1).join('') + '…'
}
