/**
 * One conversation's messages: the newest page in one request
 * (`idTo = lastMessage.id`), older pages on demand, newer ones from
 * `messagesChanged` events (patched in `bridge/events.ts`) or, if the cache
 * fell behind the conversation's last message, fetched with `idFrom`.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import type { Conversation } from '../../../shared/api/schemas'
import { call, errorMessage } from '../bridge/client'
import { mergeMessages, queryKeys, type ThreadData } from '../bridge/queries'

export function useThread(conversation: Conversation) {
  const queryClient = useQueryClient()
  const chatId = conversation.id
  const lastId = conversation.lastMessage?.id ?? null
  const query = useQuery({
    queryKey: queryKeys.thread(chatId),
    queryFn: async (): Promise<ThreadData> => {
      if (lastId === null) {
        const page = await call('getMessages', { chatId })
        return { messages: page.data, hasOlder: false }
      }
      const page = await call('getMessages', { chatId, idTo: lastId })
      return { messages: page.data, hasOlder: page.hasMore }
    },
    staleTime: Infinity,
  })

  // Catch up when the conversation moved on while the thread was not watched.
  const catchingUp = useRef(false)
  const newestLoaded = query.data?.messages.at(-1)?.id ?? 0
  useEffect(() => {
    if (!query.data || query.data.hasNewer || lastId === null || newestLoaded >= lastId || catchingUp.current) return
    catchingUp.current = true
    call('getMessages', { chatId, idFrom: newestLoaded + 1 })
      .then((page) => {
        queryClient.setQueryData<ThreadData>(queryKeys.thread(chatId), (thread) =>
          thread ? { ...thread, messages: mergeMessages(thread.messages, page.data) } : thread,
        )
      })
      .catch((error: unknown) => {
        // The next event or re-open tries again; say so in the console for support.
        console.warn(`Could not fetch newer messages of ${chatId}: ${errorMessage(error)}`)
      })
      .finally(() => {
        catchingUp.current = false
      })
  }, [chatId, lastId, newestLoaded, query.data, queryClient])

  const [olderState, setOlderState] = useState<{ loading: boolean; error: string | null }>({
    loading: false,
    error: null,
  })
  const loadingOlder = useRef(false)
  const loadOlder = useCallback(async () => {
    const thread = queryClient.getQueryData<ThreadData>(queryKeys.thread(chatId))
    const oldest = thread?.messages[0]?.id
    if (!thread?.hasOlder || oldest === undefined || oldest <= 1 || loadingOlder.current) return
    loadingOlder.current = true
    setOlderState({ loading: true, error: null })
    try {
      const page = await call('getMessages', { chatId, idTo: oldest - 1 })
      queryClient.setQueryData<ThreadData>(queryKeys.thread(chatId), (current) =>
        current ? { messages: mergeMessages(page.data, current.messages), hasOlder: page.hasMore } : current,
      )
      setOlderState({ loading: false, error: null })
    } catch (error) {
      setOlderState({ loading: false, error: errorMessage(error) })
    } finally {
      loadingOlder.current = false
    }
  }, [chatId, queryClient])

  const { loadNewer, newerState } = useLoadNewer(chatId)
  return { query, loadOlder, olderState, loadNewer, newerState }
}

/** Around a search result (`hasNewer`), the next page after the last loaded message, as the agent scrolls down. */
function useLoadNewer(chatId: string) {
  const queryClient = useQueryClient()
  const [newerState, setNewerState] = useState<{ loading: boolean; error: string | null }>({
    loading: false,
    error: null,
  })
  const loadingNewer = useRef(false)
  const loadNewer = useCallback(async () => {
    const thread = queryClient.getQueryData<ThreadData>(queryKeys.thread(chatId))
    const newest = thread?.messages.at(-1)?.id
    if (!thread?.hasNewer || newest === undefined || loadingNewer.current) return
    loadingNewer.current = true
    setNewerState({ loading: true, error: null })
    try {
      const page = await call('getMessages', { chatId, idFrom: newest + 1 })
      queryClient.setQueryData<ThreadData>(queryKeys.thread(chatId), (current) =>
        current
          ? { ...current, messages: mergeMessages(current.messages, page.data), hasNewer: page.hasMore }
          : current,
      )
      setNewerState({ loading: false, error: null })
    } catch (error) {
      setNewerState({ loading: false, error: errorMessage(error) })
    } finally {
      loadingNewer.current = false
    }
  }, [chatId, queryClient])
  return { loadNewer, newerState }
}
