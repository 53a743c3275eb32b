import { Component, type ErrorInfo, type ReactNode } from 'react'
import { Alert, Button, Center, Code, Stack, Text, Title } from '@mantine/core'

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
    return (
      <Center mih="100vh" p="xl">
        <Stack maw={560} gap="md">
          <Title order={1} size="h2">
            Something went wrong
          </Title>
          <Alert color="red" role="alert" title="Inbox Desk hit an unexpected error">
            <Text size="sm">
              Your replies and drafts are safe: they are kept by the app, not by this window. Reload the window to carry
              on.
            </Text>
            <Code block mt="sm">
              {this.state.error.message}
            </Code>
          </Alert>
          <Button onClick={() => window.location.reload()} w="fit-content">
            Reload
          </Button>
        </Stack>
      </Center>
    )
  }
}
