/**
 * The welcome screen (no account yet) and the connect form (also used by
 * Settings → Change account). Accessible names here are relied on by the
 * end-to-end specs: "Connect an account", "Explore the demo workspace",
 * "API address", "API key", "Connect", "Keep the key for this session only".
 */
import { type FormEvent, useState } from 'react'
import {
  Alert,
  Anchor,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { IconAlertCircle, IconKey, IconPlugConnected, IconSparkles } from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import { BridgeCallError, call, errorMessage } from '../bridge/client'
import { queryKeys } from '../bridge/queries'
import { connectErrorMessage } from './connectErrors'

interface OnboardingProps {
  /** Open straight on the connect form (Change account). */
  startOnConnect?: boolean
  prefillUrl?: string
  /** Called after an account was connected or the demo started. */
  onDone: () => void
  /** Shown when there is an account to go back to. */
  onCancel?: () => void
}

type Failure = { kind: BridgeCallError['kind'] | 'internal'; message: string; retryAfterMs?: number }

export function Onboarding({ startOnConnect = false, prefillUrl = '', onDone, onCancel }: OnboardingProps) {
  const queryClient = useQueryClient()
  const [step, setStep] = useState<'choose' | 'connect'>(startOnConnect ? 'connect' : 'choose')
  const [baseUrl, setBaseUrl] = useState(prefillUrl)
  const [apiKey, setApiKey] = useState('')
  const [busy, setBusy] = useState<null | 'connect' | 'session' | 'demo'>(null)
  const [failure, setFailure] = useState<Failure | null>(null)

  /** A new account means new data: drop everything cached for the old one.
   * Done before the call, while the inbox is not mounted: main announces the
   * new account (appStateChanged) before the call returns, and the inbox's
   * fresh queries must not be removed under it. */
  const forgetOldAccountData = () =>
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'appState' })

  const finish = async () => {
    await queryClient.invalidateQueries({ queryKey: queryKeys.appState })
    onDone()
  }

  const connect = async (keyStorage: 'keychain' | 'session') => {
    setBusy(keyStorage === 'session' ? 'session' : 'connect')
    setFailure(null)
    forgetOldAccountData()
    try {
      await call('connectAccount', { baseUrl: baseUrl.trim(), apiKey: apiKey.trim(), keyStorage })
      await finish()
    } catch (error) {
      setFailure(
        error instanceof BridgeCallError
          ? { kind: error.kind, message: error.message, retryAfterMs: error.retryAfterMs }
          : { kind: 'internal', message: errorMessage(error) },
      )
    } finally {
      setBusy(null)
    }
  }

  const startDemo = async () => {
    setBusy('demo')
    setFailure(null)
    forgetOldAccountData()
    try {
      await call('startDemo')
      await finish()
    } catch (error) {
      setFailure({ kind: 'internal', message: `The demo workspace could not start: ${errorMessage(error)}` })
    } finally {
      setBusy(null)
    }
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    void connect('keychain')
  }

  return (
    <Center mih="100vh" p="lg" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={520}>
        {step === 'choose' ? (
          <Stack gap="lg">
            <Stack gap={4}>
              <Title order={1}>Welcome to Inbox Desk</Title>
              <Text c="dimmed">
                Answer your WhatsApp, RCS and SMS conversations from one desktop inbox. Connect your Inbox API account,
                or look around a demo workspace with simulated customers first.
              </Text>
            </Stack>
            <Button
              size="md"
              leftSection={<IconPlugConnected size={20} aria-hidden />}
              onClick={() => setStep('connect')}
            >
              Connect an account
            </Button>
            <Button
              size="md"
              variant="default"
              leftSection={<IconSparkles size={20} aria-hidden />}
              loading={busy === 'demo'}
              onClick={() => void startDemo()}
            >
              Explore the demo workspace
            </Button>
            {failure && (
              <Alert role="alert" color="red" icon={<IconAlertCircle aria-hidden />} title="Something went wrong">
                {failure.message}
              </Alert>
            )}
          </Stack>
        ) : (
          <form onSubmit={onSubmit} noValidate>
            <Stack gap="md">
              <Stack gap={4}>
                <Title order={1} size="h2">
                  Connect an account
                </Title>
                <Text c="dimmed" size="sm">
                  Enter your Inbox API address and key. We check them with a real call before saving; the key is kept in
                  your system keychain, never in a file.
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
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  onClick={() => {
                    setFailure(null)
                    if (onCancel) onCancel()
                    else setStep('choose')
                  }}
                >
                  {onCancel ? 'Cancel' : 'Back'}
                </Anchor>
                <Button type="submit" loading={busy === 'connect'} disabled={busy !== null && busy !== 'connect'}>
                  Connect
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Paper>
    </Center>
  )
}

function ConnectFailure({
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
  if (failure.kind === 'keychain_unavailable') {
    return (
      <Alert role="alert" color="yellow" icon={<IconKey aria-hidden />} title="No system keychain is available">
        <Stack gap="sm">
          <Text size="sm">
            This computer has no system keychain (Secret Service) where Inbox Desk could keep it safely. We will not
            write it to a file. You can keep the key in memory for this session only: you will need to enter it again
            after restarting the app.
          </Text>
          <Button variant="default" onClick={onSessionOnly} loading={busy === 'session'} w="fit-content">
            Keep the key for this session only
          </Button>
        </Stack>
      </Alert>
    )
  }
  const { title, body } = connectErrorMessage(failure.kind, failure.message, baseUrl, failure.retryAfterMs)
  return (
    <Alert role="alert" color="red" icon={<IconAlertCircle aria-hidden />} title={title}>
      {body}
    </Alert>
  )
}
