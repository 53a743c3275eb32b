/** Settings → Language: the UI language (or the system's), the 12/24-hour clock and the spell checker's
 * languages; all apply at once. */
import { Select } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { localeNames, matchLocale, supportedLocales } from '../../../shared/i18n/locales'
import type { RendererSettings, SettingsPatch } from '../../../shared/ipc/contract'
import { SpellCheckLanguages } from './SpellCheckLanguages'

export function LanguageSettings({
  settings,
  systemLocales,
  availableSpellCheckLanguages,
  onChange,
}: {
  settings: RendererSettings
  systemLocales: readonly string[]
  availableSpellCheckLanguages: readonly string[]
  onChange: (patch: SettingsPatch) => void
}) {
  const { t } = useTranslation()
  return (
    <>
      <Select
        label={t('settings.language')}
        value={settings.locale}
        allowDeselect={false}
        comboboxProps={{ withinPortal: false }}
        onChange={(value) => value && onChange({ locale: value as RendererSettings['locale'] })}
        data={[
          {
            value: 'system',
            label: t('settings.languageSystem', { language: localeNames[matchLocale(systemLocales)] }),
          },
          ...supportedLocales.map((locale) => ({ value: locale, label: localeNames[locale] })),
        ]}
      />
      <Select
        label={t('settings.clock')}
        value={settings.clock}
        allowDeselect={false}
        comboboxProps={{ withinPortal: false }}
        onChange={(value) => value && onChange({ clock: value as RendererSettings['clock'] })}
        data={[
          { value: 'system', label: t('settings.clockSystem') },
          { value: '24h', label: t('settings.clock24') },
          { value: '12h', label: t('settings.clock12') },
        ]}
      />
      <SpellCheckLanguages
        settings={settings}
        systemLocales={systemLocales}
        available={availableSpellCheckLanguages}
        onChange={onChange}
      />
    </>
  )
}
