/**
 * The history backfill's progress (src/main/backfill), small and out of the way at the foot of the list:
 * "Indexing history: 4,210 of 10,000 conversations" while it runs or waits, gone when done or off. Asked once
 * (`getBackfillStatus`), then kept current by the `backfillStatus` event (../bridge/events.ts).
 */
import { Group, Loader, Progress, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { call } from '../bridge/client'
import { queryKeys } from '../bridge/queries'
import { useFormat } from '../i18n/format'

export function BackfillIndicator() {
  const { t } = useTranslation()
  const format = useFormat()
  const { data: status } = useQuery({
    queryKey: queryKeys.backfillStatus,
    queryFn: () => call('getBackfillStatus'),
    staleTime: Infinity,
  })
  if (!status || (status.state !== 'running' && status.state !== 'paused') || status.total === 0) return null
  const label = t('backfill.progress', {
    count: status.total,
    done: format.number(status.done),
    total: format.number(status.total),
  })
  return (
    <Stack
      role="status"
      aria-label={label}
      gap={4}
      px="sm"
      py={6}
      style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
    >
      <Group gap={6} wrap="nowrap">
        <Loader size={10} type="oval" aria-hidden />
        <Text size="xs" c="dimmed" truncate="end">
          {label}
        </Text>
      </Group>
      <Progress size={2} value={(100 * status.done) / status.total} aria-hidden />
    </Stack>
  )
}
