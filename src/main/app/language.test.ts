/** The spell checker follows the settings and the UI language through the real core (settings on disk). */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createSessionStore } from '../account/secrets'
import { createNodeAdapters } from '../testing/node-adapters'
import { createMainCore } from '.'

const folders: string[] = []
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

/** What Chromium would get: every setSpellCheckerLanguages call, in order. */
function build(userDataDir: string, systemLocales: string[], available = ['de-DE', 'en-US', 'es', 'pt-BR']) {
  const calls: string[][] = []
  const adapters = {
    ...createNodeAdapters({ userDataDir, keychain: createSessionStore() }),
    systemLocales,
    spellChecker: { available, setLanguages: (languages: readonly string[]) => void calls.push([...languages]) },
  }
  return { core: createMainCore(adapters), calls }
}

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'inbox-desk-spell-'))
  folders.push(dir)
  return dir
}

describe('spell-check languages', () => {
  it('start as the UI language, follow a language switch, then the agent’s choice', async () => {
    const { core, calls } = build(folder(), ['pt-BR'])
    expect(calls).toEqual([['pt-BR']])
    await core.invoke('updateSettings', { locale: 'de' })
    expect(calls.at(-1)).toEqual(['de-DE'])
    await core.invoke('updateSettings', { spellCheckLanguages: ['en-US', 'pt-BR'] })
    expect(calls.at(-1)).toEqual(['en-US', 'pt-BR'])
    await core.invoke('updateSettings', { locale: 'es' }) // a choice made stays made
    await core.invoke('updateSettings', { theme: 'dark' })
    expect(calls).toEqual([['pt-BR'], ['de-DE'], ['en-US', 'pt-BR']])
    const state = await core.invoke('getAppState', undefined)
    expect(state.ok && state.value).toMatchObject({ availableSpellCheckLanguages: ['de-DE', 'en-US', 'es', 'pt-BR'] })
    await core.stop()
  })

  it('persist across a restart', async () => {
    const dir = folder()
    const first = build(dir, ['en-US'])
    await first.core.invoke('updateSettings', { spellCheckLanguages: ['es'] })
    await first.core.stop()
    const second = build(dir, ['en-US'])
    expect(second.calls).toEqual([['es']])
    await second.core.stop()
  })

  it('refuses a malformed choice and an empty one, saying so', async () => {
    const { core, calls } = build(folder(), ['en-US'])
    for (const bad of [['en_US; rm'], [], Array.from({ length: 9 }, () => 'en-US')]) {
      const result = await core.invoke('updateSettings', { spellCheckLanguages: bad })
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error.kind).toBe('invalid_argument')
    }
    expect(calls).toEqual([['en-US']])
    await core.stop()
  })
})
