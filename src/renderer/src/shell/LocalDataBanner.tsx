/**
 * What happened to the inbox saved on this computer (AppState.localDataNotice), said once: a damaged file
 * rebuilt from the server (with the replies and drafts kept), or a file that cannot be written (the inbox then
 * lives in memory for this session), or an earlier version's drafts file that could not be read whole (its
 * legible drafts kept, the file set aside). Dismissed, it is gone until main has something new to say.
 */
import { Alert, Text } from '@mantine/core'
import { IconDatabaseExclamation } from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
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
  const { title, body } = wordsOf(notice, t)
  return (
    <Alert
      role="alert"
      color={notice.kind === 'unavailable' ? 'orange' : 'blue'}
      radius={0}
      icon={<IconDatabaseExclamation aria-hidden />}
      title={title}
      withCloseButton
      closeButtonLabel={t('common.dismiss')}
      onClose={() => void dismiss()}
    >
      <Text size="sm">{body}</Text>
    </Alert>
  )
}

function wordsOf(notice: LocalDataNotice, t: TFunction): { title: string; body: string } {
  switch (notice.kind) {
    case 'rebuilt':
      return {
        title: t('localData.rebuiltTitle'),
        body: t('localData.rebuiltBody', { replies: notice.keptReplies, drafts: notice.keptDrafts }),
      }
    case 'unavailable':
      return {
        title: t('localData.unavailableTitle'),
        body: `${t(`localData.reason.${notice.reason}`)} ${t('localData.unavailableBody')}`,
      }
    case 'draftsSetAside':
      return {
        title: t('localData.draftsSetAsideTitle'),
        body: t('localData.draftsSetAsideBody', { drafts: notice.keptDrafts, file: notice.movedTo }),
      }
  }
}
