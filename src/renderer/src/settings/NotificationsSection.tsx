/** Settings → Notifications: what notifies, sound, do not disturb and quiet hours. */
import { Switch } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { NotificationSettings } from '../../../shared/ipc/contract'
import { DndSchedule } from './DndSchedule'

type Toggle = Exclude<keyof NotificationSettings, 'dndSchedule'>

/** Each switch and its label's catalog key. */
const toggles: { key: Toggle; label: `notify.${Toggle}` }[] = [
  { key: 'inboundMine', label: 'notify.inboundMine' },
  { key: 'inboundUnassigned', label: 'notify.inboundUnassigned' },
  { key: 'inboundAll', label: 'notify.inboundAll' },
  { key: 'assignedToMe', label: 'notify.assignedToMe' },
  { key: 'sound', label: 'notify.sound' },
  { key: 'doNotDisturb', label: 'notify.doNotDisturb' },
]

export function NotificationsSection({
  notifications,
  onChange,
}: {
  notifications: NotificationSettings
  onChange: (patch: Partial<NotificationSettings>) => void
}) {
  const { t } = useTranslation()
  return (
    <>
      {toggles.map(({ key, label }) => (
        <Switch
          key={key}
          label={t(label)}
          checked={notifications[key]}
          onChange={(event) => onChange({ [key]: event.currentTarget.checked })}
        />
      ))}
      <DndSchedule schedule={notifications.dndSchedule} onChange={(dndSchedule) => onChange({ dndSchedule })} />
    </>
  )
}
