/** Settings → Who am I: the agent picks themselves among the teammates (or sees why the list did not load). */
import { Select } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { TeammatesLoadError } from '../assign/TeammatesLoadError'
import { useUsers } from '../bridge/queries'

export function WhoAmI({ meUserId, onPick }: { meUserId: string | null; onPick: (id: string | null) => void }) {
  const { t } = useTranslation()
  const users = useUsers()
  if (users.isError) {
    return <TeammatesLoadError error={users.error} retrying={users.isFetching} onRetry={() => void users.refetch()} />
  }
  return (
    <Select
      label={t('whoAmI.label')}
      placeholder={users.isPending ? t('whoAmI.loading') : t('whoAmI.pick')}
      disabled={users.isPending}
      searchable
      clearable
      value={meUserId}
      onChange={onPick}
      data={(users.data ?? []).map((user) => ({ value: user.id, label: user.displayName }))}
      nothingFoundMessage={t('assign.nobody')}
    />
  )
}
