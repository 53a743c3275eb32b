/**
 * Push events from main, applied to the query cache. Mounted once, under the
 * QueryClientProvider.
 */
import { useEffect } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import type { Conversation } from '../../../shared/api/schemas'
import type { EventPayloads, ListConversationsArgs } from '../../../shared/ipc/contract'
import { applyConversationChanges } from '../../../shared/domain/views'
import { hasBridge, subscribe } from './client'
import { mergeMessages, queryKeys, type ThreadData } from './queries'

export function useBridgeEvents(): void {
  const queryClient = useQueryClient()
  useEffect(() => {
    if (!hasBridge()) return
    const unsubscribers = [
      subscribe('appStateChanged', (state) => queryClient.setQueryData(queryKeys.appState, state)),
      subscribe('conversationsChanged', (event) => {
        for (const [key] of queryClient.getQueriesData<readonly Conversation[]>({
          queryKey: queryKeys.conversationsRoot,
        })) {
          const args = (key[1] ?? {}) as ListConversationsArgs
          queryClient.setQueryData<readonly Conversation[]>(key, (list) =>
            list ? applyConversationChanges(list, event, args) : list,
          )
        }
      }),
      subscribe('messagesChanged', (event) => {
        queryClient.setQueryData<ThreadData>(queryKeys.thread(event.chatId), (thread) => {
          if (!thread) return thread
          // Around a search result, newer pages load on scroll: a new message now would leave a gap before it.
          const newest = thread.messages.at(-1)?.id ?? 0
          const messages = thread.hasNewer ? event.messages.filter((m) => m.id <= newest) : event.messages
          return { ...thread, messages: mergeMessages(thread.messages, messages) }
        })
      }),
      subscribe('syncStatus', (status) => {
        queryClient.setQueryData(queryKeys.syncStatus, status)
      }),
      subscribe('outboxChanged', (entries: EventPayloads['outboxChanged']) => {
        queryClient.setQueryData(queryKeys.outbox, entries)
      }),
      subscribe('updateStatus', (status) => queryClient.setQueryData(queryKeys.updateStatus, status)),
      subscribe('backfillStatus', (status) => queryClient.setQueryData(queryKeys.backfillStatus, status)),
    ]
    return () => {
      for (const unsubscribe of unsubscribers) unsubscribe()
    }
  }, [queryClient])
}
