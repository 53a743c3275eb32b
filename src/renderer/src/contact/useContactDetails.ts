/**
 * What the contact panel shows beyond the open conversation: the contact's other conversations (from the
 * inbox's own list of every conversation, no extra request) and the first message of this one (the thread's
 * first page, `idFrom: 1`, asked once per conversation: it never changes).
 */
import { useQuery } from '@tanstack/react-query'
import type { Conversation } from '../../../shared/api/schemas'
import { otherConversationsOf } from '../../../shared/domain/contact'
import { call } from '../bridge/client'
import { ALL_CONVERSATIONS_ARGS, useConversations } from '../bridge/queries'

export const contactQueryKeys = {
  firstMessage: (chatId: string) => ['firstMessage', chatId] as const,
}

export function useContactDetails(conversation: Conversation, enabled: boolean) {
  const all = useConversations(ALL_CONVERSATIONS_ARGS)
  const firstMessage = useQuery({
    queryKey: contactQueryKeys.firstMessage(conversation.id),
    queryFn: async () => {
      const page = await call('getMessages', { chatId: conversation.id, idFrom: 1 })
      return page.data[0]?.date ?? null
    },
    staleTime: Infinity,
    // main already retries a failed read; a failure here shows its error and a Retry button.
    retry: false,
    enabled,
  })
  const others = all.data ? otherConversationsOf(conversation, all.data) : null
  return { others, othersQuery: all, firstMessage }
}
