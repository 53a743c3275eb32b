/**
 * Thread pages the renderer reads, kept in the account's database as they
 * arrive (with the part of the thread each page proves complete), and served
 * from there when the server cannot be reached: a thread read before stays
 * readable offline. Pages follow the API's paging (docs/inbox-api.yaml,
 * getMessages): `idTo` alone is the newest page at or below it, `idFrom` the
 * oldest at or above it, neither the thread's first page.
 */
import type { MessagesPage } from '../../shared/api/schemas'
import { ApiError } from '../ports/inbox-api'
import type { Logger } from '../ports/logger'
import type { AccountStore, PageRequest } from '../store'

/** The API's page size (docs/inbox-api.yaml). */
const PAGE_SIZE = 100

/** Failures that mean "the server cannot be reached now", as opposed to an answer that refused. */
const UNREACHABLE: ReadonlySet<string> = new Set(['network', 'timeout', 'unavailable', 'proxy'])

export function isUnreachable(error: unknown): boolean {
  return error instanceof ApiError && UNREACHABLE.has(error.kind)
}

/** Writes a page the API answered; a conversation not stored yet (the sync has not listed it) is left out. */
export function keepPage(store: AccountStore, chatId: string, request: PageRequest, page: MessagesPage, log: Logger) {
  if (page.data.length === 0) return
  try {
    if (!store.conversations.get(chatId)) return
    store.threadPages.storeFetched(chatId, page, request)
  } catch (error) {
    log.error(`Messages of ${chatId} could not be saved on this computer; they show, but not offline.`, error)
  }
}

/** The stored page answering the request, or null when nothing of it is stored (or the database cannot be read:
 * logged, and the caller's own failure stands). */
export function storedPage(
  store: AccountStore,
  chatId: string,
  request: PageRequest,
  log: Logger,
): MessagesPage | null {
  try {
    return readStoredPage(store, chatId, request)
  } catch (error) {
    log.error(`The stored messages of ${chatId} could not be read.`, error)
    return null
  }
}

function readStoredPage(store: AccountStore, chatId: string, request: PageRequest): MessagesPage | null {
  const { idFrom, idTo } = request
  // Neither bound is the thread's first page, asked only of an empty thread: nothing stored to offer.
  if (idFrom === undefined && idTo === undefined) return null
  const coverage = store.messages.coverage(chatId)
  if (idFrom !== undefined) {
    const data = store.messages.range(chatId, {
      afterId: idFrom - 1,
      beforeId: idTo === undefined ? undefined : idTo + 1,
      limit: PAGE_SIZE,
    })
    return data.length === 0 ? null : { data, hasMore: data.length === PAGE_SIZE }
  }
  const data = store.messages.range(chatId, {
    beforeId: idTo === undefined ? undefined : idTo + 1,
    limit: PAGE_SIZE,
  })
  if (data.length === 0) return null
  const startStored = coverage !== null && coverage.reachedStart && coverage.oldestId <= data[0]!.id
  return { data, hasMore: data.length === PAGE_SIZE || !startStored }
}
