/**
 * The numeric seed (`{"conversations":N,"messagesPerConversation":M}`) for
 * benchmarks: N active conversations of M messages per account, cheap to
 * build (10,000 × 3 per account well under a second).
 */
import type { SandboxStore } from '../store'
import { seededRandom } from './random'

const BULK_TEXTS_IN = [
  'Hi, where is my order?',
  'Can I change my delivery address?',
  'Thanks! 👍',
  'Is this still in stock?',
]
const BULK_TEXTS_OUT = ['Let me check that for you.', 'Done — anything else?', 'Your parcel is on its way.']

export function loadBulk(store: SandboxStore, conversations: number, messagesPerConversation: number): void {
  const now = store.now()
  const random = seededRandom(42)
  for (const state of store.accounts) {
    const channels = [...state.channels.values()]
    const users = [...state.users.keys()]
    for (let i = 0; i < conversations; i++) {
      const channel = channels[i % channels.length]!
      // Spread activity over the last 30 days; a conversation's messages are a minute apart.
      const lastAt = now - Math.floor(random() * 30 * 24 * 60) * 60_000 - messagesPerConversation * 60_000
      const phone = `+1555${String(i).padStart(7, '0')}`
      const conversation = store.createConversation(
        state,
        channel,
        { name: i % 17 === 0 ? '' : `Customer ${i + 1}`, phoneNumber: phone },
        lastAt - 60_000,
      )
      for (let m = 0; m < messagesPerConversation; m++) {
        const inbound = m % 2 === 0
        store.appendMessage(conversation, {
          direction: inbound ? 'inbound' : 'outbound',
          text: inbound
            ? BULK_TEXTS_IN[(i + m) % BULK_TEXTS_IN.length]!
            : BULK_TEXTS_OUT[(i + m) % BULK_TEXTS_OUT.length]!,
          date: lastAt + m * 60_000,
          status: inbound ? 'received' : 'read',
          authorId: inbound ? null : users[i % users.length]!,
        })
      }
      const last = conversation.messages[conversation.messages.length - 1]
      conversation.unreadCount = last?.direction === 'inbound' && i % 3 === 0 ? 1 : 0
      conversation.assigneeId = i % 4 === 0 ? users[i % users.length]! : null
      conversation.wireJson = undefined
    }
  }
}
