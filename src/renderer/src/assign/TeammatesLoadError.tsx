/** The teammates list failed to load: the reason and Retry (the assign picker and Settings → Who am I). */
import { useTranslation } from 'react-i18next'
import { Alert, Button, Stack, Text } from '@mantine/core'
import { errorMessage } from '../bridge/client'

export function TeammatesLoadError({
  error,
  retrying,
  onRetry,
}: {
  error: unknown
  retrying: boolean
  onRetry: () => void
}) {
  const { t } = useTranslation()
  return (
    <Alert role="alert" color="red" title={t('assign.loadError')}>
      <Stack gap="xs">
        <Text size="sm">{errorMessage(error)}</Text>
        <Button size="xs" variant="default" w="fit-content" loading={retrying} onClick={onRetry}>
          {t('common.retry')}
        </Button>
      </Stack>
    </Alert>
  )
}
