/** Search, channel filter, date filter and sort for the conversation list. */
import { ActionIcon, Group, MultiSelect, Popover, Select, Stack, TextInput, Indicator, Button } from '@mantine/core'
import { IconFilter, IconSearch, IconX } from '@tabler/icons-react'
import type { Channel } from '../../../shared/api/schemas'
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
  filters,
  onFilters,
  channels,
}: {
  search: string
  onSearch: (value: string) => void
  filters: ListFilters
  onFilters: (filters: ListFilters) => void
  channels: readonly Channel[]
}) {
  const activeFilters = filters.channelIds.length + (filters.dateFrom ? 1 : 0)
  return (
    <Group gap="xs" p="xs" wrap="nowrap" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
      <TextInput
        aria-label="Search conversations"
        placeholder="Search names, numbers, messages"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(event) => onSearch(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onSearch('')
        }}
        rightSection={
          search ? (
            <ActionIcon variant="subtle" size="sm" aria-label="Clear search" onClick={() => onSearch('')}>
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
              aria-label={activeFilters ? `Filter and sort (${activeFilters} filters on)` : 'Filter and sort'}
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
  return (
    <Stack gap="sm">
      <MultiSelect
        label="Channels"
        placeholder={filters.channelIds.length ? undefined : 'All channels'}
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
        label="Active since"
        description="Conversations updated after this day"
        value={filters.dateFrom}
        onChange={(event) => onFilters({ ...filters, dateFrom: event.currentTarget.value })}
      />
      <Select
        label="Sort"
        data={[
          { value: 'newest', label: 'Newest activity' },
          { value: 'oldest', label: 'Oldest activity' },
          { value: 'unread', label: 'Most unread' },
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
        Clear filters
      </Button>
    </Stack>
  )
}
