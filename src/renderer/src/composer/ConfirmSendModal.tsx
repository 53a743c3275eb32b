/**
 * Asked before a reply goes: new messages arrived while the agent typed (shown, to read first), or the
 * WhatsApp window is closed (the reply will probably be refused).
 */
import { Button, Group, Modal, Paper, Stack, Text } from '@mantine/core'
import dayjs from 'dayjs'
import type { Message } from '../../../shared/api/schemas'

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
  return (
    <Modal
      opened={confirm !== null}
      onClose={onBack}
      title={
        confirm?.reason === 'stale' ? 'New messages arrived while you were typing' : 'This reply will probably fail'
      }
      centered
      closeButtonProps={{ 'aria-label': 'Back to the reply' }}
    >
      {confirm?.reason === 'stale' ? (
        <Stack>
          <Text size="sm">Read them before sending your reply:</Text>
          <Stack gap={6}>
            {confirm.fresh.slice(-5).map((message) => (
              <Paper key={message.id} withBorder p="xs">
                <Text size="xs" c="dimmed">
                  {dayjs(message.date).format('HH:mm')}
                </Text>
                <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                  {message.content.text}
                </Text>
              </Paper>
            ))}
          </Stack>
          <Group justify="flex-end">
            <Button variant="default" onClick={onEdit}>
              Edit my reply
            </Button>
            <Button onClick={() => onSendAnyway('stale')}>Send anyway</Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <Text size="sm">
            WhatsApp accepts free-form replies only within 24 hours of the customer’s last message, and that window is
            closed. The provider will most likely refuse this reply. Send it anyway?
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onBack}>
              Cancel
            </Button>
            <Button color="red" onClick={() => onSendAnyway('window')}>
              Send anyway
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}
