/** Quiet hours: a daily do-not-disturb window, committed once both times are valid HH:MM. */
import { useState } from 'react'
import { Group, Stack, Switch, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { NotificationSettings } from '../../../shared/ipc/contract'

export function DndSchedule({
  schedule,
  onChange,
}: {
  schedule: NotificationSettings['dndSchedule']
  onChange: (schedule: NotificationSettings['dndSchedule']) => void
}) {
  const { t } = useTranslation()
  const [from, setFrom] = useState(schedule.from)
  const [to, setTo] = useState(schedule.to)
  const valid = (value: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value)
  const commit = (next: { from: string; to: string }) => {
    if (valid(next.from) && valid(next.to)) onChange({ ...schedule, ...next })
  }
  return (
    <Stack gap="xs">
      <Switch
        label={t('dnd.daily')}
        checked={schedule.enabled}
        onChange={(event) => onChange({ ...schedule, enabled: event.currentTarget.checked })}
      />
      <Group grow>
        <TextInput
          type="time"
          label={t('dnd.from')}
          value={from}
          disabled={!schedule.enabled}
          error={valid(from) ? undefined : t('dnd.invalid')}
          onChange={(event) => setFrom(event.currentTarget.value)}
          onBlur={() => commit({ from, to })}
        />
        <TextInput
          type="time"
          label={t('dnd.until')}
          value={to}
          disabled={!schedule.enabled}
          error={valid(to) ? undefined : t('dnd.invalid')}
          onChange={(event) => setTo(event.currentTarget.value)}
          onBlur={() => commit({ from, to })}
        />
      </Group>
    </Stack>
  )
}
