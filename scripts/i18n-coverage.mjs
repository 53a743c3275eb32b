// `node scripts/i18n-coverage.mjs`: how many keys the shipped catalogs have and how much of each is written.
// A key is English's (plural keys counted once); a catalog covers it when every plural form its language uses
// (Intl.PluralRules) has a non-empty value. Also counts the strings src/shared/i18n/review.md lists.
import { readFileSync } from 'node:fs'

const locales = ['en', 'es', 'pt-BR', 'de', 'ar']
const PLURAL = /_(zero|one|two|few|many|other)$/
const flatten = (tree, prefix = '') =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[prefix + key, value]] : flatten(value, `${prefix}${key}.`),
  )
const read = (locale) =>
  new Map(flatten(JSON.parse(readFileSync(new URL(`../src/shared/i18n/catalogs/${locale}.json`, import.meta.url)))))

const english = read('en')
const bases = [...new Set([...english.keys()].map((key) => key.replace(PLURAL, '')))]
const plural = new Set([...english.keys()].filter((key) => PLURAL.test(key)).map((key) => key.replace(PLURAL, '')))
console.log(`${bases.length} keys (${plural.size} with plural forms), ${english.size} English strings`)
for (const locale of locales) {
  const catalog = read(locale)
  const forms = new Intl.PluralRules(locale).resolvedOptions().pluralCategories
  const written = (key) => Boolean(catalog.get(key)?.trim())
  const covered = bases.filter((base) =>
    plural.has(base) ? forms.every((form) => written(`${base}_${form}`)) : written(base),
  )
  const percent = ((100 * covered.length) / bases.length).toFixed(1)
  console.log(`${locale.padEnd(6)} ${covered.length}/${bases.length} keys (${percent} %), ${catalog.size} strings`)
}
const review = readFileSync(new URL('../src/shared/i18n/review.md', import.meta.url), 'utf8')
// The table's rows, less its header and separator.
const rows = review
  .split('\n')
  .filter((line) => line.startsWith('|'))
  .slice(2)
console.log(`${rows.length} entries marked for review in src/shared/i18n/review.md`)
