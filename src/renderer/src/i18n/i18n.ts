/**
 * The renderer's i18next instance: every catalog bundled (no loading at run time, nothing remote under the
 * CSP), English as the fallback for a key a catalog lacks (the catalog test keeps that from shipping).
 */
import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { catalogs } from '../../../shared/i18n/catalogs'

export const i18n = i18next.createInstance()

void i18n.use(initReactI18next).init({
  resources: catalogs,
  lng: 'en',
  fallbackLng: 'en',
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  // A key a catalog has empty falls back to English instead of showing nothing.
  returnEmptyString: false,
  // Catalogs are bundled: init is synchronous, so the first render is already translated.
  initAsync: false,
})
