/**
 * The UI language as main applies it: its own words (../i18n) and the spell checker's dictionaries, both from
 * the renderer settings and the OS languages, both following a settings change at once.
 */
import type { RendererSettings } from '../../shared/ipc/contract'
import { effectiveSpellCheckLanguages } from '../../shared/i18n/spellcheck'
import { createMainI18n, type MainI18n } from '../i18n'
import type { Logger } from '../ports/logger'
import type { ShellAdapters } from '../ports/shell-adapters'

export interface Language {
  readonly i18n: MainI18n
  /** Every settings update: the locale and the spell-check choice may have changed. */
  settingsChanged(settings: RendererSettings): void
}

export function createLanguage(
  adapters: Pick<ShellAdapters, 'systemLocales' | 'spellChecker'>,
  initial: RendererSettings,
  log: Logger,
): Language {
  const i18n = createMainI18n({ systemLocales: adapters.systemLocales, preference: initial.locale })
  let applied: string | null = null
  const applySpellCheck = (settings: RendererSettings) => {
    const checker = adapters.spellChecker
    if (!checker) return
    const languages = effectiveSpellCheckLanguages(settings.spellCheckLanguages, i18n.locale(), checker.available)
    // Chromium reloads dictionaries on every call: only when the list really changes.
    if (languages.join() === applied) return
    applied = languages.join()
    try {
      checker.setLanguages(languages)
      log.info(`Spell checker languages: ${applied || 'none for this language'}.`)
    } catch (error) {
      log.warn('The spell checker refused its languages; it keeps the previous ones.', error)
    }
  }
  applySpellCheck(initial)
  return {
    i18n,
    settingsChanged(settings) {
      i18n.setPreference(settings.locale)
      applySpellCheck(settings)
    },
  }
}
