/** The list column: search and filters over the virtualized conversation list for the current view. */
import { useTranslation } from 'react-i18next'
import { Button } from '@mantine/core'
import { ConversationList } from '../list/ConversationList'
import { ListToolbar } from '../list/ListToolbar'
import { emptyListMessage } from './emptyListMessage'
import type { InboxNavigation } from './useInboxNavigation'

export function ListPane({
  inbox,
  meUserId,
  drafts,
  now,
  onChooseMe,
}: {
  inbox: InboxNavigation
  meUserId: string | null
  drafts: Record<string, string> | undefined
  now: number
  onChooseMe: () => void
}) {
  const { t } = useTranslation()
  const { view, filters, list } = inbox
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
        filters={filters}
        onFilters={inbox.setFilters}
        channels={inbox.channels}
      />
      <div style={{ flex: 1, minHeight: 0 }}>
        <ConversationList
          conversations={inbox.visible}
          status={list.status}
          error={list.error}
          onRetry={() => void list.refetch()}
          activeId={inbox.activeId}
          openId={inbox.openId}
          drafts={drafts}
          now={now}
          emptyMessage={emptyListMessage(t, { search: inbox.deferredSearch, view, meUserId, filters })}
          onOpen={inbox.open}
          onMove={inbox.move}
          onOpenActive={inbox.openActive}
        />
      </div>
      {view === 'mine' && !meUserId && (
        <Button m="sm" variant="light" onClick={onChooseMe}>
          {t('list.chooseMe')}
        </Button>
      )}
    </section>
  )
}
