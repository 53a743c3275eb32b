/**
 * Reading a conversation's thread for the outbox: where it ends (before the
 * first attempt), and which messages are copies of a reply. Message ids grow
 * in creation order, so "created after the first attempt" is "above the
 * baseline", with no clock involved.
 */
import type { InboxApi } from '../ports/inbox-api'
import type { Logger } from '../ports/logger'
import type { StoredOutboxEntry } from './entry'

/** Hundreds of messages since the first attempt: our copy, made within seconds of it, would be among them. */
const MAX_PAGES = 20

/** The id of the newest message in the thread right now. Reads forward from
 * `hint` (the sync engine's last known id: one short request when it is
 * current; a stale hint only costs a page more), or from the start. */
export async function newestMessageId(api: InboxApi, chatId: string, hint: number | null | undefined): Promise<number> {
  let newest = Math.max(0, hint ?? 0)
  for (;;) {
    const page = await api.getMessages(chatId, { idFrom: newest + 1 })
    const last = page.data.at(-1)
    if (!last) return newest
    newest = last.id
    if (!page.hasMore) return newest
  }
}

/** Ids of outbound messages with the entry's text above its baseline that no other entry owns, ascending. */
export async function findCopies(
  api: InboxApi,
  entry: StoredOutboxEntry,
  ownedByOthers: ReadonlySet<number>,
  log: Logger,
): Promise<number[]> {
  const copies: number[] = []
  let idFrom = (entry.baselineMessageId ?? 0) + 1
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await api.getMessages(entry.chatId, { idFrom })
    for (const message of result.data) {
      const ours = message.direction === 'outbound' && message.content.text === entry.text
      if (ours && !ownedByOthers.has(message.id)) copies.push(message.id)
    }
    const last = result.data.at(-1)
    if (!result.hasMore || !last) return copies
    idFrom = last.id + 1
  }
  log.warn(`reply ${entry.clientId}: read ${MAX_PAGES} pages past the first attempt; looked no further`)
  return copies
}
