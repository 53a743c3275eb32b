/** The search results as the keyboard walks them: one option per matching message, in the order shown. */
import type { SearchInboxResult } from '../../../shared/ipc/search'

export interface SearchOption {
  /** The element id (aria-activedescendant). */
  id: string
  chatId: string
  messageId: number
}

export const searchOptionId = (chatId: string, messageId: number): string =>
  `search-hit-${encodeURIComponent(chatId)}-${messageId}`

/** Groups with matching messages (a contact matched alone is in the conversation list above). */
export function messageGroups(result: SearchInboxResult): SearchInboxResult['groups'] {
  return result.groups.filter((group) => group.matches.length > 0)
}

export function searchOptions(result: SearchInboxResult | null): SearchOption[] {
  if (!result) return []
  return messageGroups(result).flatMap((group) =>
    group.matches.map((match) => ({
      id: searchOptionId(group.conversation.id, match.messageId),
      chatId: group.conversation.id,
      messageId: match.messageId,
    })),
  )
}

/** The option `delta` steps from `current` (clamped; from none, the first or the last). */
export function stepOption(options: readonly SearchOption[], current: string | null, delta: number): string | null {
  if (options.length === 0) return null
  const index = options.findIndex((option) => option.id === current)
  if (index < 0) return (delta >= 0 ? options[0] : options.at(-1))!.id
  return options[Math.min(options.length - 1, Math.max(0, index + delta))]!.id
}
