/** Settings → Notifications: what notifies, sound, do not disturb and quiet hours. */
import { Switch } from '@mantine/core'
import type { NotificationSettings } from '../../../shared/ipc/contract'
import { DndSchedule } from './DndSchedule'

type Toggle = Exclude<keyof NotificationSettings, 'dndSchedule'>

const toggles: { key: Toggle; label: string }[] = [
  { key: 'inboundMine', label: 'New messages in my conversations' },
  { key: 'inboundUnassigned', label: 'New messages in unassigned conversations' },
  { key: 'inboundAll', label: 'New messages in all conversations' },
  { key: 'assignedToMe', label: 'A conversation is assigned to me' },
  { key: 'sound', label: 'Play a sound' },
  { key: 'doNotDisturb', label: 'Do not disturb' },
]

export function NotificationsSection({
  notifications,
  onChange,
}: {
  notifications: NotificationSettings
  onChange: (patch: Partial<NotificationSettings>) => void
}) {
  return (
    <>
      {toggles.map(({ key, label }) => (
        <Switch
          key={key}
          label={label}
          checked={notifications[key]}
          onChange={(event) => onChange({ [key]: event.currentTarget.checked })}
        />
      ))}
      <DndSchedule schedule={notifications.dndSchedule} onChange={(dndSchedule) => onChange({ dndSchedule })} />
    </>
  )
}
