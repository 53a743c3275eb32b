/**
 * The SQL form of the inbox views (src/shared/domain/views.ts `isInView`), so
 * that listing, counting and search filter the same way. Column names are the
 * `conversations` table's, under the alias `c`.
 */
import type { InboxView } from '../../shared/domain/views'

export interface ViewFilter {
  view: InboxView
  /** Who "Mine" means; with null, Mine is empty (as in `isInView`). */
  meUserId: string | null
  /** Only these channels (empty or absent: all). */
  channelIds?: readonly string[]
}

const viewConditions: Record<InboxView, string> = {
  archive: 'c.archived = 1',
  all: 'c.archived = 0',
  mine: 'c.archived = 0 AND c.assignee_id = @meUserId',
  unassigned: 'c.archived = 0 AND c.assignee_id IS NULL',
  unread: 'c.archived = 0 AND c.unread_count > 0',
}

/** A WHERE fragment and the named parameters it needs. */
export interface ViewWhere {
  sql: string
  params: Record<string, unknown>
}

export function viewWhere(filter: ViewFilter): ViewWhere {
  const params: Record<string, unknown> = {}
  const nobody = filter.view === 'mine' && filter.meUserId === null
  const parts = [nobody ? '0' : viewConditions[filter.view]]
  if (filter.view === 'mine' && !nobody) params.meUserId = filter.meUserId
  if (filter.channelIds && filter.channelIds.length > 0) {
    // One statement whatever the number of channels: the list goes in as JSON.
    parts.push('c.channel_id IN (SELECT value FROM json_each(@channelIds))')
    params.channelIds = JSON.stringify(filter.channelIds)
  }
  return { sql: parts.join(' AND '), params }
}

/** A key for caching the statement a filter needs (its SQL differs by these only). */
export function viewKey(filter: ViewFilter): string {
  const channels = filter.channelIds && filter.channelIds.length > 0 ? 'ch' : ''
  const me = filter.view === 'mine' && filter.meUserId === null ? 'nobody' : ''
  return `${filter.view}:${channels}:${me}`
}
