/**
 * What the snooze picker offers: in 1 hour, this evening, tomorrow 09:00, next Monday 09:00, each labelled with its
 * time in the local time zone ("Tomorrow, 09:00"), and a date and time of the agent's own. A time that has passed is
 * refused here (main refuses it again). Reusable on its own: the bulk bar puts it in its own popover.
 */
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, Divider, Stack, Text, TextInput } from '@mantine/core'
import { useFormat } from '../i18n/format'
import { localDateTimeValue, parseLocalDateTime, refusedTime, snoozePresets, type SnoozePresetKey } from './presets'

export function SnoozeChoices({ onSnooze, now }: { onSnooze: (untilMs: number) => void; now: number }) {
  const { t } = useTranslation()
  const format = useFormat()
  const presets = useMemo(() => snoozePresets(new Date(now)), [now])
  const label = (key: SnoozePresetKey, atMs: number) => t(`snooze.preset.${key}`, { time: format.time(atMs) })
  return (
    <Stack gap={4} role="group" aria-label={t('snooze.pickerLabel')}>
      <Text size="xs" fw={600} tt="uppercase" c="dimmed" px={4}>
        {t('snooze.pickerLabel')}
      </Text>
      {presets.map((preset) => (
        <Button
          key={preset.key}
          variant="subtle"
          justify="start"
          size="sm"
          data-snooze-preset={preset.key}
          onClick={() => onSnooze(preset.atMs)}
        >
          {label(preset.key, preset.atMs)}
        </Button>
      ))}
      <Divider my={4} />
      <CustomTime now={now} defaultAt={presets.find((p) => p.key === 'tomorrow')?.atMs ?? now} onSnooze={onSnooze} />
    </Stack>
  )
}

function CustomTime({ now, defaultAt, onSnooze }: { now: number; defaultAt: number; onSnooze: (at: number) => void }) {
  const { t } = useTranslation()
  const [value, setValue] = useState(() => localDateTimeValue(defaultAt))
  // Checked against the clock as the agent submits too, not only as the picker last ticked.
  const [checkedAt, setCheckedAt] = useState(now)
  const atMs = parseLocalDateTime(value)
  const refused = refusedTime(atMs, Math.max(now, checkedAt))
  const error = refused === 'past' ? t('snooze.past') : refused === 'invalid' ? t('snooze.invalid') : null
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault()
        const submittedAt = Date.now()
        setCheckedAt(submittedAt)
        if (atMs !== null && refusedTime(atMs, submittedAt) === null) onSnooze(atMs)
      }}
    >
      <Stack gap={6} px={4}>
        <TextInput
          type="datetime-local"
          size="sm"
          label={t('snooze.pick')}
          value={value}
          min={localDateTimeValue(now)}
          onChange={(event) => setValue(event.currentTarget.value)}
          error={error}
        />
        <Button type="submit" size="xs" disabled={error !== null}>
          {t('snooze.pickSubmit')}
        </Button>
      </Stack>
    </form>
  )
}
