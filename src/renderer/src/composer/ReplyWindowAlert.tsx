/** Above the reply box: the WhatsApp reply window is closing soon, or closed. */
import { Alert, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import dayjs from 'dayjs'
import { formatTimeLeft, type ReplyWindow } from '../../../shared/domain/views'

export function ReplyWindowAlert({ replyWindow }: { replyWindow: ReplyWindow }) {
  if (replyWindow.state === 'closing') {
    return (
      <Alert color="orange" py={6} icon={<IconAlertTriangle size={18} aria-hidden />}>
        <Text size="sm">
          The WhatsApp reply window closes in {formatTimeLeft(replyWindow.msLeft)}. After that, replies will fail until
          the customer writes again.
        </Text>
      </Alert>
    )
  }
  if (replyWindow.state === 'closed') {
    return (
      <Alert color="red" py={6} icon={<IconAlertTriangle size={18} aria-hidden />}>
        <Text size="sm">
          {replyWindow.closedAt
            ? `The WhatsApp reply window closed ${dayjs(replyWindow.closedAt).fromNow()}.`
            : 'The customer has not written on WhatsApp yet, so no reply window is open.'}{' '}
          A free-form reply will be refused until the customer writes again.
        </Text>
      </Alert>
    )
  }
  return null
}
