import { describe, expect, it } from 'vitest'
import { supportedLocales } from '../../shared/i18n/locales'
import { createMainI18n } from '../i18n'
import { cannedReplySchema } from '../../shared/ipc/contract'
import { englishCannedReplies, seededCannedReplies } from './canned-seeds'
import { defaultCannedReplies } from './settings'

const translator = (locale: (typeof supportedLocales)[number]) =>
  createMainI18n({ systemLocales: [], preference: locale }).t

describe('the first-run canned replies', () => {
  it.each(supportedLocales)('are written in %s, and each passes the contract (ASCII shortcut, a reply)', (locale) => {
    const seeds = seededCannedReplies(translator(locale))
    expect(seeds).toHaveLength(4)
    for (const seed of seeds) expect(cannedReplySchema.safeParse(seed).success, seed.shortcut).toBe(true)
    expect(new Set(seeds.map((seed) => seed.shortcut)).size).toBe(4)
    if (locale !== 'en') {
      // Really translated: no text is the English one.
      const english = seededCannedReplies(translator('en')).map((seed) => seed.text)
      expect(seeds.filter((seed) => english.includes(seed.text))).toEqual([])
    }
  })

  it('in English are the settings file’s default', () => {
    expect(defaultCannedReplies).toEqual(seededCannedReplies(translator('en')))
    expect(englishCannedReplies()).toEqual(defaultCannedReplies)
    expect(defaultCannedReplies[0]).toEqual({
      shortcut: 'thanks',
      text: 'Thank you for reaching out! Is there anything else I can help you with?',
    })
  })
})
