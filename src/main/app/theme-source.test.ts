/**
 * Settings → Theme reaches what main draws itself (ShellAdapters.setThemeSource, nativeTheme.themeSource in
 * the app): at start, before the window shows anything, and on each change, so the recovery page, native menus
 * and dialogs are dark for an agent who chose Dark on a light OS. The choice is kept over a restart.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import type { ThemePreference } from '../../shared/ipc/contract'
import { createKeychainStore } from '../account/secrets'
import { createNodeAdapters } from '../testing/node-adapters'
import { createMainCore } from '.'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function start(userDataDir: string) {
  const sources: ThemePreference[] = []
  const keychain = createKeychainStore({ loadKeytar: async () => Promise.reject(new Error('no keychain here')) })
  const adapters = {
    ...createNodeAdapters({ userDataDir, keychain }),
    setThemeSource: (theme: ThemePreference) => void sources.push(theme),
  }
  return { core: createMainCore(adapters), sources }
}

it('hands the theme to the shell at start and on each change, and again after a restart', async () => {
  const userDataDir = mkdtempSync(join(tmpdir(), 'inbox-desk-theme-'))
  dirs.push(userDataDir)
  const first = start(userDataDir)
  await first.core.start()
  expect(first.sources).toEqual(['system'])
  expect((await first.core.invoke('updateSettings', { theme: 'dark' })).ok).toBe(true)
  expect(first.sources.at(-1)).toBe('dark')
  expect((await first.core.invoke('updateSettings', { theme: 'light' })).ok).toBe(true)
  expect(first.sources.at(-1)).toBe('light')
  await first.core.stop()

  const again = start(userDataDir)
  await again.core.start()
  expect(again.sources).toEqual(['light'])
  await again.core.stop()
})
