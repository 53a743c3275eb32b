/** The connect form: API address and key, checked by main with a real call before anything is saved. */
import type { FormEvent } from 'react'
import { Anchor, Button, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { ConnectFailure } from './ConnectFailure'
import type { useConnectFlow } from './useConnectFlow'

export function ConnectForm({
  flow,
  backLabel,
  onBack,
}: {
  flow: ReturnType<typeof useConnectFlow>
  /** "Cancel" (back to the inbox) or "Back" (to the welcome choice). */
  backLabel: string
  onBack: () => void
}) {
  const { baseUrl, setBaseUrl, apiKey, setApiKey, busy, failure, connect } = flow
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    void connect('keychain')
  }
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={1} size="h2">
            Connect an account
          </Title>
          <Text c="dimmed" size="sm">
            Enter your Inbox API address and key. We check them with a real call before saving; the key is kept in your
            system keychain, never in a file.
          </Text>
        </Stack>
        <TextInput
          label="API address"
          placeholder="https://api.example.com"
          value={baseUrl}
          onChange={(event) => setBaseUrl(event.currentTarget.value)}
          required
          withAsterisk={false}
          autoFocus
          autoComplete="url"
          spellCheck={false}
        />
        <PasswordInput
          label="API key"
          value={apiKey}
          onChange={(event) => setApiKey(event.currentTarget.value)}
          required
          withAsterisk={false}
          autoComplete="off"
          spellCheck={false}
        />
        {failure && (
          <ConnectFailure
            failure={failure}
            baseUrl={baseUrl}
            busy={busy}
            onSessionOnly={() => void connect('session')}
          />
        )}
        <Group justify="space-between">
          <Anchor component="button" type="button" size="sm" onClick={onBack}>
            {backLabel}
          </Anchor>
          <Button type="submit" loading={busy === 'connect'} disabled={busy !== null && busy !== 'connect'}>
            Connect
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
