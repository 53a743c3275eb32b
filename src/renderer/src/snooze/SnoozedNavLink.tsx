/** "Snoozed" under the views: how many are snoozed, and the Snoozed view in the list column. */
import { useTranslation } from 'react-i18next'
import { Badge, NavLink } from '@mantine/core'
import { IconAlarmSnooze } from '@tabler/icons-react'
import { snoozeUi, useSnoozeUi } from './snoozeUi'
import { useSnoozes } from './useSnoozes'

export function SnoozedNavLink() {
  const { t } = useTranslation()
  const { viewOpened } = useSnoozeUi()
  const snoozes = useSnoozes()
  const count = snoozes.data?.snoozes.length
  return (
    <NavLink
      component="button"
      label={t('snooze.view')}
      title={t('snooze.view')}
      leftSection={<IconAlarmSnooze size={18} aria-hidden />}
      rightSection={
        count === undefined ? null : (
          <Badge size="sm" variant={viewOpened ? 'filled' : 'default'} aria-label={t('views.count', { count })}>
            {count}
          </Badge>
        )
      }
      active={viewOpened}
      aria-current={viewOpened ? 'page' : undefined}
      onClick={snoozeUi.showView}
      data-view="snoozed"
    />
  )
}
