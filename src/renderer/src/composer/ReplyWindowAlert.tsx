/** Above the reply box: the WhatsApp reply window is closing soon, or closed. */
import { Alert, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { ReplyWindow } from '../../../shared/domain/views'
import { useFormat } from '../i18n/format'
import { useNow } from '../shell/useNow'

export function ReplyWindowAlert({ replyWindow }: { replyWindow: ReplyWindow }) {
  const { t } = useTranslation()
  const format = useFormat()
  const now = useNow(30_000)
  if (replyWindow.state === 'closing') {
    return (
      <Alert color="orange" py={6} icon={<IconAlertTriangle size={18} aria-hidden />}>
        <Text size="sm">{t('replyWindow.closing', { time: format.timeLeft(replyWindow.msLeft) })}</Text>
      </Alert>
    )
  }
  if (replyWindow.state === 'closed') {
    return (
      <Alert color="red" py={6} icon={<IconAlertTriangle size={18} aria-hidden />}>
        <Text size="sm">
          {replyWindow.closedAt
            ? t('replyWindow.closed', { when: format.relative(replyWindow.closedAt.getTime(), now) })
            : t('replyWindow.neverOpened')}{' '}
          {t('replyWindow.refusedUntil')}
        </Text>
      </Alert>
    )
  }
  return null
}
