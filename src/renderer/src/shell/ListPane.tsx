/**
 * The list column: search and filters over the virtualized conversation list for the current view. While the
 * search box has text, the list shows the conversations whose name, number or last message match, and below it
 * the messages found in the stored history (../search). The bulk selection's bar above the list (../bulk), and at
 * its foot a bulk batch's progress and the history backfill's.
 */
import { useTranslation } from 'react-i18next'
import { Button, Text } from '@mantine/core'
import { BulkBar } from '../bulk/BulkBar'
import { BulkProgress } from '../bulk/BulkProgress'
import type { InboxBulk } from '../bulk/useBulk'
import { ConversationList } from '../list/ConversationList'
import { ROW_HEIGHT } from '../list/ConversationRow'
import { ListToolbar } from '../list/ListToolbar'
import { SearchResults } from '../search/SearchResults'
import { useSearchPane } from '../search/useSearchPane'
import { BackfillIndicator } from './BackfillIndicator'
import { emptyListMessage } from './emptyListMessage'
import type { InboxNavigation } from './useInboxNavigation'

/** The conversation list's share of the column while message results show under it. */
const SEARCH_LIST_MAX_HEIGHT = '45%'

export function ListPane({
  inbox,
  bulk,
  meUserId,
  drafts,
  now,
  onChooseMe,
}: {
  inbox: InboxNavigation
  bulk: InboxBulk
  meUserId: string | null
  drafts: Record<string, string> | undefined
  now: number
  onChooseMe: () => void
}) {
  const { t } = useTranslation()
  const { view, filters } = inbox
  const search = useSearchPane({
    query: inbox.search,
    view,
    channelIds: filters.channelIds,
    opened: inbox.focusMessage,
    onChoose: inbox.openAtMessage,
  })
  const emptyMessage = emptyListMessage(t, { search: inbox.deferredSearch, view, meUserId, filters })
  return (
    <section
      aria-label={t('views.listLabel', { view: t(`views.${view}`) })}
      style={{
        width: 'clamp(260px, 34%, 420px)',
        flex: 'none',
        display: 'flex',
        flexDirection: 'column',
        borderInlineEnd: '1px solid var(--mantine-color-default-border)',
      }}
    >
      <ListToolbar
        search={inbox.search}
        onSearch={inbox.setSearch}
        onSearchKeyDown={search.onSearchKeyDown}
        searchBoxProps={search.searchBoxProps}
        filters={filters}
        onFilters={inbox.setFilters}
        channels={inbox.channels}
      />
      <BulkBar
        selection={bulk.selection}
        archiveView={bulk.archiveView}
        meUserId={meUserId}
        assignOpened={bulk.assignOpened}
        onAssignOpened={bulk.setAssignOpened}
        snoozeOpened={bulk.snoozeOpened}
        onSnoozeOpened={bulk.setSnoozeOpened}
        onAction={(action) => void bulk.act(action)}
      />
      {search.searching && (
        <Text size="xs" fw={600} tt="uppercase" c="dimmed" px="sm" pt={8} pb={4}>
          {t('search.conversations')}
        </Text>
      )}
      <ListSection
        inbox={inbox}
        bulk={bulk}
        searching={search.searching}
        drafts={drafts}
        now={now}
        emptyMessage={emptyMessage}
      />
      {search.searching && <SearchResults {...search.results} />}
      {view === 'mine' && !meUserId && (
        <Button m="sm" variant="light" onClick={onChooseMe}>
          {t('list.chooseMe')}
        </Button>
      )}
      <BulkProgress batch={bulk.batch} />
      <BackfillIndicator />
    </section>
  )
}

/** The conversations: the whole column, or while searching the share above the messages found. */
function ListSection({
  inbox,
  bulk,
  searching,
  drafts,
  now,
  emptyMessage,
}: {
  inbox: InboxNavigation
  bulk: InboxBulk
  searching: boolean
  drafts: Record<string, string> | undefined
  now: number
  emptyMessage: string
}) {
  const { list } = inbox
  if (searching && list.status === 'success' && inbox.visible.length === 0) {
    return (
      <Text size="sm" c="dimmed" px="sm" pb="xs">
        {emptyMessage}
      </Text>
    )
  }
  return (
    <div
      style={
        searching
          ? {
              flex: '0 1 auto',
              height: (list.status === 'success' ? inbox.visible.length : 3) * ROW_HEIGHT,
              maxHeight: SEARCH_LIST_MAX_HEIGHT,
            }
          : { flex: 1, minHeight: 0 }
      }
    >
      <ConversationList
        conversations={inbox.visible}
        status={list.status}
        error={list.error}
        onRetry={() => void list.refetch()}
        activeId={inbox.activeId}
        openId={inbox.openId}
        drafts={drafts}
        now={now}
        emptyMessage={emptyMessage}
        onOpen={inbox.open}
        selectedIds={bulk.selection.selectedIds}
        onGesture={bulk.selection.onRowGesture}
        onMove={inbox.move}
        onOpenActive={inbox.openActive}
      />
    </div>
  )
}
