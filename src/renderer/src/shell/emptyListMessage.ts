import type { TFunction } from 'i18next'
import type { InboxView } from '../../../shared/domain/views'
import type { ListFilters } from '../list/ListToolbar'

/** What an empty list says: why it is empty (a search, no "who am I", filters, or the view itself). */
export function emptyListMessage(
  t: TFunction,
  {
    search,
    view,
    meUserId,
    filters,
  }: { search: string; view: InboxView; meUserId: string | null; filters: ListFilters },
): string {
  if (search.trim()) return t('empty.search', { search: search.trim() })
  if (view === 'mine' && !meUserId) return t('empty.whoAmI')
  if (filters.channelIds.length > 0 || filters.dateFrom) return t('empty.filters')
  return t(`empty.${view}`)
}
