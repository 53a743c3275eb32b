/**
 * Settings → Language: the spell checker's dictionaries, one or more of those Chromium offers, named in the UI
 * language. Until the agent picks, it follows the UI language (the setting stays `null`); removing every
 * language goes back to that. On macOS Chromium offers none: the system's spell checker is used.
 */
import { MultiSelect, Text } from '@mantine/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { resolveLocale } from '../../../shared/i18n/locales'
import { effectiveSpellCheckLanguages } from '../../../shared/i18n/spellcheck'
import type { RendererSettings, SettingsPatch } from '../../../shared/ipc/contract'

export function SpellCheckLanguages({
  settings,
  systemLocales,
  available,
  onChange,
}: {
  settings: RendererSettings
  systemLocales: readonly string[]
  available: readonly string[]
  onChange: (patch: SettingsPatch) => void
}) {
  const { t } = useTranslation()
  const locale = resolveLocale(settings.locale, systemLocales)
  const data = useMemo(() => {
    const names = new Intl.DisplayNames([locale], { type: 'language', languageDisplay: 'standard' })
    return available
      .map((tag) => ({ value: tag, label: names.of(tag) ?? tag }))
      .sort((a, b) => a.label.localeCompare(b.label, locale))
  }, [available, locale])
  if (available.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('settings.spellCheckSystem')}
      </Text>
    )
  }
  const value = effectiveSpellCheckLanguages(settings.spellCheckLanguages, locale, available)
  const following = settings.spellCheckLanguages === null
  return (
    <MultiSelect
      label={t('settings.spellCheck')}
      description={
        following
          ? `${t('settings.spellCheckHint')} ${value.length ? t('settings.spellCheckDefault') : t('settings.spellCheckNone')}`
          : t('settings.spellCheckHint')
      }
      data={data}
      value={value}
      searchable
      maxValues={8}
      comboboxProps={{ withinPortal: false }}
      onChange={(next) => onChange({ spellCheckLanguages: next.length > 0 ? next : null })}
      nothingFoundMessage={t('palette.nothingFound')}
    />
  )
}
