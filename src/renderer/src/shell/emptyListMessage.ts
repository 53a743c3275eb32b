import type { InboxView } from '../../../shared/domain/views'
import type { ListFilters } from '../list/ListToolbar'

/** What an empty list says: why it is empty (a search, no "who am I", filters, or the view itself). */
export function emptyListMessage({
  search,
  view,
  meUserId,
  filters,
}: {
  search: string
  view: InboxView
  meUserId: string | null
  filters: ListFilters
}): string {
  if (search.trim()) return `No conversation matches “${search.trim()}”.`
  if (view === 'mine' && !meUserId)
    return 'Tell Inbox Desk who you are (Settings → Who am I) to see the conversations assigned to you.'
  if (filters.channelIds.length > 0 || filters.dateFrom) return 'No conversation matches these filters.'
  return {
    mine: 'Nothing assigned to you. Enjoy the calm.',
    unassigned: 'Every conversation has someone on it.',
    all: 'No conversations yet.',
    unread: 'All caught up: nothing unread.',
    archive: 'The archive is empty.',
  }[view]
}
