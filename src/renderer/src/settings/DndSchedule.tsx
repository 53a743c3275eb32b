/** Quiet hours: a daily do-not-disturb window, committed once both times are valid HH:MM. */
import { useState } from 'react'
import { Group, Stack, Switch, TextInput } from '@mantine/core'
import type { NotificationSettings } from '../../../shared/ipc/contract'

export function DndSchedule({
  schedule,
  onChange,
}: {
  schedule: NotificationSettings['dndSchedule']
  onChange: (schedule: NotificationSettings['dndSchedule']) => void
}) {
  const [from, setFrom] = useState(schedule.from)
  const [to, setTo] = useState(schedule.to)
  const valid = (value: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value)
  const commit = (next: { from: string; to: string }) => {
    if (valid(next.from) && valid(next.to)) onChange({ ...schedule, ...next })
  }
  return (
    <Stack gap="xs">
      <Switch
        label="Quiet hours every day"
        checked={schedule.enabled}
        onChange={(event) => onChange({ ...schedule, enabled: event.currentTarget.checked })}
      />
      <Group grow>
        <TextInput
          type="time"
          label="Quiet from"
          value={from}
          disabled={!schedule.enabled}
          error={valid(from) ? undefined : 'A time as HH:MM'}
          onChange={(event) => setFrom(event.currentTarget.value)}
          onBlur={() => commit({ from, to })}
        />
        <TextInput
          type="time"
          label="Quiet until"
          value={to}
          disabled={!schedule.enabled}
          error={valid(to) ? undefined : 'A time as HH:MM'}
          onChange={(event) => setTo(event.currentTarget.value)}
          onBlur={() => commit({ from, to })}
        />
      </Group>
    </Stack>
  )
}
