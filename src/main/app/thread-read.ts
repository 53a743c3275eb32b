/**
 * The renderer's thread read (`getMessages`) over the account's store: a page
 * the store holds completely is answered from it, with no request (a thread
 * the history backfill or an earlier read stored opens at once); any other
 * page is asked of the API and kept on the way back (./stored-messages.ts);
 * when the server cannot be reached, what is stored of it is shown instead.
 * Reads of newer messages (`idFrom`) are never answered from the store first:
 * only the server knows what is new (the renderer asks when the conversation's
 * last message is past what it shows, src/renderer/src/thread/useThread.ts).
 */
import type { MessagesPage } from '../../shared/api/schemas'
import type { Logger } from '../ports/logger'
import type { LiveAccount } from './live-account'
import { isUnreachable, keepPage, storedPage } from './stored-messages'

export interface ThreadPageRequest {
  chatId: string
  idFrom?: number
  idTo?: number
}

/**
 * The date the contact panel shows as the conversation's first message: from the store when it holds the
 * thread's start (a short thread read once, or the backfill reached it), else the thread's oldest page from the
 * API, stored on the way. Offline with the start not stored, the API's failure stands: the panel says so, and
 * never shows the oldest *stored* message as the first.
 */
export async function readFirstMessageDate(live: LiveAccount, chatId: string, log: Logger): Promise<string | null> {
  try {
    const stored = live.store.threadPages.firstMessage(chatId)
    if (stored !== undefined) return stored?.date ?? null
  } catch (error) {
    log.warn(`thread ${chatId}: the stored start of the thread could not be read; asking the server`, error)
  }
  const page = await live.session.client.getMessages(chatId, { idFrom: 1 })
  keepPage(live.store, chatId, { idFrom: 1 }, page, log)
  return page.data[0]?.date ?? null
}

export async function readThreadPage(
  live: LiveAccount,
  request: ThreadPageRequest,
  log: Logger,
): Promise<MessagesPage> {
  const { chatId, idFrom, idTo } = request
  const { store, session } = live
  try {
    const stored = store.threadPages.readStored(chatId, { idFrom, idTo })
    if (stored) return stored
  } catch (error) {
    // The local copy could not be read: the server still can, so the thread still opens.
    log.warn(`thread ${chatId}: the stored pages could not be read; asking the server`, error)
  }
  try {
    const page = await session.client.getMessages(chatId, { idFrom, idTo })
    keepPage(store, chatId, { idFrom, idTo }, page, log)
    return page
  } catch (error) {
    // The server cannot be reached: a thread read before is still on this computer.
    const stored = isUnreachable(error) ? storedPage(store, chatId, { idFrom, idTo }, log) : null
    if (stored) return stored
    throw error
  }
}
