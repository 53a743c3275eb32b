/**
 * The UI languages Inbox Desk ships, and how an OS's preferred languages map onto them. Pure: main and the
 * renderer both use it (main for notifications and the tray, the renderer for everything on screen).
 */

export const supportedLocales = ['en', 'es', 'pt-BR', 'de', 'ar'] as const
export type Locale = (typeof supportedLocales)[number]

/** Each language in its own name, as a language picker shows it. */
export const localeNames: Record<Locale, string> = {
  en: 'English',
  es: 'Español',
  'pt-BR': 'Português (Brasil)',
  de: 'Deutsch',
  ar: 'العربية',
}

const rtlLocales: ReadonlySet<Locale> = new Set<Locale>(['ar'])

export function isRtl(locale: Locale): boolean {
  return rtlLocales.has(locale)
}

export function isSupportedLocale(value: string): value is Locale {
  return (supportedLocales as readonly string[]).includes(value)
}

/**
 * The first of the OS's preferred languages that we ship: an exact tag first (`pt-BR`), then its language
 * (`es-MX` → `es`, `pt-PT` → `pt-BR`, the one Portuguese we have, `ar-EG` → `ar`). English when none.
 */
export function matchLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const exact = supportedLocales.find((locale) => locale.toLowerCase() === tag.toLowerCase())
    if (exact) return exact
    const language = tag.toLowerCase().split(/[-_]/)[0]
    const byLanguage = supportedLocales.find((locale) => locale.toLowerCase().split('-')[0] === language)
    if (byLanguage) return byLanguage
  }
  return 'en'
}

/** The UI locale: the agent's choice in Settings, or the OS's when they left it on "system". */
export function resolveLocale(choice: Locale | 'system', systemLocales: readonly string[]): Locale {
  return choice === 'system' ? matchLocale(systemLocales) : choice
}
