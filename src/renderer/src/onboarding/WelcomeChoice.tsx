/** The welcome screen's first step: connect an account, or explore the demo workspace. */
import { Alert, Button, Stack, Text, Title } from '@mantine/core'
import { IconAlertCircle, IconPlugConnected, IconSparkles } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { Busy, Failure } from './useConnectFlow'

export function WelcomeChoice({
  busy,
  failure,
  onConnect,
  onDemo,
}: {
  busy: Busy
  failure: Failure | null
  onConnect: () => void
  onDemo: () => void
}) {
  const { t } = useTranslation()
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('welcome.title')}</Title>
        <Text c="dimmed">{t('welcome.intro')}</Text>
      </Stack>
      <Button size="md" leftSection={<IconPlugConnected size={20} aria-hidden />} onClick={onConnect}>
        {t('connect.title')}
      </Button>
      <Button
        size="md"
        variant="default"
        leftSection={<IconSparkles size={20} aria-hidden />}
        loading={busy === 'demo'}
        onClick={onDemo}
      >
        {t('welcome.demo')}
      </Button>
      {failure && (
        <Alert role="alert" color="red" icon={<IconAlertCircle aria-hidden />} title={t('common.somethingWrong')}>
          {failure.message}
        </Alert>
      )}
    </Stack>
  )
}
