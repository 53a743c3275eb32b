/** Main's lookup on the shipped catalogs: the locale it resolves, plurals (Arabic's six forms), the live switch. */
import { describe, expect, it } from 'vitest'
import ar from '../../shared/i18n/catalogs/ar.json'
import de from '../../shared/i18n/catalogs/de.json'
import en from '../../shared/i18n/catalogs/en.json'
import { createMainI18n } from './main-i18n'

describe('createMainI18n', () => {
  it('follows the OS when the setting is "system", and the setting otherwise', () => {
    expect(createMainI18n({ systemLocales: ['pt-PT', 'en-US'], preference: 'system' }).locale()).toBe('pt-BR')
    expect(createMainI18n({ systemLocales: ['fr-FR'], preference: 'system' }).locale()).toBe('en')
    expect(createMainI18n({ systemLocales: ['pt-BR'], preference: 'de' }).locale()).toBe('de')
  })

  it('looks words up in the catalog of its locale', () => {
    const i18n = createMainI18n({ systemLocales: ['de-DE'], preference: 'system' })
    expect(i18n.t('tray.quit')).toBe(de.tray.quit)
    expect(i18n.t('tray.quit')).not.toBe(en.tray.quit)
  })

  it('picks the plural form the language needs', () => {
    const english = createMainI18n({ systemLocales: [], preference: 'en' })
    expect(english.t('notify.more', { count: 1, preview: 'Hi' })).toBe('Hi (+1 more)')
    expect(english.t('notify.more', { count: 3, preview: 'Hi' })).toBe('Hi (+3 more)')
    const arabic = createMainI18n({ systemLocales: [], preference: 'ar' })
    expect(arabic.t('notify.more', { count: 2, preview: 'x' })).toBe(ar.notify.more_two.replace('{{preview}}', 'x'))
    expect(arabic.t('notify.more', { count: 5, preview: 'x' })).toBe(
      ar.notify.more_few.replace('{{preview}}', 'x').replace('{{count}}', '5'),
    )
    expect(arabic.t('notify.more', { count: 11, preview: 'x' })).toBe(
      ar.notify.more_many.replace('{{preview}}', 'x').replace('{{count}}', '11'),
    )
  })

  it('switches live when the setting changes, telling its listeners once per real change', () => {
    const i18n = createMainI18n({ systemLocales: ['en-GB'], preference: 'system' })
    const t = i18n.t // taken before the switch: still follows it
    const seen: string[] = []
    const stop = i18n.onChange((locale) => seen.push(locale))
    expect(t('tray.open')).toBe(en.tray.open)
    i18n.setPreference('de')
    expect(t('tray.open')).toBe(de.tray.open)
    i18n.setPreference('de')
    i18n.setPreference('system')
    expect(t('tray.open')).toBe(en.tray.open)
    stop()
    i18n.setPreference('ar')
    expect(seen).toEqual(['de', 'en'])
    expect(t('tray.open')).toBe(ar.tray.open)
  })
})
