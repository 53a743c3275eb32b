/**
 * Query keys and hooks over the bridge (TanStack Query), and the helpers
 * that patch the cache optimistically. Push events patch the same cache
 * (see `events.ts`): the renderer never polls.
 */
import { type QueryClient, useQuery } from '@tanstack/react-query'
import type { Conversation, Message } from '../../../shared/api/schemas'
import type { ListConversationsArgs, SyncStatus } from '../../../shared/ipc/contract'
import { applyConversationChanges, patchConversation } from '../../../shared/domain/views'
import { call } from './client'

/** Arguments with empty values dropped and channel ids sorted, so equal
 * filters share one cache entry. */
export function normalizeListArgs(args: ListConversationsArgs): ListConversationsArgs {
  const out: ListConversationsArgs = {}
  if (args.archived) out.archived = args.archived
  if (args.channelIds && args.channelIds.length > 0) out.channelIds = [...args.channelIds].sort()
  if (args.dateFrom) out.dateFrom = args.dateFrom
  if (args.unreadOnly) out.unreadOnly = true
  if (args.orderBy) out.orderBy = args.orderBy
  return out
}

export const queryKeys = {
  appState: ['appState'] as const,
  conversationsRoot: ['conversations'] as const,
  conversations: (args: ListConversationsArgs) => ['conversations', normalizeListArgs(args)] as const,
  thread: (chatId: string) => ['thread', chatId] as const,
  outbox: ['outbox'] as const,
  drafts: ['drafts'] as const,
  users: ['users'] as const,
  syncStatus: ['syncStatus'] as const,
  updateStatus: ['updateStatus'] as const,
  backfillStatus: ['backfillStatus'] as const,
}

/** User Timing mark set each time a conversation list arrives over the bridge. */
export const LIST_DATA_MARK = 'inbox-desk:conversations-data'

/** How the API (and `applyConversationChanges`) orders a list without `orderBy`. */
export const ALL_CONVERSATIONS_ORDER = '-lastMessageDate'

/** Every conversation, archived included: the source of the view counts and,
 * without channel/date filters, of the list. */
export const ALL_CONVERSATIONS_ARGS: ListConversationsArgs = { archived: 'any' }

export function useAppState() {
  return useQuery({ queryKey: queryKeys.appState, queryFn: () => call('getAppState'), staleTime: Infinity })
}

export function useConversations(args: ListConversationsArgs, enabled = true) {
  const normalized = normalizeListArgs(args)
  return useQuery({
    queryKey: queryKeys.conversations(normalized),
    queryFn: async () => {
      const list = (await call('listConversations', normalized)) as readonly Conversation[]
      // When the data arrived (User Timing, for `npm run bench` and DevTools): the list's first paint is measured from here.
      performance.mark(LIST_DATA_MARK, { detail: { count: list.length } })
      return list
    },
    staleTime: Infinity,
    // Deep-comparing 10,000 conversations on every update costs more than it
    // saves: changes already come as new objects only where something changed.
    structuralSharing: false,
    enabled,
  })
}

export function useUsers() {
  // main already retries the users list (its 502s); here a failure shows a Retry button.
  return useQuery({ queryKey: queryKeys.users, queryFn: () => call('listUsers'), staleTime: 5 * 60_000, retry: false })
}

export function useOutbox() {
  return useQuery({ queryKey: queryKeys.outbox, queryFn: () => call('listOutbox'), staleTime: Infinity })
}

export function useDrafts() {
  return useQuery({ queryKey: queryKeys.drafts, queryFn: () => call('getDrafts'), staleTime: Infinity })
}

/** The last `syncStatus` event (null until main sends one). */
export function useSyncStatus(queryClient: QueryClient) {
  return useQuery({
    queryKey: queryKeys.syncStatus,
    queryFn: () => queryClient.getQueryData<SyncStatus | null>(queryKeys.syncStatus) ?? null,
    staleTime: Infinity,
  })
}

// ---- Thread ------------------------------------------------------------------

export interface ThreadData {
  /** Ascending by id, no duplicates. */
  messages: Message[]
  /** Whether older pages exist before `messages[0]`. */
  hasOlder: boolean
  /** Whether the thread goes on past the last loaded message: the pages around a search result are loaded,
   * not the newest ones (../thread/useJumpToMessage.ts). */
  hasNewer?: boolean
}

/** Merges messages by id (a newer copy replaces an older one), ascending. */
export function mergeMessages(existing: readonly Message[], incoming: readonly Message[]): Message[] {
  if (incoming.length === 0) return [...existing]
  const byId = new Map<number, Message>()
  for (const message of existing) byId.set(message.id, message)
  for (const message of incoming) byId.set(message.id, message)
  return [...byId.values()].sort((a, b) => a.id - b.id)
}

// ---- Optimistic conversation patches ----------------------------------------

/** Finds a conversation in any cached list. */
export function findConversation(queryClient: QueryClient, chatId: string): Conversation | undefined {
  for (const [, list] of queryClient.getQueriesData<readonly Conversation[]>({
    queryKey: queryKeys.conversationsRoot,
  })) {
    const found = list?.find((c) => c.id === chatId)
    if (found) return found
  }
  return undefined
}

/** Applies a changed conversation to every cached list, each with its own
 * filters (so an archived one leaves the inbox lists and enters the Archive). */
export function upsertConversationLocally(queryClient: QueryClient, conversation: Conversation): void {
  for (const [key] of queryClient.getQueriesData<readonly Conversation[]>({ queryKey: queryKeys.conversationsRoot })) {
    const args = (key[1] ?? {}) as ListConversationsArgs
    queryClient.setQueryData<readonly Conversation[]>(key, (list) =>
      list ? applyConversationChanges(list, { upserted: [conversation], full: false }, args) : list,
    )
  }
}

/** Changes one conversation in place in every list that has it (no re-filtering). */
export function patchConversationLocally(
  queryClient: QueryClient,
  chatId: string,
  patch: (conversation: Conversation) => Conversation,
): void {
  queryClient.setQueriesData<readonly Conversation[]>({ queryKey: queryKeys.conversationsRoot }, (list) =>
    list ? patchConversation(list, chatId, patch) : list,
  )
}
