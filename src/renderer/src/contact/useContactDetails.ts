/**
 * What the contact panel shows beyond the open conversation: the contact's other conversations (from the
 * inbox's own list of every conversation, no extra request) and the first message of this one (main answers from
 * the store when it holds the thread's start, else asks the API for the oldest page; once per conversation: it
 * never changes). It is asked only after the thread's own page has settled, so the thread never waits behind
 * it, and a thread whose page reached its start costs no request at all.
 */
import { useSyncExternalStore } from 'react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import type { Conversation } from '../../../shared/api/schemas'
import { otherConversationsOf } from '../../../shared/domain/contact'
import { call } from '../bridge/client'
import { ALL_CONVERSATIONS_ARGS, queryKeys, useConversations } from '../bridge/queries'

export const contactQueryKeys = {
  firstMessage: (chatId: string) => ['firstMessage', chatId] as const,
}

export function useContactDetails(conversation: Conversation, enabled: boolean) {
  const all = useConversations(ALL_CONVERSATIONS_ARGS)
  const threadSettled = useThreadSettled(conversation.id)
  const firstMessage = useQuery({
    queryKey: contactQueryKeys.firstMessage(conversation.id),
    queryFn: () => call('getFirstMessageDate', { chatId: conversation.id }),
    staleTime: Infinity,
    // main already retries a failed read; a failure here shows its error and a Retry button.
    retry: false,
    enabled: enabled && threadSettled,
  })
  const others = all.data ? otherConversationsOf(conversation, all.data) : null
  return { others, othersQuery: all, firstMessage }
}

/**
 * Whether the thread's own query (useThread's) has its page, or has failed once (it then retries; the panel
 * shows its own error). Read from the query cache, not through a second observer of that query: an observer
 * without the thread's queryFn would become the options a refetch (the thread's Retry) runs with.
 */
function useThreadSettled(chatId: string): boolean {
  const client = useQueryClient()
  return useSyncExternalStore(
    (onChange) => client.getQueryCache().subscribe(onChange),
    () => {
      const state = client.getQueryState(queryKeys.thread(chatId))
      return state !== undefined && (state.status !== 'pending' || state.fetchFailureCount > 0)
    },
  )
}
