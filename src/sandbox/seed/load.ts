import type { AccountState, SandboxStore } from '../store'
import type { SeedConversation } from './types'

/** Puts seeded conversations into an account, in order (ids follow that order). */
export function loadConversations(store: SandboxStore, state: AccountState, seeds: readonly SeedConversation[]): void {
  for (const seed of seeds) {
    const channel = state.channels.get(seed.channelId)
    if (!channel) throw new Error(`seed names unknown channel ${seed.channelId} for ${state.account.name}`)
    const firstAt = seed.messages[0]?.at
    const createdDate = firstAt === undefined ? store.now() : firstAt - 60_000
    const conversation = store.createConversation(state, channel, seed.contact, createdDate)
    for (const message of seed.messages) {
      store.appendMessage(conversation, {
        direction: message.direction,
        text: message.text,
        date: message.at,
        status: message.status,
        authorId: message.authorId,
        error: message.error ?? null,
      })
    }
    conversation.archived = seed.archived
    conversation.assigneeId = seed.assigneeId
    conversation.unreadCount = seed.unreadCount
    conversation.wireJson = undefined
  }
}
