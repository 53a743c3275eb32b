/** Why connecting failed, one message per kind; with no keychain, the offer to keep the key for this session. */
import { Alert, Button, Stack, Text } from '@mantine/core'
import { IconAlertCircle, IconKey } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
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
  const { t } = useTranslation()
  if (failure.kind === 'keychain_unavailable') {
    return (
      <Alert role="alert" color="yellow" icon={<IconKey aria-hidden />} title={t('connect.noKeychainTitle')}>
        <Stack gap="sm">
          <Text size="sm">{t('connect.noKeychainBody')}</Text>
          <Button variant="default" onClick={onSessionOnly} loading={busy === 'session'} w="fit-content">
            {t('connect.sessionOnly')}
          </Button>
        </Stack>
      </Alert>
    )
  }
  const { title, body } = connectErrorMessage(t, failure.kind, failure.message, baseUrl, failure.retryAfterMs)
  return (
    <Alert role="alert" color="red" icon={<IconAlertCircle aria-hidden />} title={title}>
      {body}
    </Alert>
  )
}
