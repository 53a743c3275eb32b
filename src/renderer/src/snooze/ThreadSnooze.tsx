/** The open thread's Snooze button and picker: "Snooze", or "Snoozed until Tomorrow, 09:00" while it is. */
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { Conversation } from '../../../shared/api/schemas'
import { useFormat } from '../i18n/format'
import { useNow } from '../shell/useNow'
import { snoozeUi, useSnoozeUi } from './snoozeUi'
import { SnoozePicker } from './SnoozePicker'
import { useSnooze } from './useSnooze'
import { useSnoozedUntil } from './useSnoozes'
import { whenLabel } from './whenLabel'

export function ThreadSnooze({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation()
  const format = useFormat()
  const now = useNow(30_000)
  const { pickerOpened } = useSnoozeUi()
  const { snooze } = useSnooze()
  const until = useSnoozedUntil(conversation.id)
  // Closed with its thread: the next conversation opens with no picker showing.
  useEffect(() => () => snoozeUi.setPickerOpened(false), [conversation.id])
  return (
    <SnoozePicker
      opened={pickerOpened}
      onOpenedChange={snoozeUi.setPickerOpened}
      onSnooze={(untilMs) => void snooze(conversation.id, untilMs)}
      label={until === null ? undefined : t('snooze.snoozedUntil', { when: whenLabel(until, now, t, format) })}
    />
  )
}
