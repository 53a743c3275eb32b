/**
 * The sandbox's state and everything that changes it: the store, the clock,
 * delivery progression, simulated inbound traffic, fault rules and the
 * request log. The HTTP layer (./http) only validates and translates.
 */
import type { SandboxClock } from './clock'
import { DeliverySimulator, REPLY_WINDOW_MS } from './delivery'
import { FaultRules, type FaultRule } from './faults'
import { RateLimiter } from './rate-limit'
import { loadBulk } from './seed/bulk'
import { demoSeed } from './seed/demo'
import { loadConversations } from './seed/load'
import { pick, seededRandom } from './seed/random'
import { SandboxStore, type AccountState, type StoredConversation, type StoredMessage } from './store'

export type SeedSpec = 'demo' | 'empty' | { conversations: number; messagesPerConversation: number }

export interface RequestLogEntry {
  method: string
  path: string
  /** The raw query string without `?` (empty when none): what the client sent, `+` and all. */
  query: string
  status: number
  /** Bytes of the response body. */
  bytes: number
  /** Name of the account the key belongs to; null when the key was missing or unknown. */
  account: string | null
  /** Sandbox-clock time the request arrived. */
  at: string
  /** True when a drop fault (before or after the commit) destroyed the socket instead of answering. */
  dropped?: boolean
  /** What the fault rule that fired on this request did (absent when none did): exact counts of faulted requests. */
  fault?: LoggedFault
}

/** A fired fault rule's effect: the rule without what only selects requests (method, path, times, rate). */
export type LoggedFault = Pick<FaultRule, 'status' | 'delayMs' | 'retryAfter' | 'mode'>

/** The part of `rule` the request log keeps. */
export function loggedFault(rule: FaultRule): LoggedFault {
  const { status, delayMs, retryAfter, mode } = rule
  return {
    ...(status !== undefined ? { status } : {}),
    ...(delayMs !== undefined ? { delayMs } : {}),
    ...(retryAfter !== undefined ? { retryAfter } : {}),
    ...(mode !== undefined ? { mode } : {}),
  }
}

export interface WorldOptions {
  deliveryMs: number
  rateLimit?: number
  trafficPerMinute: number
  log: (line: string) => void
}

/** Enough for any test or benchmark window; bounded so a long demo session does not grow without end. */
export const MAX_REQUEST_LOG = 50_000

const TRAFFIC_TEXTS = [
  'Hi, any update on my order?',
  'Is anyone there? 👀',
  'Thanks, that worked!',
  'Can I change the delivery address?',
  '¿Hay novedades sobre mi pedido?',
  'Bonjour, je n’ai toujours rien reçu.',
  'Hallo, wann kommt mein Paket?',
  'مرحبا، هل من جديد بخصوص طلبي؟',
  'אפשר לקבוע תור לשבוע הבא?',
  'I need to move my appointment to Friday, is that possible?',
  'The refund still has not arrived 😕',
  'Ok 👍',
  'Where can I see my invoice? https://example.com/account/orders',
  'Please call me back when you can.',
]

const TRAFFIC_NAMES = [
  'Alex Morgan',
  'Rosa Delgado',
  'Hiro Nakamura',
  'Amina Yusuf',
  'Pierre Laurent',
  '',
  'Sara Nilsen',
  'Omar Farouk',
]

export class SandboxWorld {
  readonly store: SandboxStore
  readonly faults = new FaultRules()
  readonly rateLimiter: RateLimiter | undefined
  private readonly delivery: DeliverySimulator
  /** In the order the requests arrived (see logRequest), each with its arrival number. */
  private requestLog: Array<{ arrival: number; entry: RequestLogEntry }> = []
  private arrivals = 0
  private trafficTimer: NodeJS.Timeout | undefined
  private readonly trafficRandom = seededRandom(99)
  private trafficPhoneCounter = 0

  constructor(
    readonly clock: SandboxClock,
    private readonly options: WorldOptions,
  ) {
    this.store = new SandboxStore(clock)
    this.delivery = new DeliverySimulator(this.store, options.deliveryMs)
    this.rateLimiter = options.rateLimit ? new RateLimiter(options.rateLimit) : undefined
  }

  /** Replaces every account's data; keeps keys and users; clears faults, request log and pending deliveries. */
  reset(seed: SeedSpec): void {
    this.delivery.stop()
    this.faults.clear()
    this.rateLimiter?.clear()
    this.requestLog = []
    this.clock.resetOffset()
    this.store.clear()
    if (seed === 'demo') {
      const now = this.clock.now()
      for (const state of this.store.accounts) loadConversations(this.store, state, demoSeed(state.definition, now))
    } else if (typeof seed === 'object') {
      loadBulk(this.store, seed.conversations, seed.messagesPerConversation)
    }
    // Serialize every conversation now rather than in the first list after the
    // reset: a reset is allowed seconds, a list a few hundred milliseconds.
    for (const state of this.store.accounts) this.store.listBody(state, [...state.conversations.values()])
  }

  /** A number for a request as it arrives: its place in the log once its answer is known (logRequest). */
  requestArrived(): number {
    this.arrivals += 1
    return this.arrivals
  }

  /**
   * Logs a request once its answer is known, at its place by arrival: a request held by a slow or delayed fault
   * is listed before those that came after it and were answered first (a request still unanswered is not listed).
   */
  logRequest(entry: RequestLogEntry, arrival = this.requestArrived()): void {
    let at = this.requestLog.length
    while (at > 0 && this.requestLog[at - 1]!.arrival > arrival) at -= 1
    this.requestLog.splice(at, 0, { arrival, entry })
    // The demo workspace runs for hours without a reset: keep the newest entries only.
    if (this.requestLog.length > MAX_REQUEST_LOG) this.requestLog.splice(0, this.requestLog.length - MAX_REQUEST_LOG)
  }

  requests(): readonly RequestLogEntry[] {
    return this.requestLog.map((logged) => logged.entry)
  }

  /** A contact writes: the message lands, the conversation unarchives and its unread count rises. */
  receiveInbound(conversation: StoredConversation, text: string): StoredMessage {
    const message = this.store.appendMessage(conversation, {
      direction: 'inbound',
      text,
      date: this.clock.now(),
      status: 'received',
    })
    conversation.unreadCount++
    conversation.archived = false
    this.store.touch(conversation)
    return message
  }

  /** Queues an agent's reply. The WhatsApp window is judged now, at acceptance. */
  sendReply(conversation: StoredConversation, text: string): StoredMessage {
    const now = this.clock.now()
    const windowClosed =
      conversation.channel.type === 'whatsapp' &&
      (conversation.lastInboundDate === null || now - conversation.lastInboundDate > REPLY_WINDOW_MS)
    const message = this.store.appendMessage(conversation, {
      direction: 'outbound',
      text,
      date: now,
      status: 'queued',
      authorId: null,
    })
    this.store.touch(conversation)
    this.delivery.track(conversation, message, windowClosed)
    return message
  }

  /** Simulated inbound traffic: N messages a minute on random conversations, new ones and archived ones included. */
  startTraffic(): void {
    const perMinute = this.options.trafficPerMinute
    if (!(perMinute > 0)) return
    this.trafficTimer = setInterval(() => this.simulateOneInbound(), Math.max(10, 60_000 / perMinute))
    this.trafficTimer.unref()
  }

  private simulateOneInbound(): void {
    const random = this.trafficRandom
    const state = pick(random, this.store.accounts)
    const text = pick(random, TRAFFIC_TEXTS)
    const roll = random()
    const conversations = [...state.conversations.values()]
    let conversation: StoredConversation | undefined
    if (roll < 0.15 || conversations.length === 0) {
      conversation = this.newTrafficConversation(state)
    } else if (roll < 0.3) {
      const archived = conversations.filter((c) => c.archived)
      conversation = archived.length > 0 ? pick(random, archived) : pick(random, conversations)
    } else {
      conversation = pick(random, conversations)
    }
    const message = this.receiveInbound(conversation, text)
    this.options.log(`traffic: ${state.account.name} ${conversation.id} ← message ${message.id}`)
  }

  private newTrafficConversation(state: AccountState): StoredConversation {
    const channel = pick(this.trafficRandom, [...state.channels.values()])
    const phone = `+1555${String(9_000_000 + this.trafficPhoneCounter++).padStart(7, '0')}`
    return this.store.createConversation(
      state,
      channel,
      { name: pick(this.trafficRandom, TRAFFIC_NAMES), phoneNumber: phone },
      this.clock.now(),
    )
  }

  stop(): void {
    if (this.trafficTimer) clearInterval(this.trafficTimer)
    this.trafficTimer = undefined
    this.delivery.stop()
  }
}
