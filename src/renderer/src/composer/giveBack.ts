/**
 * "Discard" on a failed reply gives its text back to that conversation's reply box, so what the agent wrote is
 * never lost: they can edit it and send again, or clear it themselves. The open Composer listens; with no
 * Composer for that conversation, the text is kept as its draft.
 */
type Listener = (chatId: string, text: string) => boolean

const listeners = new Set<Listener>()

/** Hands `text` to the reply box of `chatId`; false when no box took it (the caller keeps it as a draft). */
export function giveBackReply(chatId: string, text: string): boolean {
  for (const listener of listeners) if (listener(chatId, text)) return true
  return false
}

/** A reply box takes texts given back for its conversation (the listener returns true when it took one). */
export function onReplyGivenBack(listener: Listener): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

/** The text the box shows once `given` comes back: after what is already typed, on a new line. */
export function withGivenBack(current: string, given: string): string {
  return current.trim() ? `${current.replace(/\s+$/, '')}\n${given}` : given
}
