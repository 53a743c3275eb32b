/**
 * Main's own words (notifications, the tray, native dialogs) in the UI language, from the same catalogs the
 * renderer uses (src/shared/i18n). The locale is the agent's choice in Settings, or the OS's preferred
 * languages (the shell passes them in `ShellAdapters.systemLocales`) when they left it on "system"; a change of
 * the setting applies at once, and listeners (the tray) rebuild what they show.
 */
import i18next from 'i18next'
import { catalogs } from '../../shared/i18n/catalogs'
import { type Locale, resolveLocale } from '../../shared/i18n/locales'

/** A lookup in the current locale: `t('tray.quit')`, `t('tray.tooltip', { count })`. */
export type Translate = (key: string, values?: Record<string, unknown>) => string

export interface MainI18n {
  /** Always in the locale of the moment (not fixed when taken). */
  readonly t: Translate
  locale(): Locale
  /** The Settings choice changed (`system` follows the OS). */
  setPreference(choice: Locale | 'system'): void
  /** Called after the locale actually changed; returns the unsubscribe function. */
  onChange(listener: (locale: Locale) => void): () => void
}

export function createMainI18n(options: { systemLocales: readonly string[]; preference: Locale | 'system' }): MainI18n {
  const instance = i18next.createInstance()
  let current = resolveLocale(options.preference, options.systemLocales)
  void instance.init({
    resources: catalogs,
    lng: current,
    fallbackLng: 'en',
    // Notifications and menus are plain text, never HTML: nothing to escape.
    interpolation: { escapeValue: false },
    returnEmptyString: false,
    // Bundled catalogs: init is synchronous, the first t() is already translated.
    initAsync: false,
  })
  const listeners = new Set<(locale: Locale) => void>()
  return {
    t: (key, values) => instance.t(key, values ?? {}) as string,
    locale: () => current,
    setPreference(choice) {
      const next = resolveLocale(choice, options.systemLocales)
      if (next === current) return
      current = next
      void instance.changeLanguage(next)
      for (const listener of listeners) listener(next)
    },
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
