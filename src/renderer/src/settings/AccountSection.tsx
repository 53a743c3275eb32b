/** Settings → Account: what is connected and where its key is kept; change it, or remove it (confirmed). */
import { useState } from 'react'
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import type { AppState } from '../../../shared/ipc/contract'
import { call, errorMessage } from '../bridge/client'
import { queryKeys } from '../bridge/queries'

export function AccountSection({
  appState,
  onChangeAccount,
  onAccountRemoved,
}: {
  appState: AppState
  onChangeAccount: (prefillUrl: string) => void
  onAccountRemoved: () => void
}) {
  const queryClient = useQueryClient()
  const [confirming, setConfirming] = useState(false)
  const [removing, setRemoving] = useState(false)
  const [removeError, setRemoveError] = useState<string | null>(null)
  const account = appState.account!

  const remove = async () => {
    setRemoving(true)
    setRemoveError(null)
    try {
      await call('removeAccount')
      setConfirming(false)
      await queryClient.invalidateQueries({ queryKey: queryKeys.appState })
      onAccountRemoved()
    } catch (error) {
      setRemoveError(errorMessage(error))
    } finally {
      setRemoving(false)
    }
  }

  return (
    <>
      <Stack gap={4}>
        <Text size="sm">
          <b>Kind:</b> {account.kind === 'demo' ? 'Demo workspace' : 'Inbox API account'}
        </Text>
        <Text size="sm" style={{ wordBreak: 'break-all' }}>
          <b>API address:</b> {account.baseUrl}
        </Text>
        <Text size="sm">
          <b>Key kept in:</b>{' '}
          {account.keyStorage === 'keychain' ? 'the system keychain' : 'memory, for this session only'}
        </Text>
      </Stack>
      <Group>
        <Button variant="default" onClick={() => onChangeAccount(account.kind === 'remote' ? account.baseUrl : '')}>
          Change account
        </Button>
        <Button color="red" variant="light" onClick={() => setConfirming(true)}>
          Remove account
        </Button>
      </Group>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title="Remove this account?"
        centered
        closeButtonProps={{ 'aria-label': 'Close, keeping the account' }}
      >
        <Stack>
          <Text size="sm">
            Inbox Desk forgets the API address and deletes the key from{' '}
            {account.keyStorage === 'keychain' ? 'the system keychain' : 'memory'}. Conversations stay on the server.
          </Text>
          {removeError && (
            <Alert role="alert" color="red" title="The account was not removed">
              {removeError}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Keep account
            </Button>
            <Button color="red" loading={removing} onClick={() => void remove()}>
              Remove
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  )
}
