/**
 * The snoozed conversations of the connected account: asked once (`listSnoozes`), then kept by main's
 * `snoozesChanged` events (this hook subscribes itself, so the snooze folder stays self-contained).
 */
import { useEffect } from 'react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import type { SnoozeList } from '../../../shared/ipc/contract'
import { call, hasBridge, subscribe } from '../bridge/client'

export const snoozesKey = ['snoozes'] as const

export function useSnoozes() {
  const queryClient = useQueryClient()
  useEffect(() => {
    if (!hasBridge()) return
    return subscribe('snoozesChanged', (list) => queryClient.setQueryData<SnoozeList>(snoozesKey, list))
  }, [queryClient])
  return useQuery({ queryKey: snoozesKey, queryFn: () => call('listSnoozes'), staleTime: Infinity })
}

/** When an open conversation wakes, if it is snoozed. */
export function useSnoozedUntil(chatId: string | null): number | null {
  const snoozes = useSnoozes()
  const found = snoozes.data?.snoozes.find((s) => s.chatId === chatId)
  return found ? Date.parse(found.until) : null
}
