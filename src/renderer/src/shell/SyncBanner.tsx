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
import dayjs from 'dayjs'
import type { BridgeError } from '../../../shared/ipc/contract'
import { errorMessage } from '../bridge/client'
import { useSyncStatus } from '../bridge/queries'

export function SyncBanner({
  accountProblem,
  onUpdateKey,
}: {
  accountProblem: BridgeError | null
  onUpdateKey: () => void
}) {
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
        title="Your API key was refused"
        withCloseButton
        closeButtonLabel="Dismiss"
        onClose={() => setAuthDismissed(true)}
      >
        <Group justify="space-between" gap="sm">
          <Text size="sm">Syncing has stopped and replies wait in the outbox until you enter a valid key.</Text>
          <Button size="xs" color="red" onClick={onUpdateKey}>
            Update key
          </Button>
        </Group>
      </Alert>
    )
  }
  if (status?.state === 'offline') {
    return (
      <Alert role="status" color="yellow" radius={0} icon={<IconCloudOff aria-hidden />} title="You are offline">
        <Text size="sm">
          Showing what was last synced{status.lastSyncedAt ? ` (${dayjs(status.lastSyncedAt).format('HH:mm')})` : ''}.
          Replies wait in the outbox and are sent when the connection is back.
          {status.nextAttemptAt ? ` Next try at ${dayjs(status.nextAttemptAt).format('HH:mm:ss')}.` : ''}
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
        title="Sync is having trouble"
      >
        <Text size="sm">
          {status.error ? errorMessage(status.error) : 'The server did not answer as expected.'}
          {status.nextAttemptAt ? ` Trying again at ${dayjs(status.nextAttemptAt).format('HH:mm:ss')}.` : ''}
        </Text>
      </Alert>
    )
  }
  return null
}
