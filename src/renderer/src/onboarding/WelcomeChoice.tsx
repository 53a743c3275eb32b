/** The welcome screen's first step: connect an account, or explore the demo workspace. */
import { Alert, Button, Stack, Text, Title } from '@mantine/core'
import { IconAlertCircle, IconPlugConnected, IconSparkles } from '@tabler/icons-react'
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
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>Welcome to Inbox Desk</Title>
        <Text c="dimmed">
          Answer your WhatsApp, RCS and SMS conversations from one desktop inbox. Connect your Inbox API account, or
          look around a demo workspace with simulated customers first.
        </Text>
      </Stack>
      <Button size="md" leftSection={<IconPlugConnected size={20} aria-hidden />} onClick={onConnect}>
        Connect an account
      </Button>
      <Button
        size="md"
        variant="default"
        leftSection={<IconSparkles size={20} aria-hidden />}
        loading={busy === 'demo'}
        onClick={onDemo}
      >
        Explore the demo workspace
      </Button>
      {failure && (
        <Alert role="alert" color="red" icon={<IconAlertCircle aria-hidden />} title="Something went wrong">
          {failure.message}
        </Alert>
      )}
    </Stack>
  )
}
