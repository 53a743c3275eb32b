/**
 * The bridge's `searchInbox` (issue 11 §5): what the renderer may ask and what
 * main answers from the account's local store (src/main/store/search.ts).
 * Snippets are segments, never markup: the renderer shows `text` and marks
 * the `highlight` ones, without parsing anything from message text.
 */
import { z } from 'zod'
import type { Conversation } from '../api/schemas'
import { API_LIMITS } from '../api/schemas'

/** What the search box sends at most (UTF-16 units): a person types far less; main searches its first 12 words. */
export const SEARCH_QUERY_MAX_LENGTH = 500
/** Conversations in one answer, at most (the default is what the list pane shows). */
export const SEARCH_LIMIT_MAX = 100
export const SEARCH_LIMIT_DEFAULT = 30
/** Matching messages shown per conversation, at most. */
export const SEARCH_MESSAGES_PER_CONVERSATION_MAX = 10

/** The views (src/shared/domain/views.ts `inboxViews`, which imports the contract: spelled out here so the two
 * do not import each other; a test checks they are the same). */
export const searchViews = ['mine', 'unassigned', 'all', 'unread', 'archive'] as const

const searchChannelIdSchema = z
  .string()
  .min(1)
  .max(API_LIMITS.idLength)
  .refine((id) => id !== '.' && id !== '..', 'must not be . or ..')

export const searchInboxArgsSchema = z
  .object({
    /** What the agent typed. Quotes, `*`, NEAR, parentheses… are plain characters here, never FTS syntax. */
    query: z.string().max(SEARCH_QUERY_MAX_LENGTH),
    /** The view the list shows: results are limited to it (Mine needs the agent's "who am I"). */
    view: z.enum(searchViews),
    /** Only these channels (empty: all), as the list's channel filter. */
    channelIds: z.array(searchChannelIdSchema).max(50).default([]),
    limit: z.number().int().min(1).max(SEARCH_LIMIT_MAX).default(SEARCH_LIMIT_DEFAULT),
    messagesPerConversation: z.number().int().min(1).max(SEARCH_MESSAGES_PER_CONVERSATION_MAX).default(3),
  })
  .strict()
export type SearchInboxArgs = z.input<typeof searchInboxArgsSchema>

export interface SearchSnippetSegment {
  text: string
  /** One of the searched words (or the start of one). */
  highlight: boolean
}

export interface SearchMessageHit {
  messageId: number
  /** ISO date of the message. */
  date: string
  snippet: SearchSnippetSegment[]
}

export interface SearchResultGroup {
  conversation: Conversation
  /** The contact's name or number matched (these groups come first). */
  contactMatch: boolean
  /** Newest stored matches first. */
  matches: SearchMessageHit[]
}

export interface SearchInboxResult {
  /** The words searched for, as main understood the query (FTS syntax removed); empty: nothing to search. */
  words: string[]
  groups: SearchResultGroup[]
  /** True when there may be more conversations than `limit`. */
  more: boolean
}
