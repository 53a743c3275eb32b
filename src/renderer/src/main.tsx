import '@mantine/core/styles.css'
import '@mantine/notifications/styles.css'
import '@mantine/spotlight/styles.css'
import './theme/global.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { DirectionProvider, MantineProvider } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import dayjs from 'dayjs'
import relativeTime from 'dayjs/plugin/relativeTime'
import { I18nextProvider } from 'react-i18next'
import { App } from './App'
import { i18n } from './i18n/i18n'
import { startListeningForOpenRequests } from './bridge/pendingOpen'
import { AppErrorBoundary } from './shell/ErrorBoundary'
import { cssVariablesResolver } from './theme/cssVariables'
import { theme } from './theme/theme'

dayjs.extend(relativeTime)

// Before React renders, so that a notification click during start-up is queued.
startListeningForOpenRequests()

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Main pushes changes as events; the renderer never polls or refetches on focus.
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
      retry: 1,
    },
  },
})

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* The direction follows the UI language (i18n/LocaleSync.tsx). */}
    <DirectionProvider initialDirection="ltr" detectDirection={false}>
      <I18nextProvider i18n={i18n}>
        <MantineProvider theme={theme} defaultColorScheme="auto" cssVariablesResolver={cssVariablesResolver}>
          <AppErrorBoundary>
            <QueryClientProvider client={queryClient}>
              <Notifications position="bottom-right" />
              <App />
            </QueryClientProvider>
          </AppErrorBoundary>
        </MantineProvider>
      </I18nextProvider>
    </DirectionProvider>
  </StrictMode>,
)
