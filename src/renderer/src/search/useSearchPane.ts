/**
 * The search box's results pane as the keyboard drives it: the search itself (./useInboxSearch.ts), the
 * active result (ArrowDown/ArrowUp/Home/End from the box, Enter opens it), and what the box needs to say so
 * (aria-controls, aria-activedescendant) to assistive technology.
 */
import { type KeyboardEvent, useCallback, useMemo, useState } from 'react'
import type { InboxView } from '../../../shared/domain/views'
import { useQueryClient } from '@tanstack/react-query'
import { useSyncStatus } from '../bridge/queries'
import { SEARCH_RESULTS_ID } from './SearchResults'
import { searchOptionId, searchOptions, stepOption } from './searchOptions'
import { useInboxSearch } from './useInboxSearch'

export function useSearchPane({
  query,
  view,
  channelIds,
  opened,
  onChoose,
}: {
  query: string
  view: InboxView
  channelIds: readonly string[]
  /** The result the open thread shows, if one was chosen. */
  opened: { chatId: string; messageId: number } | null
  onChoose: (chatId: string, messageId: number) => void
}) {
  const { state, retry } = useInboxSearch({ query, view, channelIds })
  const queryClient = useQueryClient()
  const offline = useSyncStatus(queryClient).data?.state === 'offline'
  const result = state.status === 'success' ? state.result : null
  const options = useMemo(() => searchOptions(result), [result])
  const [chosenId, setActive] = useState<string | null>(null)
  // A result that left the list is no longer active.
  const activeOptionId = options.some((option) => option.id === chosenId) ? chosenId : null

  const onSearchKeyDown = useCallback(
    (event: KeyboardEvent<HTMLInputElement>) => {
      const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, Home: -Infinity, End: Infinity }
      const delta = steps[event.key]
      if (delta !== undefined && options.length > 0) {
        // Home/End move in the text unless a result is active.
        if ((event.key === 'Home' || event.key === 'End') && activeOptionId === null) return
        event.preventDefault()
        setActive(stepOption(options, activeOptionId, delta))
      } else if (event.key === 'Enter' && activeOptionId) {
        event.preventDefault()
        const option = options.find((o) => o.id === activeOptionId)!
        onChoose(option.chatId, option.messageId)
      }
    },
    [options, activeOptionId, onChoose],
  )
  const searching = state.status !== 'idle'
  // Still a textbox (its role is what people and the specs find it by), which drives the results listbox.
  const searchBoxProps = searching
    ? {
        'aria-controls': SEARCH_RESULTS_ID,
        'aria-autocomplete': 'list' as const,
        'aria-activedescendant': activeOptionId ?? undefined,
      }
    : {}
  return {
    searching,
    results: {
      state,
      view,
      offline,
      activeOptionId,
      openOptionId: opened ? searchOptionId(opened.chatId, opened.messageId) : null,
      onChoose,
      onRetry: retry,
    },
    onSearchKeyDown,
    searchBoxProps,
  }
}
