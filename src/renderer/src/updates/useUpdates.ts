/**
 * The update status (asked once, then kept current by the `updateStatus` event, see ../bridge/events.ts) and
 * the three actions: Check now, Restart to update (which may wait for the outbox), cancel that wait.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { notifications } from '@mantine/notifications'
import type { UpdateStatus } from '../../../shared/update/status'
import { call, errorMessage } from '../bridge/client'
import { queryKeys } from '../bridge/queries'

export function useUpdateStatus() {
  return useQuery({ queryKey: queryKeys.updateStatus, queryFn: () => call('getUpdateStatus'), staleTime: Infinity })
}

export function useUpdateActions() {
  const queryClient = useQueryClient()
  const keep = (status: UpdateStatus) => queryClient.setQueryData(queryKeys.updateStatus, status)
  // A bridge failure here is a bug, not a feed problem (those come back in the status): show its message.
  const onError = (error: unknown) => notifications.show({ color: 'red', message: errorMessage(error) })
  const check = useMutation({ mutationFn: () => call('checkForUpdates'), onSuccess: keep, onError })
  const restart = useMutation({ mutationFn: () => call('restartToUpdate'), onError })
  const cancel = useMutation({ mutationFn: () => call('cancelRestartToUpdate'), onSuccess: keep, onError })
  return { check, restart, cancel }
}
