/**
 * Main's coded sentences against the catalogs: every code has `errors.<code>` in all five, English there is
 * exactly main's text (so the renderer's English and the log say the same), and the placeholders agree.
 */
import { describe, expect, it } from 'vitest'
import { catalogs } from './catalogs'
import { coded, codeOfEnglish, englishText, errorCodes, errorTexts, fillPlaceholders } from './error-texts'
import { supportedLocales } from './locales'

function lookup(tree: unknown, key: string): unknown {
  let node = tree
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part]
  return node
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort()

describe('main’s coded sentences', () => {
  it.each(supportedLocales)('every code has a written errors.<code> in %s, with the same placeholders', (locale) => {
    for (const code of errorCodes) {
      const value = lookup(catalogs[locale].translation, `errors.${code}`)
      expect(typeof value === 'string' && value.trim() !== '', `${locale}: errors.${code}`).toBe(true)
      expect(placeholders(value as string), `${locale}: errors.${code}`).toEqual(placeholders(errorTexts[code]))
    }
  })

  it('English in the catalog is exactly main’s text', () => {
    for (const code of errorCodes) {
      expect(lookup(catalogs.en.translation, `errors.${code}`), code).toBe(errorTexts[code])
    }
  })

  it('a coded value is put in its place: in English for main, in the UI language from the catalogs', () => {
    const text = coded('api.unreachable', {
      host: 'api.example.com',
      during: coded('during.sendReply'),
      reason: coded('network.refused'),
    })
    expect(englishText(text)).toBe(
      'Could not reach api.example.com while sending a reply: the connection was refused (are the address and port ' +
        'right, and is the server running?). Check the address and your connection.',
    )
    // The renderer's i18next does the same with the catalogs (bridge/client.ts errorMessage); here, the German.
    const t = (key: string, values: Record<string, string> = {}) =>
      fillPlaceholders(lookup(catalogs.de.translation, key) as string, values)
    const german = t('errors.api.unreachable', {
      host: 'api.example.com',
      during: t('errors.during.sendReply'),
      reason: t('errors.network.refused'),
    })
    expect(german).toBe(
      'api.example.com war beim Senden einer Antwort nicht erreichbar: die Verbindung wurde abgelehnt (stimmen ' +
        'Adresse und Port, und läuft der Server?). Prüfen Sie die Adresse und Ihre Verbindung.',
    )
  })

  it('a zod message written as one of these sentences is found by its English', () => {
    expect(codeOfEnglish('Enter the API key')).toBe('validation.apiKey')
    expect(codeOfEnglish('Too small: expected string to have >=1 characters')).toBeUndefined()
  })
})
