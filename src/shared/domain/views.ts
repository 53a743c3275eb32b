/**
 * Pure rules about conversations that the renderer (views, counts, list
 * patching) and main (badge, notifications) can share.
 *
 * Pure: no electron, no DOM, no node:* imports. Time comes in as a parameter.
 */
import type { Contact, Conversation, OrderBy, OrderByField } from '../api/schemas'
import { orderByFields } from '../api/schemas'
import type { ConversationsChangedEvent, ListConversationsArgs } from '../ipc/contract'

// ---- Views -----------------------------------------------------------------

export const inboxViews = ['mine', 'unassigned', 'all', 'unread', 'archive'] as const
export type InboxView = (typeof inboxViews)[number]

// Their names on screen are the catalogs' `views.<view>` (src/shared/i18n).

/** Whether a conversation belongs in a view. Archived conversations appear in
 * the Archive view only; "Mine" is empty until the agent has said who they are. */
export function isInView(conversation: Conversation, view: InboxView, meUserId: string | null): boolean {
  if (view === 'archive') return conversation.archived
  if (conversation.archived) return false
  switch (view) {
    case 'mine':
      return meUserId !== null && conversation.assignee?.id === meUserId
    case 'unassigned':
      return conversation.assignee === null
    case 'unread':
      return conversation.unreadCount > 0
    case 'all':
      return true
  }
}

/** How many conversations each view holds. */
export function countViews(conversations: readonly Conversation[], meUserId: string | null): Record<InboxView, number> {
  const counts: Record<InboxView, number> = { mine: 0, unassigned: 0, all: 0, unread: 0, archive: 0 }
  for (const conversation of conversations) {
    for (const view of inboxViews) {
      if (isInView(conversation, view, meUserId)) counts[view] += 1
    }
  }
  return counts
}

/** Sum of unread messages over active (not archived) conversations: the badge. */
export function unreadTotal(conversations: readonly Conversation[]): number {
  let total = 0
  for (const conversation of conversations) {
    if (!conversation.archived) total += conversation.unreadCount
  }
  return total
}

/** The list arguments a view asks the API for (the server filters where it can). */
export function viewListArgs(view: InboxView): Pick<ListConversationsArgs, 'archived' | 'unreadOnly'> {
  if (view === 'archive') return { archived: 'true' }
  if (view === 'unread') return { archived: 'false', unreadOnly: true }
  return { archived: 'false' }
}

// ---- WhatsApp's 24-hour window ---------------------------------------------

export const REPLY_WINDOW_MS = 24 * 60 * 60 * 1000
/** Under this much time left, the window is "closing". */
export const REPLY_WINDOW_WARNING_MS = 60 * 60 * 1000

export type ReplyWindow =
  /** Not WhatsApp: no window applies. */
  | { state: 'none' }
  | { state: 'open' | 'closing'; closesAt: Date; msLeft: number }
  /** `closedAt` null: the contact never wrote, so the window never opened. */
  | { state: 'closed'; closedAt: Date | null }

export function replyWindow(conversation: Pick<Conversation, 'channel' | 'lastInboundDate'>, now: Date): ReplyWindow {
  if (conversation.channel.type.toLowerCase() !== 'whatsapp') return { state: 'none' }
  if (conversation.lastInboundDate === null) return { state: 'closed', closedAt: null }
  const closesAt = new Date(Date.parse(conversation.lastInboundDate) + REPLY_WINDOW_MS)
  const msLeft = closesAt.getTime() - now.getTime()
  if (msLeft <= 0) return { state: 'closed', closedAt: closesAt }
  return { state: msLeft < REPLY_WINDOW_WARNING_MS ? 'closing' : 'open', closesAt, msLeft }
}

// ---- Names and search --------------------------------------------------------

/** The contact's name, or their phone number when the name is empty; `unknown` (translated by the caller)
 * when both are. */
export function contactLabel(contact: Contact, unknown = 'Unknown contact'): string {
  const name = contact.name.trim()
  if (name) return name
  const phone = contact.phoneNumber?.trim()
  return phone ? phone : unknown
}

/** Up to two initials for an avatar fallback. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean)
  if (words.length === 0) return '?'
  const letters =
    words.length === 1 ? [...words[0]!].slice(0, 2) : [[...words[0]!][0], [...words[words.length - 1]!][0]]
  return letters.join('').toUpperCase()
}

/** Local search over contact names, phone numbers (digits compared loosely)
 * and last-message previews. Case-insensitive. */
export function matchesSearch(conversation: Conversation, query: string): boolean {
  const needle = query.trim().toLowerCase()
  if (!needle) return true
  if (conversation.contact.name.toLowerCase().includes(needle)) return true
  const phone = conversation.contact.phoneNumber ?? ''
  if (phone.toLowerCase().includes(needle)) return true
  const needleDigits = needle.replace(/\D/g, '')
  if (needleDigits.length >= 3 && phone.replace(/\D/g, '').includes(needleDigits)) return true
  return (conversation.lastMessage?.preview ?? '').toLowerCase().includes(needle)
}

// ---- Filtering, ordering and patching a list ---------------------------------

/** Whether a conversation passes the list arguments, as the server would judge. */
export function matchesListArgs(conversation: Conversation, args: ListConversationsArgs): boolean {
  const archived = args.archived ?? 'false'
  if (archived === 'false' && conversation.archived) return false
  if (archived === 'true' && !conversation.archived) return false
  if (args.channelIds && args.channelIds.length > 0 && !args.channelIds.includes(conversation.channel.id)) return false
  if (args.dateFrom && !(Date.parse(conversation.updatedDate) > Date.parse(args.dateFrom))) return false
  if (args.unreadOnly && conversation.unreadCount === 0) return false
  return true
}

export function parseOrderBy(orderBy: string | undefined): { field: OrderByField; descending: boolean } {
  const raw = (orderBy ?? '-lastMessageDate').trim()
  const descending = raw.startsWith('-')
  const name = raw.replace(/^[-+ ]/, '')
  const field = (orderByFields as readonly string[]).includes(name) ? (name as OrderByField) : 'lastMessageDate'
  return { field, descending: raw === '' ? true : descending }
}

/** A comparator following `orderBy`; ties broken by newest activity, then id,
 * so the order is stable whatever order events arrive in. */
export function compareConversations(orderBy: OrderBy | string | undefined) {
  const { field, descending } = parseOrderBy(orderBy)
  const value = (c: Conversation): number => (field === 'unreadCount' ? c.unreadCount : Date.parse(c[field]))
  return (a: Conversation, b: Conversation): number => {
    const primary = descending ? value(b) - value(a) : value(a) - value(b)
    if (primary !== 0) return primary
    const activity = Date.parse(b.lastMessageDate) - Date.parse(a.lastMessageDate)
    if (activity !== 0) return activity
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  }
}

/**
 * Applies a `conversationsChanged` event to a list fetched with `args`:
 * upserted conversations that pass the filters are added or replaced, those
 * that no longer pass are removed; a `full` event also drops anything it does
 * not name. The result is sorted by `args.orderBy`. Returns the same array
 * when nothing changed, so React can skip a render.
 */
export function applyConversationChanges(
  list: readonly Conversation[],
  event: Pick<ConversationsChangedEvent, 'upserted' | 'full'>,
  args: ListConversationsArgs,
): readonly Conversation[] {
  if (!event.full && event.upserted.length === 0) return list
  const byId = new Map(list.map((c) => [c.id, c]))
  let changed = false
  if (event.full) {
    const present = new Set(event.upserted.map((c) => c.id))
    for (const id of [...byId.keys()]) {
      if (!present.has(id)) {
        byId.delete(id)
        changed = true
      }
    }
  }
  for (const conversation of event.upserted) {
    const existing = byId.get(conversation.id)
    if (matchesListArgs(conversation, args)) {
      if (existing !== conversation) {
        byId.set(conversation.id, conversation)
        changed = true
      }
    } else if (existing) {
      byId.delete(conversation.id)
      changed = true
    }
  }
  if (!changed) return list
  return [...byId.values()].sort(compareConversations(args.orderBy))
}

/** Replaces one conversation wherever it is (an optimistic local change). */
export function patchConversation(
  list: readonly Conversation[],
  chatId: string,
  patch: (conversation: Conversation) => Conversation,
): readonly Conversation[] {
  const index = list.findIndex((c) => c.id === chatId)
  if (index < 0) return list
  const next = [...list]
  next[index] = patch(list[index]!)
  return next
}
