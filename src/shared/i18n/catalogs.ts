/**
 * Every shipped catalog, bundled (no loading at run time). One namespace, keys grouped by screen
 * (`thread.archive`). Keys are extracted from the code by `npm run i18n:extract` (i18next-parser); values are
 * written by hand; `catalogs.test.ts` fails on a key missing or empty in any catalog. Uncertain translations
 * are listed in `review.md` beside this file.
 */
import ar from './catalogs/ar.json'
import de from './catalogs/de.json'
import en from './catalogs/en.json'
import es from './catalogs/es.json'
import ptBR from './catalogs/pt-BR.json'
import type { Locale } from './locales'

export type Catalog = typeof en

export const catalogs: Record<Locale, { translation: Catalog | Record<string, unknown> }> = {
  en: { translation: en },
  es: { translation: es },
  'pt-BR': { translation: ptBR },
  de: { translation: de },
  ar: { translation: ar },
}
