/** Settings → Account: what is connected and where its key is kept; change it, or remove it (confirmed). */
import { useState } from 'react'
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
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
  const { t } = useTranslation()
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
          <b>{t('account.kind')}</b> {account.kind === 'demo' ? t('header.demo') : t('account.remote')}
        </Text>
        <Text size="sm" style={{ wordBreak: 'break-all' }}>
          <b>{t('account.address')}</b> <bdi>{account.baseUrl}</bdi>
        </Text>
        <Text size="sm">
          <b>{t('account.keyKeptIn')}</b>{' '}
          {account.keyStorage === 'keychain' ? t('account.inKeychain') : t('account.inMemory')}
        </Text>
      </Stack>
      <Group>
        <Button variant="default" onClick={() => onChangeAccount(account.kind === 'remote' ? account.baseUrl : '')}>
          {t('account.change')}
        </Button>
        <Button color="red" variant="light" onClick={() => setConfirming(true)}>
          {t('account.remove')}
        </Button>
      </Group>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('account.removeTitle')}
        centered
        closeButtonProps={{ 'aria-label': t('account.closeKeeping') }}
      >
        <Stack>
          <Text size="sm">
            {account.keyStorage === 'keychain' ? t('account.removeBodyKeychain') : t('account.removeBodyMemory')}
          </Text>
          {removeError && (
            <Alert role="alert" color="red" title={t('account.removeFailed')}>
              {removeError}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('account.keep')}
            </Button>
            <Button color="red" loading={removing} onClick={() => void remove()}>
              {t('account.removeConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  )
}
