/**
 * The simulated delivery of outbound replies: queued → sent → delivered →
 * read, one step every `deliveryMs` of real time; or queued → failed
 * (reply_window_closed) after one step when the WhatsApp window was closed
 * at acceptance. Every step is a change of the conversation (updatedDate).
 */
import type { MessageStatus } from '../shared/api/schemas'
import type { SandboxStore, StoredConversation, StoredMessage } from './store'

const NEXT_STATUS: Partial<Record<MessageStatus, MessageStatus>> = {
  queued: 'sent',
  sent: 'delivered',
  delivered: 'read',
}

export const REPLY_WINDOW_MS = 24 * 60 * 60 * 1000

export class DeliverySimulator {
  private readonly timers = new Set<NodeJS.Timeout>()

  constructor(
    private readonly store: SandboxStore,
    private readonly deliveryMs: number,
  ) {}

  /** Starts the progression of a just-queued reply. */
  track(conversation: StoredConversation, message: StoredMessage, windowClosed: boolean): void {
    this.after(() => {
      if (windowClosed) {
        message.status = 'failed'
        message.error = {
          code: 'reply_window_closed',
          message: 'The WhatsApp 24-hour reply window was closed when this reply was accepted.',
        }
        this.store.touch(conversation)
        return
      }
      this.advance(conversation, message)
    })
  }

  private advance(conversation: StoredConversation, message: StoredMessage): void {
    const next = NEXT_STATUS[message.status]
    if (!next) return
    message.status = next
    this.store.touch(conversation)
    if (NEXT_STATUS[next]) this.after(() => this.advance(conversation, message))
  }

  private after(step: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      step()
    }, this.deliveryMs)
    // Pending deliveries alone must not keep a process (a test runner, the CLI after close) alive.
    timer.unref()
    this.timers.add(timer)
  }

  /** Cancels every pending step (reset and close). */
  stop(): void {
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
  }
}
