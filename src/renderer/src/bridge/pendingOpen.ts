/**
 * Conversations asked to open by main (a notification click) before the UI
 * could act on them. The subscription starts before React renders, so a
 * click during start-up is queued here, not lost; the inbox takes it once
 * its list is ready.
 */
import { useSyncExternalStore } from 'react'
import { hasBridge, subscribe } from './client'

let pendingChatId: string | null = null
const listeners = new Set<() => void>()

function setPending(chatId: string | null): void {
  pendingChatId = chatId
  for (const listener of listeners) listener()
}

export function startListeningForOpenRequests(): void {
  if (!hasBridge()) return
  subscribe('openConversation', ({ chatId }) => setPending(chatId))
}

/** The latest conversation main asked to open, until `takePendingOpen`. */
export function usePendingOpen(): string | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => pendingChatId,
  )
}

export function takePendingOpen(): void {
  setPending(null)
}
