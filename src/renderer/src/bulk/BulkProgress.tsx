/**
 * The bulk batch's toast, at the foot of the list: "Archiving 120 of 340" with a bar and Cancel while it runs
 * (and why it waits: the server's Retry-After, or the network); then what it did, the conversations it could not
 * change (each with the server's reason) with Retry, and one Undo for the whole batch. The headline is a live
 * region, so a screen reader hears the progress.
 */
import { Button, CloseButton, Group, Paper, Progress, ScrollArea, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { isBulkActive } from '../../../shared/ipc/bulk'
import type { BulkStatus } from '../../../shared/ipc/contract'
import { errorMessage } from '../bridge/client'
import { useFormat } from '../i18n/format'
import { isPhoneLike } from '../shell/phone'
import { PhoneNumber } from '../shell/ui'
import type { BulkBatch } from './useBulkBatch'

/** The one line that says where the batch is. */
function useHeadline(status: BulkStatus): string {
  const { t } = useTranslation()
  const format = useFormat()
  const values = {
    done: format.number(status.done),
    succeeded: format.number(status.succeeded),
    total: format.number(status.total),
  }
  if (isBulkActive(status)) {
    return status.phase === 'undo' ? t('bulk.undoing', values) : t(`bulk.progress.${status.action}`, values)
  }
  if (status.state === 'cancelled') return t('bulk.cancelled', values)
  if (status.state === 'stopped') return t('bulk.stopped', values)
  return status.phase === 'undo' ? t('bulk.undone', values) : t(`bulk.finished.${status.action}`, values)
}

export function BulkProgress({ batch }: { batch: BulkBatch }) {
  const { t } = useTranslation()
  const status = batch.current
  const headline = useHeadline(status ?? placeholder)
  if (!status) return null
  const active = isBulkActive(status)
  const retryable = status.failed.some((failure) => failure.error.code !== 'bulk.notInAccount')
  return (
    <Paper
      role="region"
      aria-label={t('bulk.panelLabel')}
      withBorder
      shadow="md"
      m="xs"
      p="sm"
      data-state={status.state}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text size="sm" fw={600} role="status">
            {headline}
          </Text>
          {!active && <CloseButton size="sm" aria-label={t('bulk.dismiss')} onClick={batch.dismiss} />}
        </Group>
        {active && (
          <Progress
            size="sm"
            value={status.total === 0 ? 0 : (100 * status.done) / status.total}
            aria-label={headline}
            animated={status.state === 'running'}
          />
        )}
        {status.state === 'waiting' && (
          <Text size="xs" c="dimmed">
            {t('bulk.waiting')}
          </Text>
        )}
        {status.state === 'offline' && (
          <Text size="xs" c="dimmed">
            {t('bulk.offline')}
          </Text>
        )}
        {!active && status.phase === 'run' && status.undo === 'not_supported' && (
          <Text size="xs" c="dimmed">
            {t('bulk.noUndo')}
          </Text>
        )}
        {status.failed.length > 0 && <FailedList status={status} />}
        <Group gap="xs" justify="flex-end">
          {active && (
            <Button size="compact-sm" variant="default" onClick={batch.cancel}>
              {t('bulk.cancel')}
            </Button>
          )}
          {!active && retryable && (
            <Button size="compact-sm" variant="light" onClick={batch.retry}>
              {t('bulk.retry')}
            </Button>
          )}
          {!active && status.undo === 'available' && (
            <Button size="compact-sm" variant="filled" onClick={batch.undo}>
              {t('bulk.undo')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  )
}

/** Before the first status: only so the hook order stays the same. */
const placeholder: BulkStatus = {
  batchId: '',
  revision: 0,
  action: 'archive',
  phase: 'run',
  undoOf: null,
  state: 'running',
  total: 0,
  done: 0,
  succeeded: 0,
  failed: [],
  resumesAt: null,
  undo: 'none',
  undoable: 0,
}

/** The conversations the batch could not change, each with the reason; kept until a Retry changes them. */
function FailedList({ status }: { status: BulkStatus }) {
  const { t } = useTranslation()
  const format = useFormat()
  const title = t('bulk.failedTitle', { failed: format.number(status.failed.length) })
  return (
    <Stack gap={2}>
      <Text size="xs" fw={600} c="var(--mantine-color-error)">
        {title}
      </Text>
      <ScrollArea.Autosize mah={140} type="auto">
        <ul
          aria-label={title}
          style={{ margin: 0, paddingInlineStart: 18, fontSize: 'var(--mantine-font-size-xs)', lineHeight: 1.4 }}
        >
          {status.failed.map((failure) => (
            <li key={failure.chatId}>
              <Text size="xs" span fw={500} dir={isPhoneLike(failure.name) ? undefined : 'auto'}>
                {/* A number reads left to right in an Arabic list too (the row shows it the same way). */}
                {isPhoneLike(failure.name) ? <PhoneNumber number={failure.name} /> : failure.name || failure.chatId}
              </Text>
              <Text size="xs" span c="dimmed">
                {' — '}
                {errorMessage(failure.error)}
              </Text>
            </li>
          ))}
        </ul>
      </ScrollArea.Autosize>
    </Stack>
  )
}
