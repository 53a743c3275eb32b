/**
 * Snooze one conversation, and wake one now: the bridge calls with their toasts ("Snoozed until Tomorrow, 09:00",
 * or why not: offline, a time that has passed, the server's refusal). The list follows from main's answer.
 */
import { useCallback } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { notifications } from '@mantine/notifications'
import type { SnoozeList } from '../../../shared/ipc/contract'
import { call, errorMessage } from '../bridge/client'
import { queryKeys } from '../bridge/queries'
import { useFormat } from '../i18n/format'
import { snoozesKey } from './useSnoozes'
import { whenLabel } from './whenLabel'

export function useSnooze() {
  const { t } = useTranslation()
  const format = useFormat()
  const queryClient = useQueryClient()
  const keep = useCallback((list: SnoozeList) => queryClient.setQueryData(snoozesKey, list), [queryClient])

  const snooze = useCallback(
    async (chatId: string, untilMs: number): Promise<boolean> => {
      try {
        keep(await call('snoozeConversation', { chatId, untilMs }))
        notifications.show({ message: t('snooze.snoozedUntil', { when: whenLabel(untilMs, Date.now(), t, format) }) })
        return true
      } catch (error) {
        notifications.show({ color: 'red', title: t('snooze.failed'), message: errorMessage(error) })
        void queryClient.invalidateQueries({ queryKey: queryKeys.conversationsRoot })
        return false
      }
    },
    [format, keep, queryClient, t],
  )

  const wakeNow = useCallback(
    async (chatId: string): Promise<void> => {
      try {
        keep(await call('wakeSnoozed', { chatId }))
      } catch (error) {
        notifications.show({ color: 'red', title: t('snooze.wakeFailed'), message: errorMessage(error) })
      }
    },
    [keep, t],
  )
  return { snooze, wakeNow }
}
