/**
 * The sync engine: keeps main's picture of the inbox current by polling the
 * Inbox API cheaply (the API has no push channel a desktop can use), and
 * detects what deserves a notification. See ./README.md for the algorithm.
 *
 * Plain Node: the API, time, the persisted store and the outputs are
 * parameters, so tests run it against the real sandbox over HTTP.
 */
import type { Conversation, Message, SeenMessageStatus } from '../../shared/api/schemas'
import type { SyncStatus } from '../../shared/ipc/contract'
import { ApiError, type InboxApi } from '../ports/inbox-api'
import type { KeyValueStore, ShellAdapters } from '../ports/shell-adapters'
import { silentLogger } from '../log'
import type { Logger } from '../ports/logger'
import { computeUnreadTotal, createUnreadTotalPublisher } from '../notify'
import { toBridgeError } from '../ports/errors'
import { backoffDelayMs, defaultBackoffPolicy, retryAfterOf, type BackoffPolicy } from '../ports/backoff'
import { systemScheduler, type Scheduler, type TimerHandle } from '../ports/scheduler'
import { loadSyncState, saveSyncState, type PersistedSyncState, type SyncStateData } from './state'

export interface NewInboundEvent {
  conversation: Conversation
  /** The newest of the new inbound messages. */
  message: Message
  /** How many new inbound messages this conversation got since the last sync. */
  count: number
}

export interface AssignedToMeEvent {
  conversation: Conversation
}

export type OwnAction =
  | { type: 'assign'; chatId: string; userId: string }
  | { type: 'unassign'; chatId: string }
  /** A reply the outbox got accepted: its status is followed until final. */
  | { type: 'reply'; chatId: string; messageId: number }

/** A change the app made (read, assign, archive…): shown at once, replaced by
 * the server's version as soon as a sync sees the conversation change. */
export type ConversationPatch = Partial<Omit<Conversation, 'id'>> & { id: string }

export interface SyncIntervals {
  focusedMs: number
  backgroundMs: number
  /** A full `archived=any` list this often while focused: a safety net for
   * anything the deltas could miss (they already see archivals elsewhere:
   * they ask `archived=any`, and archiving moves updatedDate). */
  fullResyncMs: number
  /** The same in the background, where the full list would dominate the cost
   * (at 10,000 conversations it is ~5 MB, the deltas ~50 KB a minute). */
  fullResyncBackgroundMs: number
  /** How far before the watermark each delta asks from: `dateFrom` is strictly
   * "after", and a conversation updated in the same millisecond as the
   * watermark (or committed slightly out of order) must not be missed. */
  overlapMs: number
}

export const defaultSyncIntervals: SyncIntervals = {
  focusedMs: 2_000,
  backgroundMs: 10_000,
  fullResyncMs: 5 * 60_000,
  fullResyncBackgroundMs: 15 * 60_000,
  overlapMs: 2_000,
}

export interface SyncEngineOptions {
  api: InboxApi
  stateStore: KeyValueStore<SyncStateData>
  /** Identifies the account the persisted state belongs to, e.g. the base URL
   * plus a hash of the key. Never the key itself. */
  accountKey: string
  emit: ShellAdapters['emit']
  getMeUserId(): string | null
  onNewInbound?(event: NewInboundEvent): void
  onAssignedToMe?(event: AssignedToMeEvent): void
  /** Called once when the key is refused; polling stays stopped until `start()`. */
  onAuthRequired?(error: ApiError): void
  /** The badge: called only when the unread total changes. */
  setUnreadTotal?(total: number): void
  scheduler?: Scheduler
  intervals?: Partial<SyncIntervals>
  backoff?: BackoffPolicy
  random?: () => number
  log?: Logger
}

export interface SyncEngine {
  /** Starts polling (again, after a 401 or `stop()`); resolves after the first sync attempt. */
  start(): Promise<void>
  stop(): void
  /** Runs a sync as soon as allowed (never before a Retry-After); resolves when it is done. */
  syncNow(): Promise<void>
  setFocused(focused: boolean): void
  setAwake(awake: boolean): void
  setOnline(online: boolean): void
  getConversations(): Conversation[]
  getConversation(chatId: string): Conversation | undefined
  getStatus(): SyncStatus
  getUnreadTotal(): number
  applyLocalChange(patch: ConversationPatch): void
  /** Drops a local change whose API call failed, showing the server's version again. */
  revertLocalChange(chatId: string): void
  /** Tell the engine about what the agent did, BEFORE the API call, so that it never notifies. */
  noteOwnAction(action: OwnAction): void
}

// A status this client does not know is taken as final: nothing it knows follows it, so polling for it would be endless.
const FINAL_STATUSES: ReadonlySet<SeenMessageStatus> = new Set(['read', 'failed', 'received', 'unknown'])
/** A local change the server has not confirmed within this long is dropped. */
const LOCAL_PATCH_TTL_MS = 30_000
/** An own assignment not seen by a sync within this long is forgotten. */
const OWN_ASSIGNMENT_TTL_MS = 5 * 60_000
/** Bounds one conversation's catch-up; beyond it only the newest page is read. */
const MAX_PAGES_PER_CONVERSATION = 5
/** Outbound messages whose status is followed, per conversation. */
const MAX_TRACKED_OUTBOUND = 50
const MESSAGE_FETCH_CONCURRENCY = 4
/** Conversations whose messages one tick reads at most (the most recent first). */
const MAX_MESSAGE_FETCHES_PER_TICK = 100

interface LocalPatch {
  patch: ConversationPatch
  baseUpdatedDate: string | null
  appliedAt: number
}

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { api, stateStore, accountKey, emit } = options
  const scheduler = options.scheduler ?? systemScheduler
  const intervals = { ...defaultSyncIntervals, ...options.intervals }
  const backoffPolicy = options.backoff ?? defaultBackoffPolicy
  const random = options.random ?? Math.random
  const log = options.log ?? silentLogger
  const unreadPublisher = createUnreadTotalPublisher(options.setUnreadTotal ?? (() => undefined))

  // ---- Picture of the inbox ----
  /** The server's version of every conversation (archived included). */
  const serverConversations = new Map<string, Conversation>()
  const localPatches = new Map<string, LocalPatch>()
  let watermarkMs: number | null = null
  let lastFullSyncAt: number | null = null
  /** Per conversation: the highest message id read in this session. */
  const fetchedThrough = new Map<string, number>()
  /** Per conversation: outbound messages not final yet, id → last status seen. */
  const trackedOutbound = new Map<string, Map<number, SeenMessageStatus>>()
  /** Per conversation: the last outbound message known final (no need to re-read it). */
  const finalOutbound = new Map<string, number>()
  let persisted: PersistedSyncState | null = null
  /** Own assignments noted before there is any persisted state to hold them. */
  const earlyOwnAssignments = new Map<string, number>()
  /** The first full list of a run goes to the renderer as `full: true`. */
  let firstFullEmitPending = true

  // ---- Schedule ----
  let running = false
  let generation = 0
  let focused = false
  let awake = true
  let online = true
  let authRequired = false
  let timer: TimerHandle | null = null
  let tickInFlight: Promise<void> | null = null
  let lastTickStartedAt: number | null = null
  let consecutiveErrors = 0
  /** No request before this instant (a server's Retry-After). */
  let notBefore = 0
  let inBackoff = false
  let waitersForNextTick: Array<() => void> = []
  let status: SyncStatus = { state: 'stopped', lastSyncedAt: null, error: null, nextAttemptAt: null }

  const paused = () => !running || !awake || !online || authRequired

  function setStatus(next: Partial<SyncStatus>, force = false): void {
    const updated = { ...status, ...next }
    const changed =
      updated.state !== status.state ||
      updated.error?.kind !== status.error?.kind ||
      updated.nextAttemptAt !== status.nextAttemptAt
    status = updated
    if (changed || force) emit('syncStatus', status)
  }

  function clearTimer(): void {
    if (timer !== null) scheduler.clearTimeout(timer)
    timer = null
  }

  function scheduleAt(dueAtMs: number): void {
    clearTimer()
    if (paused()) return
    const dueAt = Math.max(dueAtMs, notBefore, scheduler.now())
    const myGeneration = generation
    timer = scheduler.setTimeout(() => {
      timer = null
      if (myGeneration === generation) void runTick()
    }, dueAt - scheduler.now())
  }

  /** Syncs right away, unless a Retry-After forbids it (then as soon as allowed). */
  function requestImmediateTick(): void {
    if (paused() || tickInFlight) return
    if (notBefore > scheduler.now()) {
      scheduleAt(notBefore)
      return
    }
    clearTimer()
    void runTick()
  }

  function currentIntervalMs(): number {
    return focused ? intervals.focusedMs : intervals.backgroundMs
  }

  /** Re-plans the next regular tick after focus changes (not during a backoff). */
  function rescheduleRegular(): void {
    if (paused() || tickInFlight || inBackoff) return
    scheduleAt((lastTickStartedAt ?? scheduler.now()) + currentIntervalMs())
  }

  function resolveWaiters(waiters: Array<() => void>): void {
    for (const resolve of waiters) resolve()
  }

  async function runTick(): Promise<void> {
    if (tickInFlight || paused()) return
    const myGeneration = generation
    const waiters = waitersForNextTick
    waitersForNextTick = []
    lastTickStartedAt = scheduler.now()
    tickInFlight = (async () => {
      try {
        await syncOnce(myGeneration)
        if (myGeneration !== generation) return
        consecutiveErrors = 0
        inBackoff = false
        setStatus({
          state: 'idle',
          error: null,
          lastSyncedAt: new Date(scheduler.now()).toISOString(),
          nextAttemptAt: null,
        })
      } catch (error) {
        if (myGeneration !== generation) return
        handleTickError(error)
      }
    })()
    try {
      await tickInFlight
    } finally {
      tickInFlight = null
      resolveWaiters(waiters)
    }
    if (paused()) {
      resolveWaiters(waitersForNextTick.splice(0))
      // Paused (asleep, offline) while this tick was in flight: its outcome just
      // set "idle" or "backoff, trying again at…", neither of which will happen.
      if (running && !authRequired && myGeneration === generation) showPausedStatus()
      return
    }
    if (myGeneration !== generation) {
      // Restarted while this (now void) tick was in flight: the new run's first tick.
      requestImmediateTick()
      return
    }
    // In a backoff, handleTickError has already planned the retry.
    if (inBackoff) return
    if (waitersForNextTick.length > 0) requestImmediateTick()
    else scheduleAt(lastTickStartedAt + currentIntervalMs())
  }

  function handleTickError(error: unknown): void {
    if (error instanceof ApiError && error.kind === 'unauthorized') {
      authRequired = true
      clearTimer()
      log.warn('the API key was refused: polling stops until a new key is set')
      setStatus({ state: 'auth_required', error: toBridgeError(error), nextAttemptAt: null })
      options.onAuthRequired?.(error)
      return
    }
    consecutiveErrors += 1
    inBackoff = true
    const delayMs = backoffDelayMs(consecutiveErrors, error, backoffPolicy, random)
    const dueAt = scheduler.now() + delayMs
    if (retryAfterOf(error) !== null) notBefore = Math.max(notBefore, dueAt)
    log.warn(`sync failed (attempt ${consecutiveErrors}), next try in ${delayMs} ms`, error)
    setStatus({ state: 'backoff', error: toBridgeError(error), nextAttemptAt: new Date(dueAt).toISOString() })
    scheduleAt(dueAt)
  }

  // ---- One sync ----

  async function syncOnce(myGeneration: number): Promise<void> {
    const fullEveryMs = focused ? intervals.fullResyncMs : intervals.fullResyncBackgroundMs
    const full = lastFullSyncAt === null || scheduler.now() - lastFullSyncAt >= fullEveryMs
    if (full && status.lastSyncedAt === null) setStatus({ state: 'syncing' })
    const listed = await api.listConversations(
      full || watermarkMs === null
        ? { archived: 'any' }
        : { archived: 'any', dateFrom: new Date(watermarkMs - intervals.overlapMs).toISOString() },
    )
    if (myGeneration !== generation) return

    const meUserId = options.getMeUserId()
    const firstEverSync = persisted === null
    const state: PersistedSyncState = persisted ?? {
      version: 1,
      accountKey,
      baselineMessageId: listed.reduce((max, c) => Math.max(max, c.lastMessage?.id ?? 0), 0),
      seenMessageIds: {},
      meUserId,
      assignedToMe: listed.filter((c) => meUserId !== null && c.assignee?.id === meUserId).map((c) => c.id),
      ownAssignments: {},
    }
    let stateDirty = firstEverSync
    if (state.meUserId !== meUserId) {
      // The agent picked another identity: what is "mine" now is not news.
      const all = new Map([...serverConversations, ...listed.map((c) => [c.id, c] as const)])
      state.meUserId = meUserId
      state.assignedToMe = [...all.values()]
        .filter((c) => meUserId !== null && c.assignee?.id === meUserId)
        .map((c) => c.id)
      stateDirty = true
    }

    // Drop what the overlap brought back unchanged.
    const changed = listed.filter((c) => serverConversations.get(c.id)?.updatedDate !== c.updatedDate)
    const listedIds = new Set(listed.map((c) => c.id))
    const removedIds = full ? [...serverConversations.keys()].filter((id) => !listedIds.has(id)) : []

    const seenThrough = (chatId: string) =>
      fetchedThrough.get(chatId) ?? Math.max(state.seenMessageIds[chatId] ?? 0, state.baselineMessageId)

    // Messages: only for conversations that changed, only what is new (or
    // outbound whose status may have moved).
    const allPlans = changed.flatMap((conversation) => {
      const plan = planMessageFetch(conversation, seenThrough(conversation.id))
      return plan === null ? [] : [{ conversation, ...plan }]
    })
    // After a long time closed, hundreds of conversations may have news: read
    // the most recent ones, and take the rest as seen (no burst of requests
    // or notifications; the renderer loads a thread when it is opened).
    const byRecency = [...allPlans].sort((a, b) =>
      b.conversation.lastMessageDate.localeCompare(a.conversation.lastMessageDate),
    )
    const fetchPlans = byRecency.slice(0, MAX_MESSAGE_FETCHES_PER_TICK)
    const skippedPlans = byRecency.slice(MAX_MESSAGE_FETCHES_PER_TICK)
    if (skippedPlans.length > 0)
      log.info(`${skippedPlans.length} older changed conversations taken as seen without reading`)
    const fetched = await mapWithConcurrency(fetchPlans, MESSAGE_FETCH_CONCURRENCY, async (plan) => {
      try {
        return { plan, messages: await fetchMessagesFrom(plan.conversation, plan.fromId) }
      } catch (error) {
        if (error instanceof ApiError && error.kind === 'not_found') {
          log.info(`conversation ${plan.conversation.id} disappeared while syncing its messages`)
          return { plan, messages: [] as Message[] }
        }
        throw error
      }
    })
    if (myGeneration !== generation) return

    // ---- Commit: from here on nothing awaits, so a tick is all or nothing. ----
    const now = scheduler.now()
    const newInbound: NewInboundEvent[] = []
    const messageEvents: Array<{ chatId: string; messages: Message[] }> = []
    for (const { conversation } of skippedPlans) {
      const lastId = conversation.lastMessage?.id ?? 0
      fetchedThrough.set(conversation.id, Math.max(seenThrough(conversation.id), lastId))
      if (lastId > (state.seenMessageIds[conversation.id] ?? 0) && lastId > state.baselineMessageId) {
        state.seenMessageIds[conversation.id] = lastId
        stateDirty = true
      }
    }
    for (const { plan, messages } of fetched) {
      const chatId = plan.conversation.id
      const previouslySeen = seenThrough(chatId)
      const fresh = messages.filter((m) => m.id > previouslySeen)
      const changedStatus = messages.filter((m) => m.id <= previouslySeen && statusMoved(chatId, m))
      for (const message of messages) trackOutbound(chatId, message)
      const highest = messages.reduce((max, m) => Math.max(max, m.id), previouslySeen)
      fetchedThrough.set(chatId, highest)
      if (highest > (state.seenMessageIds[chatId] ?? 0) && highest > state.baselineMessageId) {
        state.seenMessageIds[chatId] = highest
        stateDirty = true
      }
      const freshInbound = fresh.filter((m) => m.direction === 'inbound')
      const newest = freshInbound.at(-1)
      if (newest && !firstEverSync)
        newInbound.push({ conversation: plan.conversation, message: newest, count: freshInbound.length })
      const toEmit = [...changedStatus, ...fresh].sort((a, b) => a.id - b.id)
      if (toEmit.length > 0) messageEvents.push({ chatId, messages: toEmit })
    }

    // Assignment to me by someone else.
    const assignedEvents: AssignedToMeEvent[] = []
    const mine = new Set(state.assignedToMe)
    // Assignments I made before the account's first sync completed.
    for (const [chatId, notedAt] of earlyOwnAssignments) state.ownAssignments[chatId] ??= notedAt
    if (earlyOwnAssignments.size > 0) stateDirty = true
    earlyOwnAssignments.clear()
    for (const [chatId, notedAt] of Object.entries(state.ownAssignments)) {
      if (now - notedAt > OWN_ASSIGNMENT_TTL_MS) {
        delete state.ownAssignments[chatId]
        stateDirty = true
      }
    }
    for (const conversation of changed) {
      const isMine = meUserId !== null && conversation.assignee?.id === meUserId
      const wasMine = mine.has(conversation.id)
      const byMe = state.ownAssignments[conversation.id] !== undefined
      if (isMine && byMe) {
        delete state.ownAssignments[conversation.id]
        stateDirty = true
      }
      if (isMine && !wasMine) {
        mine.add(conversation.id)
        stateDirty = true
        if (!byMe && !firstEverSync) assignedEvents.push({ conversation })
      } else if (!isMine && wasMine) {
        mine.delete(conversation.id)
        stateDirty = true
      }
    }
    for (const id of removedIds) {
      if (mine.delete(id)) stateDirty = true
    }
    state.assignedToMe = [...mine]

    // Persist BEFORE announcing: a crash in between loses a notification at
    // worst, never shows one twice.
    if (stateDirty) saveSyncState(stateStore, state)
    persisted = state

    for (const conversation of listed) {
      const time = Date.parse(conversation.updatedDate)
      if (watermarkMs === null || time > watermarkMs) watermarkMs = time
    }
    for (const conversation of changed) {
      serverConversations.set(conversation.id, conversation)
      const local = localPatches.get(conversation.id)
      if (local && (conversation.updatedDate !== local.baseUpdatedDate || now - local.appliedAt > LOCAL_PATCH_TTL_MS)) {
        localPatches.delete(conversation.id)
      }
    }
    for (const id of removedIds) {
      serverConversations.delete(id)
      localPatches.delete(id)
      fetchedThrough.delete(id)
      trackedOutbound.delete(id)
      finalOutbound.delete(id)
    }
    if (full) lastFullSyncAt = now

    // Events out. A full list is sent as such only when it matters (the first
    // one, or something disappeared): 10,000 unchanged rows every few minutes
    // would be pure IPC noise.
    const unreadTotal = recomputeUnread()
    const sendFull = full && (firstFullEmitPending || removedIds.length > 0)
    if (sendFull) {
      firstFullEmitPending = false
      emit('conversationsChanged', { upserted: displayedConversations(), full: true, unreadTotal })
    } else if (changed.length > 0) {
      emit('conversationsChanged', { upserted: changed.map(displayed), full: false, unreadTotal })
    }
    for (const event of messageEvents) emit('messagesChanged', event)
    for (const event of newInbound) callSafely('onNewInbound', () => options.onNewInbound?.(event))
    for (const event of assignedEvents) callSafely('onAssignedToMe', () => options.onAssignedToMe?.(event))
  }
  function planMessageFetch(conversation: Conversation, seen: number): { fromId: number } | null {
    const last = conversation.lastMessage
    const hasNew = last !== null && last.id > seen
    const tracked = trackedOutbound.get(conversation.id)
    const oldestTracked = tracked && tracked.size > 0 ? Math.min(...tracked.keys()) : null
    if (oldestTracked !== null) return { fromId: Math.min(oldestTracked, seen + 1) }
    if (hasNew) return { fromId: seen + 1 }
    // The conversation changed without a new message, and its last message is
    // an outbound one we are not following (sent before this session): its
    // status may have moved. One message is cheap to re-read.
    if (
      last !== null &&
      last.direction === 'outbound' &&
      serverConversations.has(conversation.id) &&
      finalOutbound.get(conversation.id) !== last.id
    ) {
      return { fromId: last.id }
    }
    return null
  }

  async function fetchMessagesFrom(conversation: Conversation, fromId: number): Promise<Message[]> {
    const messages: Message[] = []
    let idFrom = Math.max(1, fromId)
    for (let page = 0; page < MAX_PAGES_PER_CONVERSATION; page += 1) {
      const result = await api.getMessages(conversation.id, { idFrom })
      messages.push(...result.data)
      const last = result.data.at(-1)
      if (!result.hasMore || !last) return messages
      idFrom = last.id + 1
    }
    // A long gap (the app was closed for days): the newest page is what matters.
    const lastId = conversation.lastMessage?.id
    if (lastId === undefined) return messages
    log.info(`conversation ${conversation.id}: long gap, reading only the newest page`)
    const newest = await api.getMessages(conversation.id, { idTo: lastId })
    return [...messages, ...newest.data.filter((m) => m.id > (messages.at(-1)?.id ?? 0))]
  }

  function statusMoved(chatId: string, message: Message): boolean {
    const known = trackedOutbound.get(chatId)?.get(message.id)
    return message.direction === 'outbound' && known !== undefined && known !== message.status
  }

  function trackOutbound(chatId: string, message: Message): void {
    if (message.direction !== 'outbound') return
    let tracked = trackedOutbound.get(chatId)
    if (FINAL_STATUSES.has(message.status)) {
      tracked?.delete(message.id)
      finalOutbound.set(chatId, Math.max(finalOutbound.get(chatId) ?? 0, message.id))
      return
    }
    if (!tracked) trackedOutbound.set(chatId, (tracked = new Map()))
    tracked.set(message.id, message.status)
    if (tracked.size > MAX_TRACKED_OUTBOUND) tracked.delete(Math.min(...tracked.keys()))
  }

  function callSafely(what: string, callback: () => void): void {
    try {
      callback()
    } catch (error) {
      // A failing listener must not undo a committed sync (and re-announce).
      log.error(`${what} listener failed`, error)
    }
  }

  // ---- Local changes and the picture out ----

  function displayed(conversation: Conversation): Conversation {
    const local = localPatches.get(conversation.id)
    return local ? { ...conversation, ...local.patch } : conversation
  }

  function displayedConversations(): Conversation[] {
    return [...serverConversations.values()].map(displayed)
  }

  function recomputeUnread(): number {
    const total = computeUnreadTotal(displayedConversations())
    unreadPublisher.update(total)
    return total
  }

  function persistOwnAssignment(chatId: string): void {
    const state = persisted
    if (!state) {
      earlyOwnAssignments.set(chatId, scheduler.now())
      return
    }
    state.ownAssignments[chatId] = scheduler.now()
    saveSyncState(stateStore, state)
  }

  const engine: SyncEngine = {
    async start() {
      generation += 1
      running = true
      authRequired = false
      consecutiveErrors = 0
      inBackoff = false
      lastFullSyncAt = null
      firstFullEmitPending = true
      if (persisted === null) persisted = loadSyncState(stateStore, accountKey, log)
      setStatus({ state: 'syncing', error: null, nextAttemptAt: null })
      await engine.syncNow()
    },
    stop() {
      generation += 1
      running = false
      clearTimer()
      resolveWaiters(waitersForNextTick.splice(0))
      setStatus({ state: 'stopped', nextAttemptAt: null })
    },
    syncNow() {
      if (paused()) return Promise.resolve()
      return new Promise<void>((resolve) => {
        waitersForNextTick.push(resolve)
        // During a backoff the planned retry comes first: "sync now" must not
        // become a way around exponential backoff.
        if (!inBackoff) requestImmediateTick()
      })
    },
    setFocused(value) {
      if (focused === value) return
      focused = value
      rescheduleRegular()
    },
    setAwake(value) {
      if (awake === value) return
      awake = value
      resumeOrPause('asleep')
    },
    setOnline(value) {
      if (online === value) return
      online = value
      resumeOrPause('offline')
    },
    getConversations: displayedConversations,
    getConversation(chatId) {
      const conversation = serverConversations.get(chatId)
      return conversation && displayed(conversation)
    },
    getStatus: () => status,
    getUnreadTotal: () => computeUnreadTotal(displayedConversations()),
    applyLocalChange(patch) {
      const server = serverConversations.get(patch.id)
      if (!server) {
        log.debug(`local change for unknown conversation ${patch.id} ignored; the next sync brings it`)
        return
      }
      if (patch.assignee !== undefined) {
        engine.noteOwnAction(
          patch.assignee === null
            ? { type: 'unassign', chatId: patch.id }
            : { type: 'assign', chatId: patch.id, userId: patch.assignee.id },
        )
      }
      const previous = localPatches.get(patch.id)
      localPatches.set(patch.id, {
        patch: { ...previous?.patch, ...patch },
        baseUpdatedDate: server.updatedDate,
        appliedAt: scheduler.now(),
      })
      const unreadTotal = recomputeUnread()
      emit('conversationsChanged', { upserted: [displayed(server)], full: false, unreadTotal })
    },
    revertLocalChange(chatId) {
      const server = serverConversations.get(chatId)
      if (!localPatches.delete(chatId) || !server) return
      const unreadTotal = recomputeUnread()
      emit('conversationsChanged', { upserted: [server], full: false, unreadTotal })
    },
    noteOwnAction(action) {
      if (action.type === 'reply') {
        let tracked = trackedOutbound.get(action.chatId)
        if (!tracked) trackedOutbound.set(action.chatId, (tracked = new Map()))
        if (!tracked.has(action.messageId)) tracked.set(action.messageId, 'queued')
        return
      }
      if (action.type === 'assign' && action.userId === options.getMeUserId()) {
        persistOwnAssignment(action.chatId)
      }
    },
  }

  function resumeOrPause(reason: 'asleep' | 'offline'): void {
    if (!running || authRequired) return
    if (awake && online) {
      // Back: sync at once (a Retry-After still holds), with a fresh backoff.
      consecutiveErrors = 0
      inBackoff = false
      setStatus({ state: 'idle', error: null, nextAttemptAt: null })
      requestImmediateTick()
      return
    }
    clearTimer()
    resolveWaiters(waitersForNextTick.splice(0))
    showPausedStatus()
    log.info(`polling paused: ${reason}`)
  }

  function showPausedStatus(): void {
    setStatus({
      state: !online ? 'offline' : 'idle',
      nextAttemptAt: null,
      error: !online ? { kind: 'network', message: 'This computer is offline.' } : status.error,
    })
  }

  return engine
}

async function mapWithConcurrency<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await work(items[index] as T)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}
