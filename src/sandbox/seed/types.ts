import type { MessageStatus } from '../../shared/api/schemas'

/** One message of a seeded conversation; `at` is epoch ms. */
export interface SeedMessage {
  direction: 'inbound' | 'outbound'
  text: string
  at: number
  status: MessageStatus
  authorId: string | null
  error?: { code: string; message: string } | null
}

/** A conversation as a seed describes it, before the store gives it ids. */
export interface SeedConversation {
  channelId: string
  contact: { name: string; phoneNumber: string | null }
  archived: boolean
  assigneeId: string | null
  unreadCount: number
  messages: SeedMessage[]
}
