/**
 * What follows from a conversation being open: main is told which one the agent is looking at (so it stays
 * quiet about it), and a message arriving in it is marked read, at once with focus or when the agent comes back.
 */
import { useEffect } from 'react'
import { call } from '../bridge/client'

function reportFocused(chatId: string | null): void {
  call('setFocusedConversation', { chatId }).catch((error: unknown) =>
    console.warn('setFocusedConversation failed', error),
  )
}

export function useOpenConversationEffects(
  openId: string | null,
  openUnread: number,
  markRead: (chatId: string, options: { automatic: boolean }) => void,
): void {
  useEffect(() => reportFocused(openId), [openId])
  useEffect(() => () => reportFocused(null), [])

  useEffect(() => {
    if (!openId || openUnread === 0) return
    if (document.hasFocus()) {
      markRead(openId, { automatic: true })
      return
    }
    // Arrived while the agent was elsewhere: read once they come back to the window.
    const onFocus = () => markRead(openId, { automatic: true })
    window.addEventListener('focus', onFocus, { once: true })
    return () => window.removeEventListener('focus', onFocus)
  }, [openId, openUnread, markRead])
}
