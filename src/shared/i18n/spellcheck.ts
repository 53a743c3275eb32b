/**
 * Which dictionaries Chromium's spell checker uses. The agent picks one or more in Settings; until they do
 * (`null`), it follows the UI language. Chromium names its Hunspell dictionaries by BCP 47 tag (`en-US`,
 * `pt-BR`, `de-DE`, `es`); only those it offers (`session.availableSpellCheckerLanguages`) can be set. On macOS
 * it offers none: the system's own spell checker works by itself, and the choice is kept as it is.
 */
import type { Locale } from './locales'

/** The region Chromium's list most likely has for a UI language without one. */
const preferredRegion: Partial<Record<string, string>> = { en: 'en-US', de: 'de-DE', es: 'es-ES', ar: 'ar' }

/** The dictionary for the UI language: the same tag, the usual region, then any of that language; none if
 * Chromium has no dictionary for it (Arabic, in its Hunspell list). */
export function defaultSpellCheckLanguages(locale: Locale, available: readonly string[]): string[] {
  const byLower = new Map(available.map((tag) => [tag.toLowerCase(), tag]))
  const language = locale.toLowerCase().split('-')[0]!
  const exact = byLower.get(locale.toLowerCase()) ?? byLower.get(preferredRegion[language]?.toLowerCase() ?? '')
  if (exact) return [exact]
  const sameLanguage = byLower.get(language) ?? available.find((tag) => tag.toLowerCase().startsWith(`${language}-`))
  return sameLanguage ? [sameLanguage] : []
}

/** What to hand `setSpellCheckerLanguages`: the choice (only what Chromium offers), or the UI language's. */
export function effectiveSpellCheckLanguages(
  chosen: readonly string[] | null,
  locale: Locale,
  available: readonly string[],
): string[] {
  if (chosen === null) return defaultSpellCheckLanguages(locale, available)
  if (available.length === 0) return [...chosen]
  const offered = new Set(available)
  return chosen.filter((tag) => offered.has(tag))
}
