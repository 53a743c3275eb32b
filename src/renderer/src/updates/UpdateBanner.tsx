/**
 * "A new version is ready — Restart to update": a quiet strip above the inbox once an update is downloaded.
 * Dismissing hides it until the next start (or a newer download). With replies still in the outbox, Restart
 * waits for them (src/main/update/outbox-guard.ts) and the banner says so, with a way to cancel.
 */
import { useState } from 'react'
import { Alert, Button, Group, Text } from '@mantine/core'
import { IconDownload } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useUpdateActions, useUpdateStatus } from './useUpdates'

export function UpdateBanner() {
  const { t } = useTranslation()
  const { data: status } = useUpdateStatus()
  const { restart, cancel } = useUpdateActions()
  const [dismissedVersion, setDismissedVersion] = useState<string | null>(null)
  if (status?.phase !== 'downloaded' || dismissedVersion === status.availableVersion) return null
  const waiting = status.restartWaitingFor > 0
  return (
    <Alert
      role="status"
      aria-label={t('updates.bannerTitle')}
      color="blue"
      variant="light"
      radius={0}
      py={6}
      icon={<IconDownload aria-hidden size={18} />}
      withCloseButton
      closeButtonLabel={t('updates.dismiss')}
      onClose={() => setDismissedVersion(status.availableVersion)}
    >
      <Group justify="space-between" gap="sm" wrap="nowrap">
        <Text size="sm">
          <Text span fw={600} size="sm">
            {t('updates.bannerTitle')}
          </Text>{' '}
          {waiting
            ? t('updates.waiting', { count: status.restartWaitingFor })
            : t('updates.bannerBody', { version: status.availableVersion })}
        </Text>
        {waiting ? (
          <Button size="compact-sm" variant="default" onClick={() => cancel.mutate()} loading={cancel.isPending}>
            {t('updates.cancelRestart')}
          </Button>
        ) : (
          <Button size="compact-sm" onClick={() => restart.mutate()} loading={restart.isPending}>
            {t('updates.restart')}
          </Button>
        )}
      </Group>
    </Alert>
  )
}
