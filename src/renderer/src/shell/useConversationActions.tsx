/**
 * What the agent does to a conversation: mark read, archive/unarchive (with
 * an undo toast), assign/unassign. Each applies at once in every cached list
 * and is rolled back, with a clear toast, if main refuses it.
 */
import { useCallback, useMemo } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { notifications } from '@mantine/notifications'
import type { Conversation, User } from '../../../shared/api/schemas'
import { contactLabel } from '../../../shared/domain/views'
import { call, errorMessage } from '../bridge/client'
import { findConversation, queryKeys, upsertConversationLocally } from '../bridge/queries'
import { useMarkRead } from './useMarkRead'

export function useConversationActions() {
  const { t } = useTranslation()
  const queryClient = useQueryClient()

  /** Applies a local change, runs the call, rolls back on failure. */
  const optimistic = useCallback(
    async (chatId: string, change: (c: Conversation) => Conversation, run: () => Promise<unknown>, failure: string) => {
      const before = findConversation(queryClient, chatId)
      if (before) upsertConversationLocally(queryClient, change(before))
      try {
        await run()
        return true
      } catch (error) {
        if (before) upsertConversationLocally(queryClient, before)
        notifications.show({ color: 'red', title: failure, message: errorMessage(error) })
        // The server's view is the truth: fetch it again.
        void queryClient.invalidateQueries({ queryKey: queryKeys.conversationsRoot })
        return false
      }
    },
    [queryClient],
  )

  const markRead = useMarkRead()

  const applyArchived = useCallback(
    (chatId: string, archived: boolean) =>
      optimistic(
        chatId,
        (c) => ({ ...c, archived }),
        () => call(archived ? 'archive' : 'unarchive', { chatId }),
        archived ? t('actions.archiveFailed') : t('actions.unarchiveFailed'),
      ),
    [optimistic, t],
  )

  const setArchived = useCallback(
    async (chatId: string, archived: boolean): Promise<void> => {
      const name = contactLabel(
        findConversation(queryClient, chatId)?.contact ?? { id: '', name: '' },
        t('contact.unknown'),
      )
      if (!(await applyArchived(chatId, archived))) return
      const id = `archive-${chatId}-${Date.now()}`
      notifications.show({
        id,
        title: archived ? t('actions.archived') : t('actions.unarchived'),
        message: (
          <UndoMessage
            text={name}
            undoLabel={t('actions.undo')}
            onUndo={() => {
              notifications.hide(id)
              void applyArchived(chatId, !archived)
            }}
          />
        ),
        autoClose: 6000,
      })
    },
    [applyArchived, queryClient, t],
  )

  const assign = useCallback(
    (chatId: string, user: Pick<User, 'id' | 'displayName'>) =>
      optimistic(
        chatId,
        (c) => ({ ...c, assignee: { id: user.id, displayName: user.displayName } }),
        () => call('assign', { chatId, userId: user.id }),
        t('actions.assignFailed'),
      ),
    [optimistic, t],
  )

  const unassign = useCallback(
    (chatId: string) =>
      optimistic(
        chatId,
        (c) => ({ ...c, assignee: null }),
        () => call('unassign', { chatId }),
        t('actions.unassignFailed'),
      ),
    [optimistic, t],
  )

  return useMemo(() => ({ markRead, setArchived, assign, unassign }), [markRead, setArchived, assign, unassign])
}

function UndoMessage({ text, undoLabel, onUndo }: { text: string; undoLabel: string; onUndo: () => void }) {
  return (
    <span style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8 }}>
      <span>{text}</span>
      <button type="button" onClick={onUndo} className="undo-button">
        {undoLabel}
      </button>
    </span>
  )
}
