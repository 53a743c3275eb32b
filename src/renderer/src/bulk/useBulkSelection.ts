/**
 * The list's bulk selection (./selection.ts) for the view on screen: cleared when the view changes, narrowed to
 * the rows still listed (a row archived, filtered or searched away leaves it), and the gestures that change it.
 * "Select all in this view" asks main (bulkViewIds) for every id of the view with the list's filters and search.
 */
import { useCallback, useMemo, useState } from 'react'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import type { Conversation } from '../../../shared/api/schemas'
import type { InboxView } from '../../../shared/domain/views'
import { call, errorMessage } from '../bridge/client'
import type { ListFilters } from '../list/ListToolbar'
import { dayStartIso } from '../shell/useInboxList'
import { emptySelection, extend, prune, selectAll, selectRange, toggle, type Selection } from './selection'

/** How a row was clicked: Shift (a range) or Ctrl/Cmd (one row in or out); neither opens it. */
export interface RowGesture {
  range: boolean
  toggle: boolean
}

export function useBulkSelection({
  view,
  filters,
  search,
  visible,
  activeId,
  move,
}: {
  view: InboxView
  filters: ListFilters
  search: string
  visible: readonly Conversation[]
  activeId: string | null
  /** Moves the list's cursor (J/K): Shift+J/K move it as J/K do. */
  move: (delta: number) => void
}) {
  const { t } = useTranslation()
  const [state, setState] = useState<{ view: InboxView; selection: Selection }>({ view, selection: emptySelection })
  // Another view starts with nothing selected (state adjusted while rendering, not in an effect).
  if (state.view !== view) setState({ view, selection: emptySelection })
  const order = useMemo(() => visible.map((c) => c.id), [visible])
  const present = useMemo(() => new Set(order), [order])
  const raw = state.view === view ? state.selection : emptySelection
  const selection = useMemo(() => prune(raw, present), [raw, present])
  const selectedIds = useMemo(() => new Set(selection.ids), [selection])

  const update = useCallback(
    (change: (current: Selection) => Selection) =>
      setState((s) => ({ view: s.view, selection: change(prune(s.selection, present)) })),
    [present],
  )
  const onRowGesture = useCallback(
    (chatId: string, gesture: RowGesture) =>
      update((current) => (gesture.range ? selectRange(current, order, chatId) : toggle(current, chatId))),
    [update, order],
  )
  const toggleActive = useCallback(() => {
    if (activeId && present.has(activeId)) update((current) => toggle(current, activeId))
  }, [activeId, present, update])
  const extendBy = useCallback(
    (delta: 1 | -1) => {
      update(() => extend(selection, order, activeId, delta).selection)
      move(delta)
    },
    [selection, order, activeId, update, move],
  )
  const clear = useCallback(() => update(() => emptySelection), [update])
  const selectAllInView = useCallback(async () => {
    try {
      const { chatIds } = await call('bulkViewIds', {
        view,
        channelIds: filters.channelIds,
        dateFrom: dayStartIso(filters.dateFrom),
        search,
      })
      setState((s) => (s.view === view ? { view, selection: selectAll(chatIds) } : s))
    } catch (error) {
      notifications.show({ color: 'red', title: t('bulk.selectAllFailed'), message: errorMessage(error) })
    }
  }, [view, filters.channelIds, filters.dateFrom, search, t])

  return {
    selection,
    selectedIds,
    count: selection.ids.length,
    viewCount: order.length,
    onRowGesture,
    toggleActive,
    extend: extendBy,
    clear,
    selectAllInView,
  }
}

export type BulkSelection = ReturnType<typeof useBulkSelection>
