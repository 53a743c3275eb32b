/** Search, channel filter, date filter and sort for the conversation list. */
import type { KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ActionIcon, Group, MultiSelect, Popover, Select, Stack, TextInput, Indicator, Button } from '@mantine/core'
import { IconFilter, IconSearch, IconX } from '@tabler/icons-react'
import type { Channel } from '../../../shared/api/schemas'
import { SEARCH_INPUT_MARK } from '../search/useInboxSearch'
import { channelTypeLabel } from '../shell/ui'

export type SortChoice = 'newest' | 'oldest' | 'unread'
export const sortOrderBy: Record<SortChoice, string> = {
  newest: '-lastMessageDate',
  oldest: '+lastMessageDate',
  unread: '-unreadCount',
}

export interface ListFilters {
  channelIds: string[]
  /** `YYYY-MM-DD`, local day; empty: no date filter. */
  dateFrom: string
  sort: SortChoice
}

export const noFilters: ListFilters = { channelIds: [], dateFrom: '', sort: 'newest' }

export function ListToolbar({
  search,
  onSearch,
  onSearchKeyDown,
  searchBoxProps,
  filters,
  onFilters,
  channels,
}: {
  search: string
  onSearch: (value: string) => void
  /** Keys the results pane takes (arrows, Enter) before the box's own Escape. */
  onSearchKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void
  /** The results pane's ARIA links (aria-controls, aria-activedescendant). */
  searchBoxProps?: Record<string, string | undefined>
  filters: ListFilters
  onFilters: (filters: ListFilters) => void
  channels: readonly Channel[]
}) {
  const { t } = useTranslation()
  const activeFilters = filters.channelIds.length + (filters.dateFrom ? 1 : 0)
  return (
    <Group gap="xs" p="xs" wrap="nowrap" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
      <TextInput
        aria-label={t('list.search')}
        placeholder={t('list.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(event) => {
          performance.mark(SEARCH_INPUT_MARK, { detail: { query: event.currentTarget.value } })
          onSearch(event.currentTarget.value)
        }}
        onKeyDown={(event) => {
          onSearchKeyDown?.(event)
          if (event.key === 'Escape') onSearch('')
        }}
        {...searchBoxProps}
        rightSection={
          search ? (
            <ActionIcon variant="subtle" size="sm" aria-label={t('list.clearSearch')} onClick={() => onSearch('')}>
              <IconX size={14} aria-hidden />
            </ActionIcon>
          ) : null
        }
        style={{ flex: 1 }}
        data-search-box
      />
      <Indicator label={activeFilters} size={16} disabled={activeFilters === 0}>
        <Popover position="bottom-end" width={300} shadow="md" trapFocus>
          <Popover.Target>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={activeFilters ? t('list.filterOn', { count: activeFilters }) : t('list.filter')}
            >
              <IconFilter size={18} aria-hidden />
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown>
            <FilterAndSortForm filters={filters} onFilters={onFilters} channels={channels} />
          </Popover.Dropdown>
        </Popover>
      </Indicator>
    </Group>
  )
}

/** Inside the filter popover: channels, "active since" day, sort, clear. */
function FilterAndSortForm({
  filters,
  onFilters,
  channels,
}: {
  filters: ListFilters
  onFilters: (filters: ListFilters) => void
  channels: readonly Channel[]
}) {
  const { t } = useTranslation()
  return (
    <Stack gap="sm">
      <MultiSelect
        label={t('list.channels')}
        placeholder={filters.channelIds.length ? undefined : t('list.allChannels')}
        data={channels.map((channel) => ({
          value: channel.id,
          label: `${channel.name} (${channelTypeLabel(channel.type)})`,
        }))}
        value={filters.channelIds}
        onChange={(channelIds) => onFilters({ ...filters, channelIds })}
        clearable
        comboboxProps={{ withinPortal: false }}
      />
      <TextInput
        type="date"
        label={t('list.activeSince')}
        description={t('list.activeSinceHint')}
        value={filters.dateFrom}
        onChange={(event) => onFilters({ ...filters, dateFrom: event.currentTarget.value })}
      />
      <Select
        label={t('list.sort')}
        data={[
          { value: 'newest', label: t('list.sortNewest') },
          { value: 'oldest', label: t('list.sortOldest') },
          { value: 'unread', label: t('list.sortUnread') },
        ]}
        value={filters.sort}
        allowDeselect={false}
        onChange={(value) => onFilters({ ...filters, sort: (value as SortChoice | null) ?? 'newest' })}
        comboboxProps={{ withinPortal: false }}
      />
      <Button
        variant="subtle"
        size="xs"
        onClick={() => onFilters({ channelIds: [], dateFrom: '', sort: filters.sort })}
      >
        {t('list.clearFilters')}
      </Button>
    </Stack>
  )
}
