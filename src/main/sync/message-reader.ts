/**
 * Reads the new messages of the conversations a tick found changed: a few at
 * a time, the most recent first, and a bounded number per tick, so that the
 * first sync after days closed is not a burst of requests.
 */
import type { Conversation, Message } from '../../shared/api/schemas'
import { ApiError, type InboxApi } from '../ports/inbox-api'
import type { Logger } from '../ports/logger'

/** Bounds one conversation's catch-up; beyond it only the newest page is read. */
const MAX_PAGES_PER_CONVERSATION = 5
const MESSAGE_FETCH_CONCURRENCY = 4
/** Conversations whose messages one tick reads at most (the most recent first). */
const MAX_MESSAGE_FETCHES_PER_TICK = 100

export interface ReadPlan {
  conversation: Conversation
  /** The lowest message id to read (`idFrom`). */
  fromId: number
}

export interface ThreadRead {
  plan: ReadPlan
  messages: Message[]
  /** Every message of the thread from `plan.fromId` on was read (no long gap skipped): the local
   * copy may record that range as complete. */
  complete: boolean
}

export interface ThreadReads {
  read: ThreadRead[]
  /** Plans beyond this tick's bound: not read, to be taken as seen. */
  skipped: ReadPlan[]
}

export async function readChangedThreads(api: InboxApi, plans: ReadPlan[], log: Logger): Promise<ThreadReads> {
  // After a long time closed, hundreds of conversations may have news: read
  // the most recent ones, and take the rest as seen (no burst of requests
  // or notifications; the renderer loads a thread when it is opened).
  const byRecency = [...plans].sort((a, b) =>
    b.conversation.lastMessageDate.localeCompare(a.conversation.lastMessageDate),
  )
  const toRead = byRecency.slice(0, MAX_MESSAGE_FETCHES_PER_TICK)
  const skipped = byRecency.slice(MAX_MESSAGE_FETCHES_PER_TICK)
  if (skipped.length > 0) log.info(`${skipped.length} older changed conversations taken as seen without reading`)
  const read = await mapWithConcurrency(toRead, MESSAGE_FETCH_CONCURRENCY, async (plan) => {
    try {
      return { plan, ...(await readMessagesFrom(api, plan.conversation, plan.fromId, log)) }
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'not_found') {
        log.info(`conversation ${plan.conversation.id} disappeared while syncing its messages`)
        return { plan, messages: [] as Message[], complete: false }
      }
      throw error
    }
  })
  return { read, skipped }
}

async function readMessagesFrom(
  api: InboxApi,
  conversation: Conversation,
  fromId: number,
  log: Logger,
): Promise<{ messages: Message[]; complete: boolean }> {
  const messages: Message[] = []
  let idFrom = Math.max(1, fromId)
  for (let page = 0; page < MAX_PAGES_PER_CONVERSATION; page += 1) {
    const result = await api.getMessages(conversation.id, { idFrom })
    messages.push(...result.data)
    const last = result.data.at(-1)
    if (!result.hasMore || !last) return { messages, complete: true }
    idFrom = last.id + 1
  }
  // A long gap (the app was closed for days): the newest page is what matters.
  const lastId = conversation.lastMessage?.id
  if (lastId === undefined) return { messages, complete: false }
  log.info(`conversation ${conversation.id}: long gap, reading only the newest page`)
  const newest = await api.getMessages(conversation.id, { idTo: lastId })
  return { messages: [...messages, ...newest.data.filter((m) => m.id > (messages.at(-1)?.id ?? 0))], complete: false }
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
