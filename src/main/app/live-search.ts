/**
 * `searchInbox` for the connected account (issue 11 §5): the bridge's
 * arguments (already validated and bounded by the contract) become a store
 * search within the agent's view; the answer is the store's groups, with
 * snippets as segments, and whether more conversations matched than fit.
 * Answered from the local database only, so it works offline.
 */
import { coded } from '../../shared/i18n/error-texts'
import type { InvokeParsedArgs } from '../../shared/ipc/contract'
import type { SearchInboxResult } from '../../shared/ipc/search'
import { BridgeFailure } from '../ports/errors'
import { StoreError, type AccountStore } from '../store'

export function searchStoredInbox(
  store: Pick<AccountStore, 'search'>,
  args: InvokeParsedArgs<'searchInbox'>,
  meUserId: string | null,
): SearchInboxResult {
  // One more than asked: tells whether the answer was cut at the limit.
  const results = storeCall(() =>
    store.search({
      text: args.query,
      view: args.view,
      meUserId,
      channelIds: args.channelIds,
      limit: args.limit + 1,
      messagesPerConversation: args.messagesPerConversation,
    }),
  )
  return {
    words: results.words,
    groups: results.groups.slice(0, args.limit),
    more: results.groups.length > args.limit,
  }
}

/** The store's sentence (busy, damaged, unreadable file…) reaches the search pane; SQLite's detail the log. */
function storeCall<T>(fn: () => T): T {
  try {
    return fn()
  } catch (error) {
    if (error instanceof StoreError) {
      throw new BridgeFailure('internal', coded('search.failed', { reason: error.text }), { detail: error.detail })
    }
    throw error
  }
}
