// Main's translations: other folders import them from here, never from its files.
export { createMainI18n, type MainI18n, type Translate } from './main-i18n'
