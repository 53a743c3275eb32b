/** Why connecting failed, one message per kind; with no keychain, the offer to keep the key for this session. */
import { Alert, Button, Stack, Text } from '@mantine/core'
import { IconAlertCircle, IconKey } from '@tabler/icons-react'
import { connectErrorMessage } from './connectErrors'
import type { Failure } from './useConnectFlow'

export function ConnectFailure({
  failure,
  baseUrl,
  busy,
  onSessionOnly,
}: {
  failure: Failure
  baseUrl: string
  busy: string | null
  onSessionOnly: () => void
}) {
  if (failure.kind === 'keychain_unavailable') {
    return (
      <Alert role="alert" color="yellow" icon={<IconKey aria-hidden />} title="No system keychain is available">
        <Stack gap="sm">
          <Text size="sm">
            This computer has no system keychain (Secret Service) where Inbox Desk could keep it safely. We will not
            write it to a file. You can keep the key in memory for this session only: you will need to enter it again
            after restarting the app.
          </Text>
          <Button variant="default" onClick={onSessionOnly} loading={busy === 'session'} w="fit-content">
            Keep the key for this session only
          </Button>
        </Stack>
      </Alert>
    )
  }
  const { title, body } = connectErrorMessage(failure.kind, failure.message, baseUrl, failure.retryAfterMs)
  return (
    <Alert role="alert" color="red" icon={<IconAlertCircle aria-hidden />} title={title}>
      {body}
    </Alert>
  )
}
