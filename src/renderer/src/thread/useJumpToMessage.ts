/**
 * A search result opens its thread at that message: when the message is not among the loaded pages, the
 * pages around it (the 100 messages up to it and the 100 after it) join or replace them (./jump.ts), and the
 * thread then loads newer pages as the agent scrolls down (`hasNewer`), older ones as before.
 */
import { useEffect, useRef, useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { call, errorMessage } from '../bridge/client'
import { queryKeys, type ThreadData } from '../bridge/queries'
import { placeAround } from './jump'

export interface JumpTarget {
  messageId: number
  nonce: number
}

export function useJumpToMessage(chatId: string, target: JumpTarget | null, data: ThreadData | undefined) {
  const queryClient = useQueryClient()
  const [state, setState] = useState<{ nonce: number; loading: boolean; error: string | null } | null>(null)
  const attempted = useRef<number | null>(null)
  const [retries, setRetries] = useState(0)
  const loaded = Boolean(target && data?.messages.some((message) => message.id === target.messageId))

  useEffect(() => {
    if (!target || !data || loaded || attempted.current === target.nonce) return
    attempted.current = target.nonce
    const { messageId, nonce } = target
    setState({ nonce, loading: true, error: null })
    Promise.all([
      call('getMessages', { chatId, idTo: messageId }),
      call('getMessages', { chatId, idFrom: messageId + 1 }),
    ])
      .then(([upTo, after]) => {
        queryClient.setQueryData<ThreadData>(queryKeys.thread(chatId), (current) => placeAround(current, upTo, after))
        setState({ nonce, loading: false, error: null })
      })
      .catch((error: unknown) => setState({ nonce, loading: false, error: errorMessage(error) }))
  }, [chatId, target, data, loaded, queryClient, retries])

  const current = state && target && state.nonce === target.nonce ? state : null
  return {
    jumping: current?.loading ?? false,
    jumpError: current?.error ?? null,
    retryJump: () => {
      attempted.current = null
      setState(null)
      setRetries((n) => n + 1)
    },
  }
}
