/**
 * The open thread's "New messages" divider, from what was unread when the conversation was opened (taken by
 * the shell's `open`, before opening marks it read) and the messages loaded.
 */
import { useMemo } from 'react'
import type { Message } from '../../../shared/api/schemas'
import { firstUnreadMessageId, type UnreadAtOpen } from './unread'

export function useNewMessagesDivider(
  chatId: string,
  unreadAtOpen: UnreadAtOpen | null,
  messages: readonly Message[],
): number | null {
  return useMemo(
    () => (unreadAtOpen?.chatId === chatId ? firstUnreadMessageId(messages, unreadAtOpen) : null),
    [chatId, unreadAtOpen, messages],
  )
}
