/**
 * The sandbox's in-memory data: accounts, their conversations and messages.
 *
 * Shaped for scale (10,000 conversations per account): conversations live in
 * a Map per account (O(1) by chatId), each conversation keeps its messages in
 * an array in ascending id order (ids are handed out in creation order), so a
 * page is two binary searches and a slice. Dates are kept as epoch ms and
 * only turned into ISO strings on the way out.
 */
import type { Conversation, Message, MessageStatus, OrderByField, User } from '../shared/api/schemas'
import { ACCOUNT_DEFINITIONS, type AccountDefinition, type ChannelDefinition, type SandboxAccount } from './accounts'
import type { SandboxClock } from './clock'

export const PREVIEW_LENGTH = 140
const LIST_PREFIX = Buffer.from('{"data":[')
const LIST_SUFFIX = Buffer.from(']}')
const COMMA = Buffer.from(',')
export const MESSAGES_PER_PAGE = 100

export interface StoredMessage {
  id: number
  chatId: string
  direction: 'inbound' | 'outbound'
  date: number
  text: string
  /** First 140 characters (code points, so emoji are never cut in half). */
  preview: string
  status: MessageStatus
  error: { code: string; message: string } | null
  authorId: string | null
}

export interface StoredContact {
  id: string
  name: string
  phoneNumber: string | null
}

export interface StoredConversation {
  id: string
  channel: ChannelDefinition
  contact: StoredContact
  unreadCount: number
  archived: boolean
  assigneeId: string | null
  createdDate: number
  updatedDate: number
  lastInboundDate: number | null
  /** Ascending by id (= chronological). */
  messages: StoredMessage[]
  /**
   * The conversation's JSON as listed, cached as UTF-8 bytes: listing 10,000
   * conversations then costs one copy instead of 10,000 serializations and
   * string encodings. Every change goes through touch() or appendMessage(),
   * which drop it.
   */
  wireJson?: Buffer
}

export interface AccountState {
  definition: AccountDefinition
  account: SandboxAccount
  users: Map<string, AccountUser>
  channels: Map<string, ChannelDefinition>
  conversations: Map<string, StoredConversation>
  /** `${channelId}|${phoneNumber}` → conversation: one thread per contact per channel. */
  conversationsByContact: Map<string, StoredConversation>
}

type AccountUser = AccountDefinition['users'][number]

export interface NewMessage {
  direction: 'inbound' | 'outbound'
  text: string
  date: number
  status: MessageStatus
  authorId?: string | null
  error?: { code: string; message: string } | null
}

export interface ListFilters {
  /** Epoch ms; only conversations with updatedDate strictly after it. */
  dateFrom?: number
  channelIds?: ReadonlySet<string>
  unreadOnly: boolean
  archived: 'false' | 'true' | 'any'
  orderBy: { field: OrderByField; descending: boolean }
}

export interface MessagePage {
  messages: StoredMessage[]
  hasMore: boolean
}

function contactKey(channelId: string, phoneNumber: string | null): string | null {
  return phoneNumber ? `${channelId}|${phoneNumber}` : null
}

function previewOf(text: string): string {
  // Fast path: a string no longer than 140 UTF-16 units has at most 140 code points.
  if (text.length <= PREVIEW_LENGTH) return text
  return Array.from(text).slice(0, PREVIEW_LENGTH).join('')
}

/** First index whose message id is >= id. */
function lowerBound(messages: readonly StoredMessage[], id: number): number {
  let lo = 0
  let hi = messages.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (messages[mid]!.id < id) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** First index whose message id is > id. */
function upperBound(messages: readonly StoredMessage[], id: number): number {
  let lo = 0
  let hi = messages.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (messages[mid]!.id <= id) lo = mid + 1
    else hi = mid
  }
  return lo
}

export class SandboxStore {
  readonly accounts: AccountState[]
  private readonly accountsByKey = new Map<string, AccountState>()
  private nextMessageId = 1
  private nextConversationId = 1
  private nextContactId = 1

  constructor(private readonly clock: SandboxClock) {
    this.accounts = ACCOUNT_DEFINITIONS.map((definition) => ({
      definition,
      account: definition.account,
      users: new Map(definition.users.map((u) => [u.id, u])),
      channels: new Map(definition.channels.map((c) => [c.id, c])),
      conversations: new Map(),
      conversationsByContact: new Map(),
    }))
    for (const state of this.accounts) this.accountsByKey.set(state.account.apiKey, state)
  }

  now(): number {
    return this.clock.now()
  }

  accountByKey(apiKey: string): AccountState | undefined {
    return this.accountsByKey.get(apiKey)
  }

  accountBySlug(slug: AccountDefinition['slug']): AccountState {
    const state = this.accounts.find((a) => a.definition.slug === slug)
    if (!state) throw new Error(`no sandbox account with slug ${slug}`)
    return state
  }

  /** Drops every conversation and restarts the id counters, so a seed gives the same ids every time. */
  clear(): void {
    for (const state of this.accounts) {
      state.conversations.clear()
      state.conversationsByContact.clear()
    }
    this.nextMessageId = 1
    this.nextConversationId = 1
    this.nextContactId = 1
  }

  createConversation(
    state: AccountState,
    channel: ChannelDefinition,
    contact: { name: string; phoneNumber: string | null },
    createdDate: number,
  ): StoredConversation {
    const conversation: StoredConversation = {
      id: `chat_${String(this.nextConversationId++).padStart(5, '0')}`,
      channel,
      contact: { id: `ct_${String(this.nextContactId++).padStart(5, '0')}`, ...contact },
      unreadCount: 0,
      archived: false,
      assigneeId: null,
      createdDate,
      updatedDate: createdDate,
      lastInboundDate: null,
      messages: [],
    }
    state.conversations.set(conversation.id, conversation)
    const key = contactKey(channel.id, contact.phoneNumber)
    if (key) state.conversationsByContact.set(key, conversation)
    return conversation
  }

  findConversationByContact(
    state: AccountState,
    channelId: string,
    phoneNumber: string,
  ): StoredConversation | undefined {
    const key = contactKey(channelId, phoneNumber)
    return key ? state.conversationsByContact.get(key) : undefined
  }

  /**
   * Appends a message (the next global id). Does not touch unreadCount or
   * archived: callers decide (an inbound from the world raises and
   * unarchives; the seed sets its own state).
   */
  appendMessage(conversation: StoredConversation, input: NewMessage): StoredMessage {
    const message: StoredMessage = {
      id: this.nextMessageId++,
      chatId: conversation.id,
      direction: input.direction,
      date: input.date,
      text: input.text,
      preview: previewOf(input.text),
      status: input.status,
      error: input.error ?? null,
      authorId: input.authorId ?? null,
    }
    conversation.messages.push(message)
    conversation.wireJson = undefined
    if (input.direction === 'inbound') {
      conversation.lastInboundDate = Math.max(conversation.lastInboundDate ?? 0, input.date)
    }
    conversation.updatedDate = Math.max(conversation.updatedDate, input.date)
    return message
  }

  /** Records that a conversation changed: updatedDate moves strictly forward, so `dateFrom` never misses a change. */
  touch(conversation: StoredConversation): void {
    conversation.updatedDate = Math.max(this.clock.now(), conversation.updatedDate + 1)
    conversation.wireJson = undefined
  }

  lastMessageDate(conversation: StoredConversation): number {
    const last = conversation.messages[conversation.messages.length - 1]
    return last ? last.date : conversation.createdDate
  }

  list(state: AccountState, filters: ListFilters): StoredConversation[] {
    const result: StoredConversation[] = []
    for (const conversation of state.conversations.values()) {
      if (filters.archived === 'false' && conversation.archived) continue
      if (filters.archived === 'true' && !conversation.archived) continue
      if (filters.unreadOnly && conversation.unreadCount === 0) continue
      if (filters.channelIds && !filters.channelIds.has(conversation.channel.id)) continue
      if (filters.dateFrom !== undefined && !(conversation.updatedDate > filters.dateFrom)) continue
      result.push(conversation)
    }
    const { field, descending } = filters.orderBy
    const sign = descending ? -1 : 1
    const keyOf = (c: StoredConversation): number => {
      switch (field) {
        case 'lastMessageDate':
          return this.lastMessageDate(c)
        case 'updatedDate':
          return c.updatedDate
        case 'createdDate':
          return c.createdDate
        case 'unreadCount':
          return c.unreadCount
      }
    }
    // Precompute keys once: a comparator calling keyOf would do it n·log n times.
    const keyed = result.map((c) => ({ c, k: keyOf(c) }))
    // A total order (field, then last activity, then id), all in the asked direction, so that
    // descending is exactly ascending reversed, ties included.
    keyed.sort((a, b) => {
      if (a.k !== b.k) return (a.k - b.k) * sign
      const byActivity = this.lastMessageDate(a.c) - this.lastMessageDate(b.c)
      if (byActivity !== 0) return byActivity * sign
      return (a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0) * sign
    })
    return keyed.map((entry) => entry.c)
  }

  /** The paging rules of GET /conversations/{chatId}/messages (bounds inclusive). */
  page(conversation: StoredConversation, idFrom: number | undefined, idTo: number | undefined): MessagePage {
    const all = conversation.messages
    if (idFrom !== undefined && idTo !== undefined) {
      if (idFrom > idTo) return { messages: [], hasMore: false }
      const start = lowerBound(all, idFrom)
      const end = upperBound(all, idTo)
      const stop = Math.min(end, start + MESSAGES_PER_PAGE)
      return { messages: all.slice(start, stop), hasMore: stop < end }
    }
    if (idFrom !== undefined) {
      const start = lowerBound(all, idFrom)
      const stop = Math.min(all.length, start + MESSAGES_PER_PAGE)
      return { messages: all.slice(start, stop), hasMore: stop < all.length }
    }
    if (idTo !== undefined) {
      const end = upperBound(all, idTo)
      const start = Math.max(0, end - MESSAGES_PER_PAGE)
      return { messages: all.slice(start, end), hasMore: start > 0 }
    }
    const stop = Math.min(all.length, MESSAGES_PER_PAGE)
    return { messages: all.slice(0, stop), hasMore: stop < all.length }
  }

  // ---- wire shapes ---------------------------------------------------------

  toWireConversation(state: AccountState, c: StoredConversation): Conversation {
    const last = c.messages[c.messages.length - 1]
    const assignee = c.assigneeId ? state.users.get(c.assigneeId) : undefined
    return {
      id: c.id,
      channel: { id: c.channel.id, type: c.channel.type, name: c.channel.name },
      contact: { id: c.contact.id, name: c.contact.name, phoneNumber: c.contact.phoneNumber },
      unreadCount: c.unreadCount,
      archived: c.archived,
      assignee: assignee ? { id: assignee.id, displayName: assignee.displayName } : null,
      createdDate: new Date(c.createdDate).toISOString(),
      updatedDate: new Date(c.updatedDate).toISOString(),
      lastMessageDate: new Date(last ? last.date : c.createdDate).toISOString(),
      lastInboundDate: c.lastInboundDate === null ? null : new Date(c.lastInboundDate).toISOString(),
      lastMessage: last
        ? { id: last.id, direction: last.direction, preview: last.preview, date: new Date(last.date).toISOString() }
        : null,
    }
  }

  /** The UTF-8 body `{"data":[...]}` of a list, from each conversation's cached JSON. */
  listBody(state: AccountState, conversations: readonly StoredConversation[]): Buffer {
    const chunks: Buffer[] = [LIST_PREFIX]
    conversations.forEach((c, index) => {
      if (index > 0) chunks.push(COMMA)
      chunks.push((c.wireJson ??= Buffer.from(JSON.stringify(this.toWireConversation(state, c)), 'utf8')))
    })
    chunks.push(LIST_SUFFIX)
    return Buffer.concat(chunks)
  }

  toWireMessage(m: StoredMessage): Message {
    return {
      id: m.id,
      chatId: m.chatId,
      direction: m.direction,
      date: new Date(m.date).toISOString(),
      content: { type: 'text', text: m.text },
      status: m.status,
      error: m.error,
      authorId: m.authorId,
    }
  }

  toWireUser(u: AccountUser): User {
    return { id: u.id, displayName: u.displayName, avatarUrl: u.avatarUrl }
  }
}
