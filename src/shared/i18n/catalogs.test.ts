/**
 * The guard for the catalogs: every key English has is in every shipped catalog (plural keys in each form the
 * language's plural rules use), no value is empty, and a translation uses the same {{placeholders}}.
 */
import { describe, expect, it } from 'vitest'
import { catalogs } from './catalogs'
import { isRtl, supportedLocales } from './locales'

const PLURAL = /_(zero|one|two|few|many|other)$/

function flatten(tree: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of flatten(value as Record<string, unknown>, path)) out.set(k, v)
  }
  return out
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)/g)].map((match) => match[1]!).sort()
}

const english = flatten(catalogs.en.translation)
const pluralBases = new Set([...english.keys()].filter((key) => PLURAL.test(key)).map((key) => key.replace(PLURAL, '')))
const singularKeys = [...english.keys()].filter((key) => !PLURAL.test(key))

describe.each(supportedLocales)('the %s catalog', (locale) => {
  const catalog = flatten(catalogs[locale].translation)
  const forms = new Intl.PluralRules(locale).resolvedOptions().pluralCategories

  it('has every key, none empty', () => {
    const expected = [...singularKeys, ...[...pluralBases].flatMap((base) => forms.map((form) => `${base}_${form}`))]
    expect(expected.filter((key) => !catalog.get(key)?.trim())).toEqual([])
  })

  it('has no key the code no longer uses', () => {
    const known = (key: string) => english.has(key) || pluralBases.has(key.replace(PLURAL, ''))
    expect([...catalog.keys()].filter((key) => !known(key))).toEqual([])
  })

  it('keeps the placeholders English has', () => {
    const differing = singularKeys.filter(
      (key) => catalog.has(key) && placeholders(catalog.get(key)!).join() !== placeholders(english.get(key)!).join(),
    )
    expect(differing).toEqual([])
  })
})

describe('the German catalog', () => {
  it('speaks to the agent with the formal «Sie», never du/dich/dir/dein', () => {
    const informal = /\b(du|dich|dir|dein|deine|deinen|deinem|deiner|deines|euch|euer|eure)\b/i
    const german = flatten(catalogs.de.translation)
    expect([...german].filter(([, value]) => informal.test(value)).map(([key]) => key)).toEqual([])
  })
})

describe.each(supportedLocales.filter(isRtl))('the right-to-left %s catalog', (locale) => {
  it('isolates addresses, host patterns, ranges, /shortcuts and key combinations left to right (LRI…PDI), so they do not read scrambled', () => {
    // A Latin run ending in neutrals ("http://", "(*.example.com)") takes the paragraph's direction at its ends:
    // shown as "//:http". An isolate keeps it whole; the placeholders ({{host}}) are isolated where they are shown.
    // A canned reply's "/{{shortcut}}" and a key combination ("Shift+Enter") likewise.
    const technical =
      /(?:[a-z0-9]+:\/\/[^\s،,()\u2069]*|\*\.[a-z.]*[a-z]|\d+\.\d+\.\d+\.\d+\/\d+|<local>|\/\{\{shortcut\}\}|[A-Z][a-z]+\+[A-Z][a-z]+)/g
    const bare = [...flatten(catalogs[locale].translation)].filter(([, value]) =>
      [...value.matchAll(technical)].some((match) => value[match.index - 1] !== '\u2066'),
    )
    expect(bare.map(([key]) => key)).toEqual([])
  })
})
