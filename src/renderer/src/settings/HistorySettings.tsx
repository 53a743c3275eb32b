/**
 * Settings → Offline history: how many days of messages main downloads in the background (src/main/backfill),
 * so that threads open without waiting and can be read and searched offline. The choices are the contract's
 * (`historyDaysChoices`); main checks the value again.
 */
import { Select, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { historyDaysChoices, type HistoryDays } from '../../../shared/ipc/contract'
import { SettingsSection } from './SettingsSection'

export function HistorySettings({ days, onChange }: { days: HistoryDays; onChange: (days: HistoryDays) => void }) {
  const { t } = useTranslation()
  const label = (choice: HistoryDays) => {
    if (choice === 0) return t('settings.historyOff')
    if (choice === 365) return t('settings.historyYear')
    return t('settings.historyDaysChoice', { count: choice })
  }
  return (
    <SettingsSection title={t('settings.history')}>
      <Text size="sm" c="dimmed">
        {t('settings.historyHint')}
      </Text>
      <Select
        label={t('settings.historyDays')}
        value={String(days)}
        allowDeselect={false}
        data={historyDaysChoices.map((choice) => ({ value: String(choice), label: label(choice) }))}
        onChange={(value) => {
          const choice = historyDaysChoices.find((c) => String(c) === value)
          if (choice !== undefined) onChange(choice)
        }}
      />
    </SettingsSection>
  )
}
