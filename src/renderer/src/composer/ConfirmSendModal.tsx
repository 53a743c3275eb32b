/**
 * Asked before a reply goes: new messages arrived while the agent typed (shown, to read first), or the
 * WhatsApp window is closed (the reply will probably be refused).
 */
import { Button, Group, Modal, Paper, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Message } from '../../../shared/api/schemas'
import { useFormat } from '../i18n/format'

export type SendConfirmation = { reason: 'window' } | { reason: 'stale'; fresh: Message[] }

export function ConfirmSendModal({
  confirm,
  onBack,
  onEdit,
  onSendAnyway,
}: {
  confirm: SendConfirmation | null
  onBack: () => void
  /** Stale: back to the reply box, the new messages now seen. */
  onEdit: () => void
  onSendAnyway: (reason: SendConfirmation['reason']) => void
}) {
  const { t } = useTranslation()
  const format = useFormat()
  return (
    <Modal
      opened={confirm !== null}
      onClose={onBack}
      title={confirm?.reason === 'stale' ? t('confirmSend.staleTitle') : t('confirmSend.windowTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('confirmSend.back') }}
    >
      {confirm?.reason === 'stale' ? (
        <Stack>
          <Text size="sm">{t('confirmSend.readFirst')}</Text>
          <Stack gap={6}>
            {confirm.fresh.slice(-5).map((message) => (
              <Paper key={message.id} withBorder p="xs">
                <Text size="xs" c="dimmed">
                  {format.time(message.date)}
                </Text>
                <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                  {message.content.text}
                </Text>
              </Paper>
            ))}
          </Stack>
          <Group justify="flex-end">
            <Button variant="default" onClick={onEdit}>
              {t('confirmSend.edit')}
            </Button>
            <Button onClick={() => onSendAnyway('stale')}>{t('confirmSend.sendAnyway')}</Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <Text size="sm">{t('confirmSend.windowBody')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onBack}>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={() => onSendAnyway('window')}>
              {t('confirmSend.sendAnyway')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}
