/**
 * The bulk batch on screen (src/main/bulk runs it): started from the selection, followed by its `bulkStatus`
 * events (the newest revision wins: an answer can arrive after a later event), and the agent's Cancel, Retry,
 * Undo and Close. Undo starts a new batch, which is then the one on screen.
 */
import { useCallback, useEffect, useMemo, useState } from 'react'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import type { BulkAction } from '../../../shared/ipc/bulk'
import type { BulkStatus } from '../../../shared/ipc/contract'
import { call, errorMessage, hasBridge, subscribe } from '../bridge/client'

type Statuses = Readonly<Record<string, BulkStatus>>

/** `status` kept unless a newer revision of its batch is there already. */
function kept(all: Statuses, status: BulkStatus): Statuses {
  const have = all[status.batchId]
  if (have && have.revision >= status.revision) return all
  return { ...all, [status.batchId]: status }
}

export function useBulkBatch() {
  const { t } = useTranslation()
  const [statuses, setStatuses] = useState<Statuses>({})
  const [currentId, setCurrentId] = useState<string | null>(null)

  useEffect(() => {
    if (!hasBridge()) return
    return subscribe('bulkStatus', (status) => setStatuses((all) => kept(all, status)))
  }, [])

  /** Runs a bridge call that answers a batch's status; that batch is then the one shown. */
  const run = useCallback(async (request: () => Promise<BulkStatus>, failure: string): Promise<boolean> => {
    try {
      const status = await request()
      // Only this batch is kept from now on (its events may have come before the answer).
      setStatuses((all) => {
        const next = kept(all, status)
        return { [status.batchId]: next[status.batchId]! }
      })
      setCurrentId(status.batchId)
      return true
    } catch (error) {
      notifications.show({ color: 'red', title: failure, message: errorMessage(error) })
      return false
    }
  }, [])

  const start = useCallback(
    (action: BulkAction, chatIds: readonly string[]) =>
      run(() => call('startBulkAction', { action, chatIds: [...chatIds] }), t('bulk.startFailed')),
    [run, t],
  )
  const onCurrent = useCallback(
    (channel: 'cancelBulkAction' | 'retryBulkAction' | 'undoBulkAction') => {
      if (currentId) void run(() => call(channel, { batchId: currentId }), t('bulk.actionFailed'))
    },
    [currentId, run, t],
  )
  const current = currentId ? (statuses[currentId] ?? null) : null
  return useMemo(
    () => ({
      current,
      start,
      cancel: () => onCurrent('cancelBulkAction'),
      retry: () => onCurrent('retryBulkAction'),
      undo: () => onCurrent('undoBulkAction'),
      dismiss: () => {
        setCurrentId(null)
        setStatuses({})
      },
    }),
    [current, start, onCurrent],
  )
}

export type BulkBatch = ReturnType<typeof useBulkBatch>
