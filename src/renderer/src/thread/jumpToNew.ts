/**
 * The "jump to new messages" key (N) reaches the open thread's list: the list registers while it shows a
 * conversation and answers whether it had a divider to go to.
 */
type Listener = (chatId: string) => boolean

const listeners = new Set<Listener>()

/** Scrolls the thread of `chatId` to its "New messages" divider; false when there is none. */
export function jumpToNewMessages(chatId: string): boolean {
  for (const listener of listeners) if (listener(chatId)) return true
  return false
}

export function onJumpToNewMessages(listener: Listener): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}
