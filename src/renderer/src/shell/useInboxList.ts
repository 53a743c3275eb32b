/**
 * What the list shows for a view, filters and search: every conversation (for the counts and the unfiltered
 * list), the server-filtered list when a channel or date filter is set, sorted and narrowed to the view.
 */
import { useMemo } from 'react'
import type { Channel } from '../../../shared/api/schemas'
import {
  compareConversations,
  countViews,
  isInView,
  matchesSearch,
  type InboxView,
  viewListArgs,
} from '../../../shared/domain/views'
import { ALL_CONVERSATIONS_ARGS, ALL_CONVERSATIONS_ORDER, useConversations } from '../bridge/queries'
import { type ListFilters, sortOrderBy } from '../list/ListToolbar'

/** `YYYY-MM-DD` (a local day) → the ISO instant of its start. */
export function dayStartIso(day: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!match) return undefined
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).toISOString()
}

export function useInboxList({
  view,
  filters,
  search,
  openId,
  meUserId,
}: {
  view: InboxView
  filters: ListFilters
  search: string
  openId: string | null
  meUserId: string | null
}) {
  // Every conversation (archived included): the counts come from it, and so
  // does the list itself unless a channel or date filter is set; those go to
  // the API, which filters large lists better than we do.
  const all = useConversations(ALL_CONVERSATIONS_ARGS)
  const orderBy = sortOrderBy[filters.sort]
  const serverFiltered = filters.channelIds.length > 0 || Boolean(filters.dateFrom)
  const listArgs = {
    ...viewListArgs(view),
    channelIds: filters.channelIds,
    dateFrom: dayStartIso(filters.dateFrom),
    orderBy,
  }
  const filtered = useConversations(listArgs, serverFiltered)
  const list = serverFiltered ? filtered : all
  const ordered = useMemo(() => {
    const data = list.data ?? []
    // The all-list comes newest first already.
    if (serverFiltered || orderBy === ALL_CONVERSATIONS_ORDER) return data
    return [...data].sort(compareConversations(orderBy))
  }, [list.data, serverFiltered, orderBy])

  const counts = useMemo(() => countViews(all.data ?? [], meUserId), [all.data, meUserId])
  const channels = useMemo(() => {
    const byId = new Map<string, Channel>()
    for (const conversation of all.data ?? []) byId.set(conversation.channel.id, conversation.channel)
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name))
  }, [all.data])
  const visible = useMemo(
    () =>
      ordered.filter(
        // The open conversation stays put while it is read (Unread view) or reassigned, so it does not
        // vanish under the agent; archiving it does move it out.
        (c) =>
          ((c.id === openId && c.archived === (view === 'archive')) || isInView(c, view, meUserId)) &&
          matchesSearch(c, search),
      ),
    [ordered, view, meUserId, search, openId],
  )
  const openConversation = useMemo(
    () =>
      openId
        ? (visible.find((c) => c.id === openId) ??
          all.data?.find((c) => c.id === openId) ??
          list.data?.find((c) => c.id === openId) ??
          null)
        : null,
    [openId, visible, all.data, list.data],
  )
  return { all, list, counts, channels, visible, openConversation }
}
