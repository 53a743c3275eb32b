/**
 * A banner driven by `syncStatus`: offline, backing off (with the next
 * attempt), or a refused key ("Update key" opens the connect form). The
 * refused-key banner can be dismissed and then stays away until the key
 * problem ends and comes back: it is shown once, not on every failed tick.
 */
import { useState } from 'react'
import { Alert, Button, Group, Text } from '@mantine/core'
import { IconCloudOff, IconKey, IconRefreshAlert } from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { BridgeError } from '../../../shared/ipc/contract'
import { errorMessage } from '../bridge/client'
import { useSyncStatus } from '../bridge/queries'
import { useFormat } from '../i18n/format'

export function SyncBanner({
  accountProblem,
  onUpdateKey,
}: {
  accountProblem: BridgeError | null
  onUpdateKey: () => void
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const queryClient = useQueryClient()
  const { data: status } = useSyncStatus(queryClient)
  const authRequired = status?.state === 'auth_required' || accountProblem?.kind === 'unauthorized'
  const [authDismissed, setAuthDismissed] = useState(false)
  const [wasAuthRequired, setWasAuthRequired] = useState(authRequired)
  if (wasAuthRequired !== authRequired) {
    // A new episode of the problem may show the banner again (state derived during render).
    setWasAuthRequired(authRequired)
    if (!authRequired) setAuthDismissed(false)
  }

  if (authRequired) {
    if (authDismissed) return null
    return (
      <Alert
        role="alert"
        color="red"
        radius={0}
        icon={<IconKey aria-hidden />}
        title={t('sync.authTitle')}
        withCloseButton
        closeButtonLabel={t('common.dismiss')}
        onClose={() => setAuthDismissed(true)}
      >
        <Group justify="space-between" gap="sm">
          <Text size="sm">{t('sync.authBody')}</Text>
          <Button size="xs" color="red" onClick={onUpdateKey}>
            {t('sync.updateKey')}
          </Button>
        </Group>
      </Alert>
    )
  }
  if (status?.state === 'offline') {
    return (
      <Alert role="status" color="yellow" radius={0} icon={<IconCloudOff aria-hidden />} title={t('sync.offlineTitle')}>
        <Text size="sm">
          {status.lastSyncedAt
            ? t('sync.offlineShowingAt', { time: format.time(status.lastSyncedAt) })
            : t('sync.offlineShowing')}{' '}
          {t('sync.offlineBody')}
          {status.nextAttemptAt ? ` ${t('sync.nextTry', { time: format.timeWithSeconds(status.nextAttemptAt) })}` : ''}
        </Text>
      </Alert>
    )
  }
  if (status?.state === 'backoff') {
    return (
      <Alert
        role="status"
        color="orange"
        radius={0}
        icon={<IconRefreshAlert aria-hidden />}
        title={t('sync.troubleTitle')}
      >
        <Text size="sm">
          {status.error ? errorMessage(status.error) : t('sync.troubleDefault')}
          {status.nextAttemptAt
            ? ` ${t('sync.tryingAgain', { time: format.timeWithSeconds(status.nextAttemptAt) })}`
            : ''}
        </Text>
      </Alert>
    )
  }
  return null
}
