/**
 * Sending a reply: length check, the closed-window and stale-send confirmations, then an optimistic outbox
 * bubble and `sendReply`. If main refuses to queue it, the bubble goes and the text comes back into the box.
 */
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { REPLY_MAX_LENGTH } from '../../../shared/api/schemas'
import { isReplyTooLong, replyLength } from '../../../shared/domain/reply-length'
import type { OutboxEntry } from '../../../shared/ipc/contract'
import type { ReplyWindow } from '../../../shared/domain/views'
import { call, errorMessage } from '../bridge/client'
import { queryKeys } from '../bridge/queries'
import type { SendConfirmation } from './ConfirmSendModal'
import type { Message } from '../../../shared/api/schemas'

export interface SendChecks {
  window: boolean
  stale: boolean
}

function optimisticEntry(chatId: string, clientId: string, text: string): OutboxEntry {
  return {
    clientId,
    chatId,
    text,
    state: 'pending',
    createdAt: new Date().toISOString(),
    attempts: 0,
    messageId: null,
    baselineMessageId: null,
    error: null,
    notSaved: null,
  }
}

export function useSendReply({
  chatId,
  replyWindow,
  text,
  blocker,
  freshMessages,
  markAllSeen,
  setConfirm,
  setSendError,
  replaceText,
  saveDraft,
}: {
  chatId: string
  replyWindow: ReplyWindow
  text: string
  /** Why the reply must wait (a saved reply's field still empty), or null. */
  blocker: () => string | null
  freshMessages: () => Message[]
  markAllSeen: () => void
  setConfirm: (confirm: SendConfirmation | null) => void
  setSendError: (message: string | null) => void
  /** Puts text in the box with the caret at its end (as the agent's own edit). */
  replaceText: (text: string) => void
  saveDraft: (text: string) => void
}) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const send = async (checks: SendChecks) => {
    const reply = text.trim()
    // Before the empty check: with the fields panel open the box may be empty, and Enter must say why.
    const blocked = blocker()
    if (blocked) {
      setSendError(blocked)
      return
    }
    if (!reply) return
    if (isReplyTooLong(reply)) {
      setSendError(t('composer.tooLong', { length: replyLength(reply), max: REPLY_MAX_LENGTH }))
      return
    }
    if (checks.window && replyWindow.state === 'closed') {
      setConfirm({ reason: 'window' })
      return
    }
    if (checks.stale) {
      const fresh = freshMessages()
      if (fresh.length > 0) {
        setConfirm({ reason: 'stale', fresh })
        return
      }
    }
    setConfirm(null)
    const clientId = crypto.randomUUID()
    // The bubble appears at once; main's outboxChanged replaces the list.
    queryClient.setQueryData<OutboxEntry[]>(queryKeys.outbox, (entries) => [
      ...(entries ?? []),
      optimisticEntry(chatId, clientId, reply),
    ])
    replaceText('')
    saveDraft('')
    try {
      await call('sendReply', { chatId, clientId, text: reply })
    } catch (error) {
      queryClient.setQueryData<OutboxEntry[]>(queryKeys.outbox, (entries) =>
        (entries ?? []).filter((e) => e.clientId !== clientId),
      )
      // Lose nothing: the text comes back into the box.
      replaceText(reply)
      setSendError(t('composer.notQueued', { error: errorMessage(error) }))
    }
  }
  /** The agent confirmed: skip the check they were asked about (stale: they have now seen the new messages). */
  const sendAnyway = (reason: SendConfirmation['reason']) => {
    if (reason === 'stale') markAllSeen()
    return send(reason === 'stale' ? { window: true, stale: false } : { window: false, stale: true })
  }
  return { send, sendAnyway }
}
