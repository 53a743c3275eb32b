/** The conversation list's other states: loading (skeleton rows), failed (reason + Retry), empty (why). */
import { useTranslation } from 'react-i18next'
import { Alert, Button, Center, Skeleton, Stack, Text } from '@mantine/core'
import { IconInbox } from '@tabler/icons-react'
import { errorMessage } from '../bridge/client'

export function ListLoading() {
  const { t } = useTranslation()
  return (
    <Stack gap={0} aria-busy="true" aria-label={t('list.loading')} role="status">
      {Array.from({ length: 8 }, (_, index) => (
        <Stack key={index} gap={6} p="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
          <Skeleton height={14} width="60%" />
          <Skeleton height={12} width="90%" />
          <Skeleton height={10} width="40%" />
        </Stack>
      ))}
    </Stack>
  )
}

export function ListLoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation()
  return (
    <Stack p="md">
      <Alert role="alert" color="red" title={t('list.loadError')}>
        <Text size="sm">{errorMessage(error)}</Text>
      </Alert>
      <Button variant="default" onClick={onRetry} w="fit-content">
        {t('common.retry')}
      </Button>
    </Stack>
  )
}

export function ListEmpty({ message }: { message: string }) {
  return (
    <Center h="100%" p="lg">
      <Stack align="center" gap="xs">
        <IconInbox size={40} aria-hidden color="var(--mantine-color-dimmed)" />
        <Text c="dimmed" ta="center" size="sm">
          {message}
        </Text>
      </Stack>
    </Center>
  )
}
