import { describe, expect, it } from 'vitest'
import type { Conversation, Message } from '../../shared/api/schemas'
import type { NotificationSettings } from '../../shared/ipc/contract'
import ptBR from '../../shared/i18n/catalogs/pt-BR.json'
import { createMainI18n } from '../i18n'
import type { NativeNotificationRequest } from '../ports/shell-adapters'
import { createNotifier } from './notifier'
import { decideNotification, isInQuietHours, type NotifyContext, type NotifyEvent } from './policy'

const ME = 'user_me'
const english = createMainI18n({ systemLocales: ['en-US'], preference: 'system' })

function conversation(overrides: Partial<Conversation> = {}): Conversation {
  return {
    id: 'chat_1',
    channel: { id: 'ch_wa', type: 'whatsapp', name: 'WhatsApp' },
    contact: { id: 'ct_1', name: 'Amara Okafor', phoneNumber: '+2348012345678' },
    unreadCount: 1,
    archived: false,
    assignee: null,
    createdDate: '2026-11-25T08:00:00.000Z',
    updatedDate: '2026-11-25T09:00:00.000Z',
    lastMessageDate: '2026-11-25T09:00:00.000Z',
    lastInboundDate: '2026-11-25T09:00:00.000Z',
    lastMessage: { id: 10, direction: 'inbound', preview: 'Hello', date: '2026-11-25T09:00:00.000Z' },
    ...overrides,
  }
}

function message(text: string, overrides: Partial<Message> = {}): Message {
  return {
    id: 10,
    chatId: 'chat_1',
    direction: 'inbound',
    date: '2026-11-25T09:00:00.000Z',
    content: { type: 'text', text },
    status: 'received',
    ...overrides,
  }
}

const settings: NotificationSettings = {
  inboundMine: true,
  inboundUnassigned: true,
  inboundAll: false,
  assignedToMe: true,
  sound: true,
  doNotDisturb: false,
  dndSchedule: { enabled: false, from: '17:00', to: '09:00' },
}

function context(overrides: Partial<NotifyContext> = {}): NotifyContext {
  return {
    settings,
    meUserId: ME,
    windowFocused: false,
    openChatId: null,
    now: new Date(2026, 10, 25, 12, 0), // local noon
    lastSoundAt: null,
    t: english.t,
    ...overrides,
  }
}

const inbound = (conv = conversation(), text = 'Where is my order?', count = 1): NotifyEvent => ({
  kind: 'inbound',
  conversation: conv,
  message: message(text),
  count,
})

describe('decideNotification', () => {
  it('builds one notification per conversation: tag, contact title, trimmed preview', () => {
    const decision = decideNotification(inbound(conversation(), '  Where is\n\nmy order?  '), context())
    expect(decision).toEqual({
      show: true,
      request: {
        tag: 'chat:chat_1',
        title: 'Amara Okafor',
        body: 'Where is my order?',
        chatId: 'chat_1',
        silent: false,
      },
    })
  })

  it('falls back to the phone number when the contact has no name, and cuts long previews', () => {
    const long = 'x'.repeat(500)
    const decision = decideNotification(
      inbound(conversation({ contact: { id: 'ct', name: '  ', phoneNumber: '+4915112345678' } }), long, 3),
      context(),
    )
    if (!decision.show) throw new Error('expected a notification')
    expect(decision.request.title).toBe('+4915112345678')
    expect(decision.request.body.startsWith('x'.repeat(139) + '…')).toBe(true)
    expect(decision.request.body.endsWith('(+2 more)')).toBe(true)
  })

  it('says "Assigned to you" for an assignment by someone else, and nothing for my own', () => {
    const assigned = decideNotification(
      { kind: 'assigned', conversation: conversation({ assignee: { id: ME, displayName: 'Me' } }) },
      context(),
    )
    expect(assigned.show && assigned.request.body).toBe('Assigned to you')
    expect(decideNotification({ kind: 'assigned', conversation: conversation(), byMe: true }, context())).toEqual({
      show: false,
      reason: 'own_action',
    })
  })

  it('says its own words in the UI language, and follows a switch at once', () => {
    const i18n = createMainI18n({ systemLocales: ['en-US'], preference: 'pt-BR' })
    const inPortuguese = context({ t: i18n.t })
    const assigned = decideNotification(
      { kind: 'assigned', conversation: conversation({ assignee: { id: ME, displayName: 'Me' } }) },
      inPortuguese,
    )
    expect(assigned.show && assigned.request.body).toBe(ptBR.notify.assignedBody)
    const several = decideNotification(inbound(conversation(), 'Oi', 4), inPortuguese)
    expect(several.show && several.request.body).toBe(
      ptBR.notify.more_other.replace('{{preview}}', 'Oi').replace('{{count}}', '3'),
    )
    const nameless = conversation({ contact: { id: 'ct', name: '', phoneNumber: null } })
    const image = { ...inbound(nameless), message: message('', { content: { type: 'image', text: '' } }) }
    const shown = decideNotification(image, inPortuguese)
    expect(shown.show && shown.request.title).toBe(ptBR.contact.unknown)
    expect(shown.show && shown.request.body).toBe(ptBR.notify.nonText.replace('{{type}}', 'image'))
    i18n.setPreference('en')
    const after = decideNotification(image, inPortuguese)
    expect(after.show && after.request.title).toBe('Unknown contact')
  })

  it('follows the per-kind switches: mine, unassigned, all, assignment', () => {
    const mine = inbound(conversation({ assignee: { id: ME, displayName: 'Me' } }))
    const unassigned = inbound(conversation({ assignee: null }))
    const teammates = inbound(conversation({ assignee: { id: 'user_other', displayName: 'Kim' } }))
    const only = (patch: Partial<NotificationSettings>) =>
      context({ settings: { ...settings, inboundMine: false, inboundUnassigned: false, inboundAll: false, ...patch } })

    expect(decideNotification(mine, only({ inboundMine: true })).show).toBe(true)
    expect(decideNotification(unassigned, only({ inboundMine: true })).show).toBe(false)
    expect(decideNotification(teammates, only({ inboundMine: true })).show).toBe(false)
    expect(decideNotification(unassigned, only({ inboundUnassigned: true })).show).toBe(true)
    expect(decideNotification(mine, only({ inboundUnassigned: true })).show).toBe(false)
    expect(decideNotification(teammates, only({ inboundAll: true })).show).toBe(true)
    expect(decideNotification(teammates, only({})).show).toBe(false)
    // Without a chosen identity nothing is "mine".
    expect(decideNotification(mine, { ...only({ inboundMine: true }), meUserId: null }).show).toBe(false)
    const assignment: NotifyEvent = { kind: 'assigned', conversation: conversation() }
    expect(decideNotification(assignment, context({ settings: { ...settings, assignedToMe: false } }))).toEqual({
      show: false,
      reason: 'kind_disabled',
    })
  })

  it('is quiet only when the window is focused AND that conversation is open', () => {
    const event = inbound()
    expect(decideNotification(event, context({ windowFocused: true, openChatId: 'chat_1' }))).toEqual({
      show: false,
      reason: 'conversation_in_view',
    })
    expect(decideNotification(event, context({ windowFocused: false, openChatId: 'chat_1' })).show).toBe(true)
    expect(decideNotification(event, context({ windowFocused: true, openChatId: 'chat_2' })).show).toBe(true)
    expect(decideNotification(event, context({ windowFocused: true, openChatId: null })).show).toBe(true)
  })

  it('stays silent under do-not-disturb: the toggle, and the schedule', () => {
    expect(decideNotification(inbound(), context({ settings: { ...settings, doNotDisturb: true } }))).toEqual({
      show: false,
      reason: 'do_not_disturb',
    })
    const scheduled = { ...settings, dndSchedule: { enabled: true, from: '17:00', to: '09:00' } }
    const at = (hours: number, minutes: number) =>
      context({ settings: scheduled, now: new Date(2026, 10, 25, hours, minutes) })
    expect(decideNotification(inbound(), at(23, 30)).show).toBe(false)
    expect(decideNotification(inbound(), at(8, 59)).show).toBe(false)
    expect(decideNotification(inbound(), at(9, 0)).show).toBe(true)
    expect(decideNotification(inbound(), at(16, 59)).show).toBe(true)
    expect(decideNotification(inbound(), at(17, 0)).show).toBe(false)
  })

  it('marks the notification silent when sounds are off or one played less than 10 s ago', () => {
    const now = new Date(2026, 10, 25, 12, 0, 0)
    const silentOf = (ctx: NotifyContext) => {
      const decision = decideNotification(inbound(), ctx)
      if (!decision.show) throw new Error('expected a notification')
      return decision.request.silent
    }
    expect(silentOf(context({ now, settings: { ...settings, sound: false } }))).toBe(true)
    expect(silentOf(context({ now, lastSoundAt: now.getTime() - 9_999 }))).toBe(true)
    expect(silentOf(context({ now, lastSoundAt: now.getTime() - 10_000 }))).toBe(false)
  })
})

describe('isInQuietHours', () => {
  it('handles same-day windows, windows across midnight, and an empty window', () => {
    const day = { enabled: true, from: '12:00', to: '13:30' }
    expect(isInQuietHours(day, new Date(2026, 0, 1, 12, 0))).toBe(true)
    expect(isInQuietHours(day, new Date(2026, 0, 1, 13, 30))).toBe(false)
    expect(isInQuietHours(day, new Date(2026, 0, 1, 11, 59))).toBe(false)
    const night = { enabled: true, from: '22:00', to: '06:00' }
    expect(isInQuietHours(night, new Date(2026, 0, 1, 0, 0))).toBe(true)
    expect(isInQuietHours(night, new Date(2026, 0, 1, 21, 59))).toBe(false)
    expect(isInQuietHours({ ...night, enabled: false }, new Date(2026, 0, 1, 23, 0))).toBe(false)
    expect(isInQuietHours({ enabled: true, from: '10:00', to: '10:00' }, new Date(2026, 0, 1, 10, 0))).toBe(false)
  })
})

describe('createNotifier', () => {
  it('shows what the policy allows and throttles sounds across notifications', () => {
    let now = new Date(2026, 10, 25, 12, 0, 0).getTime()
    const shown: NativeNotificationRequest[] = []
    let focused = false
    const notifier = createNotifier({
      getSettings: () => settings,
      getMeUserId: () => ME,
      isWindowFocused: () => focused,
      getOpenChatId: () => 'chat_1',
      now: () => now,
      showNotification: (request) => shown.push(request),
      t: english.t,
    })
    notifier.notify(inbound(conversation({ id: 'chat_2' })))
    now += 3_000
    notifier.notify(inbound(conversation({ id: 'chat_3' })))
    now += 8_000
    notifier.notify(inbound(conversation({ id: 'chat_4' })))
    focused = true
    notifier.notify(inbound(conversation({ id: 'chat_1' })))
    expect(shown.map((request) => [request.chatId, request.silent])).toEqual([
      ['chat_2', false],
      ['chat_3', true],
      ['chat_4', false],
    ])
  })
})
