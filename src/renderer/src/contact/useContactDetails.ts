/**
 * What the contact panel shows beyond the open conversation: the contact's other conversations (from the
 * inbox's own list of every conversation, no extra request) and the first message of this one (main answers from
 * the store when it holds the thread's start, else asks the API for the oldest page; once per conversation: it
 * never changes). It is asked only after the thread's own page has settled, so the thread never waits behind
 * it, and a thread whose page reached its start costs no request at all.
 */
import { skipToken, useQuery } from '@tanstack/react-query'
import type { Conversation } from '../../../shared/api/schemas'
import { otherConversationsOf } from '../../../shared/domain/contact'
import { call } from '../bridge/client'
import { ALL_CONVERSATIONS_ARGS, queryKeys, type ThreadData, useConversations } from '../bridge/queries'

export const contactQueryKeys = {
  firstMessage: (chatId: string) => ['firstMessage', chatId] as const,
}

export function useContactDetails(conversation: Conversation, enabled: boolean) {
  const all = useConversations(ALL_CONVERSATIONS_ARGS)
  // Watches the thread's query (useThread fetches it) without fetching it again.
  const thread = useQuery<ThreadData>({ queryKey: queryKeys.thread(conversation.id), queryFn: skipToken })
  const firstMessage = useQuery({
    queryKey: contactQueryKeys.firstMessage(conversation.id),
    queryFn: () => call('getFirstMessageDate', { chatId: conversation.id }),
    staleTime: Infinity,
    // main already retries a failed read; a failure here shows its error and a Retry button.
    retry: false,
    // After the thread's page, or its first failure (the thread then retries; the panel shows its own error).
    enabled: enabled && (thread.status !== 'pending' || thread.failureCount > 0),
  })
  const others = all.data ? otherConversationsOf(conversation, all.data) : null
  return { others, othersQuery: all, firstMessage }
}
