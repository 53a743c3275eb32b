// `npm run i18n:extract`: the keys the code passes to t() into every shipped catalog (src/shared/i18n/catalogs),
// with the plural forms each language needs. New keys arrive empty (the catalog test fails until they are
// written); values already there are kept. Keys built at run time (`views.${view}`, `empty.${view}`,
// `notify.${toggle}`) are invisible to the parser, hence keepRemoved. Main's words (src/main: notifications, the
// tray, dialogs) come from the same catalogs (src/main/i18n).
export default {
  locales: ['en', 'es', 'pt-BR', 'de', 'ar'],
  input: ['src/renderer/src/**/*.{ts,tsx}', 'src/main/**/*.ts', '!src/main/**/*.test.ts'],
  output: 'src/shared/i18n/catalogs/$LOCALE.json',
  defaultNamespace: 'translation',
  keySeparator: '.',
  namespaceSeparator: false,
  keepRemoved: true,
  sort: true,
  createOldCatalogs: false,
  defaultValue: '',
  indentation: 2,
  lexers: { ts: ['JavascriptLexer'], tsx: ['JsxLexer'] },
}
