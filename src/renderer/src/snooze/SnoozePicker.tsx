/**
 * The snooze picker: a "Snooze" button that opens the choices (./SnoozeChoices.tsx) in a popover. `Z`, the
 * palette and the thread header open it for the open conversation; the bulk bar can use it (or the choices alone)
 * for a whole selection. It hands back the chosen instant; the caller snoozes (./useSnooze.ts for one conversation).
 */
import { useTranslation } from 'react-i18next'
import { Button, Popover } from '@mantine/core'
import { IconAlarmSnooze } from '@tabler/icons-react'
import { useNow } from '../shell/useNow'
import { SnoozeChoices } from './SnoozeChoices'

export function SnoozePicker({
  opened,
  onOpenedChange,
  onSnooze,
  label,
  disabled = false,
}: {
  opened: boolean
  onOpenedChange: (opened: boolean) => void
  onSnooze: (untilMs: number) => void
  /** The button's text (default "Snooze"; a bulk bar may say "Snooze 12"). */
  label?: string
  disabled?: boolean
}) {
  const { t } = useTranslation()
  return (
    <Popover opened={opened} onChange={onOpenedChange} position="bottom-end" width={280} shadow="md" trapFocus>
      <Popover.Target>
        <Button
          size="xs"
          variant="default"
          disabled={disabled}
          leftSection={<IconAlarmSnooze size={16} aria-hidden />}
          onClick={() => onOpenedChange(!opened)}
          aria-haspopup="dialog"
          aria-expanded={opened}
        >
          {label ?? t('snooze.button')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        {opened && (
          <OpenChoices
            onSnooze={(untilMs) => {
              onOpenedChange(false)
              onSnooze(untilMs)
            }}
          />
        )}
      </Popover.Dropdown>
    </Popover>
  )
}

/** Mounted while open: the presets follow the clock (a picker left open over the hour moves on). */
function OpenChoices({ onSnooze }: { onSnooze: (untilMs: number) => void }) {
  const now = useNow(15_000)
  return <SnoozeChoices now={now} onSnooze={onSnooze} />
}
