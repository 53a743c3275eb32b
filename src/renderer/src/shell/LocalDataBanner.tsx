/**
 * What happened to the inbox saved on this computer (AppState.localDataNotice), said once: a damaged file
 * rebuilt from the server (with the replies and drafts kept), or a file that cannot be written (the inbox then
 * lives in memory for this session). Dismissed, it is gone until main has something new to say.
 */
import { Alert, Text } from '@mantine/core'
import { IconDatabaseExclamation } from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { LocalDataNotice } from '../../../shared/ipc/contract'
import { call, errorMessage } from '../bridge/client'
import { queryKeys } from '../bridge/queries'

export function LocalDataBanner({ notice }: { notice: LocalDataNotice | null }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  if (!notice) return null
  const dismiss = () =>
    call('dismissLocalDataNotice')
      .then(() => queryClient.invalidateQueries({ queryKey: queryKeys.appState }))
      .catch((error: unknown) => console.warn(`Could not dismiss the local data notice: ${errorMessage(error)}`))
  const rebuilt = notice.kind === 'rebuilt'
  return (
    <Alert
      role="alert"
      color={rebuilt ? 'blue' : 'orange'}
      radius={0}
      icon={<IconDatabaseExclamation aria-hidden />}
      title={rebuilt ? t('localData.rebuiltTitle') : t('localData.unavailableTitle')}
      withCloseButton
      closeButtonLabel={t('common.dismiss')}
      onClose={() => void dismiss()}
    >
      <Text size="sm">
        {rebuilt
          ? t('localData.rebuiltBody', { replies: notice.keptReplies, drafts: notice.keptDrafts })
          : `${t(`localData.reason.${notice.reason}`)} ${t('localData.unavailableBody')}`}
      </Text>
    </Alert>
  )
}
