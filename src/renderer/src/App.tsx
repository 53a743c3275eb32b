/**
 * The top of the UI: loads the app state, applies the theme, and shows the
 * welcome screen (no account), the connect form (changing account) or the inbox.
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core'
import { useBridgeEvents } from './bridge/events'
import { errorMessage } from './bridge/client'
import { useAppState } from './bridge/queries'
import { Onboarding } from './onboarding/Onboarding'
import { InboxShell } from './shell/InboxShell'
import { LocaleSync } from './i18n/LocaleSync'
import { ThemeSync } from './theme/ThemeSync'

export function App() {
  const { t } = useTranslation()
  useBridgeEvents()
  const appState = useAppState()
  const [changingAccount, setChangingAccount] = useState<{ prefillUrl: string } | null>(null)

  if (appState.isPending) {
    return (
      <Center h="100vh" role="status" aria-label={t('app.loading')}>
        <Loader />
      </Center>
    )
  }
  if (appState.isError) {
    return (
      <Center h="100vh" p="xl">
        <Stack maw={520}>
          <Alert role="alert" color="red" title={t('app.startError')}>
            <Text size="sm">{errorMessage(appState.error)}</Text>
          </Alert>
          <Button w="fit-content" onClick={() => void appState.refetch()}>
            {t('common.retry')}
          </Button>
        </Stack>
      </Center>
    )
  }

  const state = appState.data
  return (
    <LocaleSync preference={state.settings.locale} clock={state.settings.clock} systemLocales={state.systemLocales}>
      <ThemeSync preference={state.settings.theme} />
      {state.account === null || changingAccount ? (
        <Onboarding
          startOnConnect={changingAccount !== null}
          prefillUrl={changingAccount?.prefillUrl ?? ''}
          onDone={() => setChangingAccount(null)}
          onCancel={state.account !== null ? () => setChangingAccount(null) : undefined}
        />
      ) : (
        <InboxShell appState={state} onChangeAccount={(prefillUrl) => setChangingAccount({ prefillUrl })} />
      )}
    </LocaleSync>
  )
}
