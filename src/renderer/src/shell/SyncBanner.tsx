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
import type { BridgeError, SyncStatus } from '../../../shared/ipc/contract'
import { errorMessage } from '../bridge/client'
import { useSyncStatus } from '../bridge/queries'
import { useFormat } from '../i18n/format'

/** Failures that mean the server cannot be reached (as opposed to one that answered, even with a 5xx). */
const UNREACHABLE_KINDS: ReadonlySet<string> = new Set(['network', 'timeout', 'proxy'])

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
  const unreachable = status?.state === 'backoff' && status.error !== null && UNREACHABLE_KINDS.has(status.error.kind)
  if (status && (status.state === 'offline' || unreachable)) return <OfflineBanner status={status} />
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

/** Offline, or the server out of reach: the saved inbox is what shows; since when, and that it retries on its own. */
function OfflineBanner({ status }: { status: SyncStatus }) {
  const { t } = useTranslation()
  const format = useFormat()
  const since = status.failingSince ? `${t('sync.since', { time: format.time(status.failingSince) })} ` : ''
  return (
    <Alert
      role="status"
      color="yellow"
      radius={0}
      icon={<IconCloudOff aria-hidden />}
      title={status.state === 'offline' ? t('sync.offlineTitle') : t('sync.unreachableTitle')}
    >
      <Text size="sm">
        {since}
        {status.lastSyncedAt
          ? t('sync.offlineShowingAt', { time: format.time(status.lastSyncedAt) })
          : t('sync.offlineShowing')}{' '}
        {t('sync.offlineBody')}
        {status.nextAttemptAt ? ` ${t('sync.nextTry', { time: format.timeWithSeconds(status.nextAttemptAt) })}` : ''}
      </Text>
    </Alert>
  )
}
