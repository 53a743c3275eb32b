/**
 * The messages found by the search box, grouped by conversation, the searched words marked in each snippet
 * (segments from main, never markup). A listbox the search box drives (aria-activedescendant): arrows move,
 * Enter opens the thread at that message. Loading, no words, no match, error (with Retry) and offline states.
 */
import { useLayoutEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core'
import { IconCloudOff } from '@tabler/icons-react'
import type { InboxView } from '../../../shared/domain/views'
import { contactLabel } from '../../../shared/domain/views'
import type { SearchInboxResult, SearchSnippetSegment } from '../../../shared/ipc/search'
import { errorMessage } from '../bridge/client'
import { useFormat } from '../i18n/format'
import { ChannelIcon } from '../shell/ui'
import classes from './SearchResults.module.css'
import { messageGroups, searchOptionId } from './searchOptions'
import { SEARCH_COMMITTED_MARK, type InboxSearchState } from './useInboxSearch'

export const SEARCH_RESULTS_ID = 'search-results'

export interface SearchResultsProps {
  state: InboxSearchState
  view: InboxView
  offline: boolean
  activeOptionId: string | null
  /** The result whose message the open thread shows. */
  openOptionId: string | null
  onChoose: (chatId: string, messageId: number) => void
  onRetry: () => void
}

export function SearchResults({ state, view, offline, ...rest }: SearchResultsProps) {
  const { t } = useTranslation()
  if (state.status === 'idle') return null
  return (
    <section className={classes.pane} aria-label={t('search.label')} aria-busy={isBusy(state)}>
      <Group gap="xs" className={classes.heading} wrap="nowrap">
        <Text size="xs" fw={600} tt="uppercase" c="dimmed">
          {t('search.messages')}
        </Text>
        {isBusy(state) && <Loader size={12} aria-hidden />}
      </Group>
      {offline && (
        <Group gap={6} px="sm" pb={4} wrap="nowrap" role="note">
          <IconCloudOff size={14} aria-hidden color="var(--mantine-color-dimmed)" />
          <Text size="xs" c="dimmed">
            {t('search.offline')}
          </Text>
        </Group>
      )}
      <SearchBody state={state} view={view} {...rest} />
    </section>
  )
}

const isBusy = (state: InboxSearchState) => state.status === 'loading' || (state.status === 'success' && state.stale)

function SearchBody({
  state,
  view,
  activeOptionId,
  openOptionId,
  onChoose,
  onRetry,
}: Omit<SearchResultsProps, 'offline'>) {
  const { t } = useTranslation()
  if (state.status === 'noWords') return <Hint text={t('search.noWords')} />
  if (state.status === 'loading') return <Hint text={t('search.loading')} role="status" />
  if (state.status === 'error') {
    return (
      <Stack p="sm" gap="xs">
        <Alert role="alert" color="red" title={t('search.error')} py="xs">
          <Text size="sm">{errorMessage(state.error)}</Text>
        </Alert>
        <Button variant="default" size="xs" w="fit-content" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      </Stack>
    )
  }
  if (state.status !== 'success') return null
  const groups = messageGroups(state.result)
  if (groups.length === 0) {
    return <Hint text={t('search.noMatch', { query: state.query, view: t(`views.${view}`) })} role="status" />
  }
  return (
    <ResultList
      result={state.result}
      query={state.query}
      activeOptionId={activeOptionId}
      openOptionId={openOptionId}
      onChoose={onChoose}
      more={state.result.more}
    />
  )
}

function Hint({ text, role }: { text: string; role?: 'status' }) {
  return (
    <Text size="sm" c="dimmed" px="sm" py="xs" role={role}>
      {text}
    </Text>
  )
}

function ResultList({
  result,
  query,
  activeOptionId,
  openOptionId,
  onChoose,
  more,
}: {
  result: SearchInboxResult
  query: string
  activeOptionId: string | null
  openOptionId: string | null
  onChoose: (chatId: string, messageId: number) => void
  more: boolean
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const groups = messageGroups(result)
  // When these results reached the DOM, for `npm run bench -- renderer` (keystroke → results committed).
  useLayoutEffect(() => {
    performance.mark(SEARCH_COMMITTED_MARK, { detail: { query } })
  }, [result, query])
  useLayoutEffect(() => {
    if (activeOptionId) document.getElementById(activeOptionId)?.scrollIntoView({ block: 'nearest' })
  }, [activeOptionId])
  return (
    <div className={classes.scroller}>
      <div role="listbox" id={SEARCH_RESULTS_ID} aria-label={t('search.results')}>
        {groups.map((group) => {
          const headerId = `search-group-${encodeURIComponent(group.conversation.id)}`
          return (
            <div key={group.conversation.id} role="group" aria-labelledby={headerId} className={classes.group}>
              <div id={headerId} className={classes.groupHeader}>
                <ChannelIcon type={group.conversation.channel.type} size={16} />
                <bdi className={classes.name}>{contactLabel(group.conversation.contact, t('contact.unknown'))}</bdi>
              </div>
              {group.matches.map((match) => {
                const id = searchOptionId(group.conversation.id, match.messageId)
                return (
                  <div
                    key={id}
                    id={id}
                    role="option"
                    aria-selected={id === activeOptionId}
                    data-active={id === activeOptionId || undefined}
                    data-open={id === openOptionId || undefined}
                    className={classes.hit}
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => onChoose(group.conversation.id, match.messageId)}
                  >
                    <Snippet segments={match.snippet} />
                    <time className={classes.time} dateTime={match.date}>
                      {format.dateTime(match.date)}
                    </time>
                  </div>
                )
              })}
            </div>
          )
        })}
      </div>
      {more && <Hint text={t('search.more')} />}
    </div>
  )
}

/** The snippet's text, the searched words in <mark>: text nodes only, whatever the message says. */
export function Snippet({ segments }: { segments: readonly SearchSnippetSegment[] }) {
  return (
    <span className={classes.snippet} dir="auto">
      {segments.map((segment, index) =>
        segment.highlight ? (
          <mark key={index} className={classes.mark}>
            {segment.text}
          </mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </span>
  )
}
