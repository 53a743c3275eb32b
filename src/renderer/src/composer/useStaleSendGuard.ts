/**
 * The stale-send guard: inbound messages the agent has seen are those that were there when they started
 * typing this reply; any newer one is "fresh" and gets shown before the reply goes.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react'
import type { Message } from '../../../shared/api/schemas'

export function useStaleSendGuard(messages: readonly Message[], text: string) {
  const newestInboundId = useMemo(() => {
    for (let i = messages.length - 1; i >= 0; i -= 1) if (messages[i]!.direction === 'inbound') return messages[i]!.id
    return 0
  }, [messages])
  const seenInboundId = useRef(newestInboundId)
  useEffect(() => {
    if (!text.trim()) seenInboundId.current = newestInboundId
  }, [text, newestInboundId])

  /** Inbound messages that arrived since the agent started typing. */
  const freshMessages = useCallback(
    () => messages.filter((m) => m.direction === 'inbound' && m.id > seenInboundId.current),
    [messages],
  )
  /** The agent has read them (the confirm dialog showed them). */
  const markAllSeen = useCallback(() => {
    seenInboundId.current = newestInboundId
  }, [newestInboundId])
  return { freshMessages, markAllSeen }
}
