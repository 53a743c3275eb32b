/**
 * The search box's full-text results (issue 11 §5): `searchInbox` over the
 * account's stored history, within the current view and channel filter, as
 * the agent types (./latestOnly.ts: no stale answer shown, at most one search
 * waiting). Results stay on screen while newer ones load, so the pane does
 * not flicker between keystrokes. New messages stored by the sync (`messagesChanged`, sent once they are in
 * the database) search the same text again, so the results stay current.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { InboxView } from '../../../shared/domain/views'
import type { SearchInboxResult } from '../../../shared/ipc/search'
import { call, subscribe } from '../bridge/client'
import { latestOnly } from './latestOnly'

/** User Timing marks (read by `npm run bench -- renderer`, seen in DevTools): a keystroke in the search box,
 * then the results for that text committed to the DOM. */
export const SEARCH_INPUT_MARK = 'inbox-desk:search-input'
export const SEARCH_COMMITTED_MARK = 'inbox-desk:search-committed'

/** Words as main's search sees them (src/main/store/fts-query.ts): letters, digits, combining marks. */
const WORD = /[\p{L}\p{N}\p{M}]/u
export const hasSearchWords = (text: string): boolean => WORD.test(text)

export interface SearchRequest {
  query: string
  view: InboxView
  channelIds: readonly string[]
}

export type InboxSearchState =
  | { status: 'idle' }
  | { status: 'noWords' }
  | { status: 'loading' }
  | { status: 'success'; result: SearchInboxResult; query: string; stale: boolean }
  | { status: 'error'; error: unknown }

interface Answer {
  key: string
  query: string
  result?: SearchInboxResult
  error?: unknown
}

export function useInboxSearch(request: SearchRequest): { state: InboxSearchState; retry: () => void } {
  const query = request.query.trim()
  const channelKey = [...request.channelIds].sort().join(',')
  const key = JSON.stringify([query, request.view, channelKey])
  const searchable = hasSearchWords(query)
  const [answer, setAnswer] = useState<Answer | null>(null)
  const [attempt, setAttempt] = useState(0)
  const [stored, setStored] = useState(0)
  const askedAt = useRef({ key: '', stored: 0 })
  useEffect(() => subscribe('messagesChanged', () => setStored((n) => n + 1)), [])

  const requests = useMemo(
    () =>
      latestOnly(
        (arg: { query: string; view: InboxView; channelIds: string[] }) => call('searchInbox', arg),
        (outcome) =>
          setAnswer({
            key: outcome.key,
            query: (JSON.parse(outcome.key) as string[])[0] ?? '',
            ...('answer' in outcome ? { result: outcome.answer } : { error: outcome.error }),
          }),
      ),
    [],
  )

  useEffect(() => {
    if (!searchable) {
      requests.reset()
      return
    }
    const again = stored !== askedAt.current.stored && askedAt.current.key === key
    askedAt.current = { key, stored }
    requests.ask({ query, view: request.view, channelIds: channelKey ? channelKey.split(',') : [] }, key, again)
  }, [requests, key, query, request.view, channelKey, searchable, attempt, stored])

  const retry = useCallback(() => {
    requests.reset()
    setAnswer(null)
    setAttempt((n) => n + 1)
  }, [requests])

  const state = useMemo((): InboxSearchState => {
    if (!query) return { status: 'idle' }
    if (!searchable) return { status: 'noWords' }
    if (answer?.key === key) {
      if (answer.error !== undefined) return { status: 'error', error: answer.error }
      return { status: 'success', result: answer.result!, query: answer.query, stale: false }
    }
    // Newer text is being searched: keep showing the last results (marked stale) rather than a spinner.
    if (answer?.result) return { status: 'success', result: answer.result, query: answer.query, stale: true }
    return { status: 'loading' }
  }, [query, searchable, answer, key])
  return { state, retry }
}
