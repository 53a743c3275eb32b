/**
 * Main's language through the real core: the OS locale from the adapters, then the Settings choice, applied
 * at once (listeners told, the next notification in the new language), and back to the OS on "system".
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import de from '../../shared/i18n/catalogs/de.json'
import ptBR from '../../shared/i18n/catalogs/pt-BR.json'
import type { Locale } from '../../shared/i18n/locales'
import { createSessionStore } from '../account/secrets'
import { createNodeAdapters } from '../testing/node-adapters'
import { createMainCore } from '.'

const folders: string[] = []
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

function core(systemLocales: string[]) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'inbox-desk-locale-'))
  folders.push(userDataDir)
  const adapters = { ...createNodeAdapters({ userDataDir, keychain: createSessionStore() }), systemLocales }
  return createMainCore(adapters)
}

describe('main follows the UI language', () => {
  it('starts in the OS language and switches live with the setting', async () => {
    const main = core(['pt-BR', 'en-US'])
    expect(main.i18n.locale()).toBe('pt-BR')
    expect(main.i18n.t('tray.quit')).toBe(ptBR.tray.quit)
    const seen: Locale[] = []
    main.i18n.onChange((locale) => seen.push(locale))

    const result = await main.invoke('updateSettings', { locale: 'de' })
    expect(result.ok).toBe(true)
    expect(main.i18n.locale()).toBe('de')
    expect(main.i18n.t('tray.open')).toBe(de.tray.open)

    await main.invoke('updateSettings', { theme: 'dark' }) // not the language: nobody told
    await main.invoke('updateSettings', { locale: 'system' })
    expect(main.i18n.locale()).toBe('pt-BR')
    expect(seen).toEqual(['de', 'pt-BR'])
    await main.stop()
  })

  it('keeps the saved choice over the OS language on the next start', async () => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'inbox-desk-locale-'))
    folders.push(userDataDir)
    const adapters = {
      ...createNodeAdapters({ userDataDir, keychain: createSessionStore() }),
      systemLocales: ['en-US'],
    }
    const first = createMainCore(adapters)
    await first.invoke('updateSettings', { locale: 'ar' })
    await first.stop()
    const second = createMainCore(adapters)
    expect(second.i18n.locale()).toBe('ar')
    await second.stop()
  })
})
