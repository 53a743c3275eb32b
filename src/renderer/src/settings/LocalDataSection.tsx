/** Settings → Local data (its own section): "Clear local data" (confirmed) deletes the saved inbox; it is downloaded again. */
import { useState } from 'react'
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { call, errorMessage } from '../bridge/client'
import { SettingsSection } from './SettingsSection'

export function LocalDataSection() {
  const { t } = useTranslation()
  const [confirming, setConfirming] = useState(false)
  const [clearing, setClearing] = useState(false)
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null)

  const clear = async () => {
    setClearing(true)
    setOutcome(null)
    try {
      await call('clearLocalData')
      setConfirming(false)
      setOutcome({ ok: true, message: t('localData.cleared') })
    } catch (error) {
      setOutcome({ ok: false, message: errorMessage(error) })
    } finally {
      setClearing(false)
    }
  }

  return (
    <SettingsSection title={t('localData.title')}>
      <Text size="sm">{t('localData.explain')}</Text>
      <Group>
        <Button color="red" variant="light" onClick={() => setConfirming(true)}>
          {t('localData.clear')}
        </Button>
      </Group>
      {outcome?.ok && (
        <Text size="sm" role="status">
          {outcome.message}
        </Text>
      )}
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('localData.clearTitle')}
        centered
        closeButtonProps={{ 'aria-label': t('localData.keep') }}
      >
        <Stack>
          <Text size="sm">{t('localData.clearBody')}</Text>
          {outcome && !outcome.ok && (
            <Alert role="alert" color="red" title={t('localData.clearFailed')}>
              {outcome.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('localData.keep')}
            </Button>
            <Button color="red" loading={clearing} onClick={() => void clear()}>
              {t('localData.clearConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </SettingsSection>
  )
}
