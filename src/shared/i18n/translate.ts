/**
 * A tiny catalog lookup for text main shows itself, outside the renderer's i18next (the window's crash recovery
 * page; notifications and the tray may use it too): the same catalogs (./catalogs), English for a key a catalog
 * lacks, `{{name}}` placeholders. No plurals: give such text a sentence that needs none, or use i18next.
 */
import { catalogs } from './catalogs'
import type { Locale } from './locales'

export type Translate = (key: string, values?: Record<string, string | number>) => string

function lookup(locale: Locale, key: string): string | undefined {
  let node: unknown = catalogs[locale].translation
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined
    node = (node as Record<string, unknown>)[part]
  }
  return typeof node === 'string' && node !== '' ? node : undefined
}

/** `t(key, values)` in `locale`; the key itself when no catalog has it (the catalog test keeps that from shipping). */
export function translator(locale: Locale): Translate {
  return (key, values = {}) => {
    const text = lookup(locale, key) ?? lookup('en', key) ?? key
    return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole))
  }
}
