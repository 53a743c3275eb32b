/**
 * The welcome screen's actions: connect an account (keychain, or session-only when there is none) or start
 * the demo, each dropping the old account's cached data first; the failure to show, if any.
 */
import { useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { BridgeCallError, call, errorMessage } from '../bridge/client'
import { queryKeys } from '../bridge/queries'

export type Failure = { kind: BridgeCallError['kind'] | 'internal'; message: string; retryAfterMs?: number }
export type Busy = null | 'connect' | 'session' | 'demo'

export function useConnectFlow({ prefillUrl, onDone }: { prefillUrl: string; onDone: () => void }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [baseUrl, setBaseUrl] = useState(prefillUrl)
  const [apiKey, setApiKey] = useState('')
  const [busy, setBusy] = useState<Busy>(null)
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
          ? { kind: error.kind, message: errorMessage(error), retryAfterMs: error.retryAfterMs }
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
      setFailure({ kind: 'internal', message: t('welcome.demoFailed', { error: errorMessage(error) }) })
    } finally {
      setBusy(null)
    }
  }

  return { baseUrl, setBaseUrl, apiKey, setApiKey, busy, failure, setFailure, connect, startDemo }
}
