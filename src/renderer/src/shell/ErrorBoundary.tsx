import { Component, type ErrorInfo, type ReactNode } from 'react'
import { Alert, Button, Center, Code, Stack, Text, Title } from '@mantine/core'
import { i18n } from '../i18n/i18n'

interface State {
  error: Error | null
}

/** The last line of defence: a readable message and a Reload button instead
 * of a blank window. */
export class AppErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // The renderer has no log file of its own; the console is captured by main.
    console.error('Inbox Desk hit an unexpected error', error, info.componentStack)
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children
    // A class component has no hooks: the instance's t, in the language LocaleSync last set.
    const t = i18n.t.bind(i18n)
    return (
      <Center mih="100vh" p="xl">
        <Stack maw={560} gap="md">
          <Title order={1} size="h2">
            {t('common.somethingWrong')}
          </Title>
          <Alert color="red" role="alert" title={t('crash.alert')}>
            <Text size="sm">{t('crash.body')}</Text>
            <Code block mt="sm">
              {this.state.error.message}
            </Code>
          </Alert>
          <Button onClick={() => window.location.reload()} w="fit-content">
            {t('crash.reload')}
          </Button>
        </Stack>
      </Center>
    )
  }
}
