/** Mark a conversation read: at once in every cached list, rolled back with a toast if main refuses. */
import { useCallback, useRef } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { call, errorMessage } from '../bridge/client'
import { findConversation, patchConversationLocally } from '../bridge/queries'

export function useMarkRead() {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  /**
   * Conversations whose last mark-read failed, with the unread count it failed
   * at. Automatic marking (the open conversation gets unread again, as it does
   * when the failure is rolled back) skips them until that count changes;
   * otherwise a refused read loops, one request and one toast per turn.
   */
  const failedReads = useRef(new Map<string, number>())

  const markRead = useCallback(
    (chatId: string, { automatic = false }: { automatic?: boolean } = {}) => {
      // In place, not re-filtered: the conversation stays in the Unread view
      // while the agent reads it, instead of vanishing under the cursor.
      const before = findConversation(queryClient, chatId)
      if (!before || before.unreadCount === 0) return
      if (automatic && failedReads.current.get(chatId) === before.unreadCount) return
      patchConversationLocally(queryClient, chatId, (c) => ({ ...c, unreadCount: 0 }))
      call('markRead', { chatId }).then(
        () => failedReads.current.delete(chatId),
        (error: unknown) => {
          failedReads.current.set(chatId, before.unreadCount)
          patchConversationLocally(queryClient, chatId, (c) => ({ ...c, unreadCount: before.unreadCount }))
          notifications.show({ color: 'red', title: t('actions.markReadFailed'), message: errorMessage(error) })
        },
      )
    },
    [queryClient, t],
  )
  return markRead
}
