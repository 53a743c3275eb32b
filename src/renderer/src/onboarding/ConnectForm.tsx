/** The connect form: API address and key, checked by main with a real call before anything is saved. */
import type { FormEvent } from 'react'
import { Anchor, Button, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
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
  const { t } = useTranslation()
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
            {t('connect.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('connect.intro')}
          </Text>
        </Stack>
        <TextInput
          label={t('connect.address')}
          placeholder={t('connect.addressPlaceholder')}
          value={baseUrl}
          onChange={(event) => setBaseUrl(event.currentTarget.value)}
          required
          withAsterisk={false}
          autoFocus
          autoComplete="url"
          spellCheck={false}
        />
        <PasswordInput
          label={t('connect.key')}
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
            {t('connect.connect')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
