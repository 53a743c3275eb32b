/**
 * Settings over a real `conf` store in a temporary folder: defaults, repair of
 * invalid values (field by field, with a log line), migrations, and that the
 * account can never carry a key into the file.
 */
import Conf from 'conf'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { KeyValueStore } from '../ports/shell-adapters'
import { createLogger, createMemorySink } from '../log'
import {
  createSettings,
  defaultRendererSettings,
  settingsFileSchema,
  SETTINGS_SCHEMA_VERSION,
  SETTINGS_STORE_NAME,
  settingsDefaults,
  type SettingsData,
} from './settings'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function openConf(dir?: string) {
  const cwd = dir ?? mkdtempSync(join(tmpdir(), 'inbox-desk-settings-'))
  if (!dir) dirs.push(cwd)
  const conf = new Conf<SettingsData>({
    projectName: 'inbox-desk-test',
    cwd,
    configName: SETTINGS_STORE_NAME,
    defaults: settingsDefaults as never,
    clearInvalidConfig: true,
  })
  return { conf, store: conf as unknown as KeyValueStore<SettingsData>, cwd }
}

function logged() {
  const sink = createMemorySink()
  return { log: createLogger(sink), lines: sink.lines }
}

describe('settings', () => {
  it('starts from the documented defaults', () => {
    const { store } = openConf()
    const settings = createSettings(store, logged().log)
    expect(settings.getAccount()).toBeNull()
    const renderer = settings.getRenderer()
    expect(renderer).toMatchObject({ theme: 'system', meUserId: null, closeToTray: true })
    expect(renderer.notifications).toEqual({
      inboundMine: true,
      inboundUnassigned: true,
      inboundAll: false,
      assignedToMe: true,
      sound: true,
      doNotDisturb: false,
      dndSchedule: { enabled: false, from: '17:00', to: '09:00' },
    })
    expect(renderer.cannedReplies.map((r) => r.shortcut)).toEqual(expect.arrayContaining(['thanks', 'refund', 'hours']))
    expect(settings.getWindowBounds()).toBeNull()
    expect(settingsFileSchema.parse(JSON.parse(readFileSync(settings.path, 'utf8')))).toBeTruthy()
  })

  it('saves the account and reads it back after reopening', () => {
    const { store, cwd } = openConf()
    createSettings(store, logged().log).setAccount({
      kind: 'remote',
      baseUrl: 'https://api.example.com/v1',
      keyStorage: 'keychain',
    })
    const reopened = createSettings(openConf(cwd).store, logged().log)
    expect(reopened.getAccount()).toEqual({
      kind: 'remote',
      baseUrl: 'https://api.example.com/v1',
      keyStorage: 'keychain',
    })
  })

  it('refuses an account carrying a key, so one can never reach the file', () => {
    const { store, cwd } = openConf()
    const settings = createSettings(store, logged().log)
    expect(() =>
      settings.setAccount({
        kind: 'remote',
        baseUrl: 'https://api.example.com',
        keyStorage: 'keychain',
        apiKey: 'leaked',
      } as never),
    ).toThrow()
    expect(readFileSync(join(cwd, 'settings.json'), 'utf8')).not.toContain('leaked')
  })

  it('repairs invalid values field by field, keeps the valid ones, and logs it', () => {
    const { conf, cwd } = openConf()
    conf.set('renderer', {
      ...defaultRendererSettings,
      theme: 'purple',
      cannedReplies: [{ shortcut: 'mine', text: 'My own canned reply' }],
      notifications: { ...defaultRendererSettings.notifications, sound: 'loud', inboundAll: true },
    } as never)
    conf.set('account', { kind: 'remote', baseUrl: 'ftp://nope', keyStorage: 'keychain' } as never)
    conf.set('windowBounds', { x: 1 } as never)
    const { log, lines } = logged()
    const settings = createSettings(openConf(cwd).store, log)
    const renderer = settings.getRenderer()
    expect(renderer.theme).toBe('system')
    expect(renderer.cannedReplies).toEqual([{ shortcut: 'mine', text: 'My own canned reply' }])
    expect(renderer.notifications.sound).toBe(true)
    expect(renderer.notifications.inboundAll).toBe(true)
    expect(settings.getAccount()).toBeNull()
    expect(settings.getWindowBounds()).toBeNull()
    const warnings = lines.filter((l) => l.level === 'warn').map((l) => l.line)
    expect(warnings.join('\n')).toMatch(/theme/)
    expect(warnings.join('\n')).toMatch(/notifications\.sound/)
    expect(warnings.join('\n')).toMatch(/"account" was invalid/)
    // The repaired values are what the file says now.
    expect(JSON.parse(readFileSync(join(cwd, 'settings.json'), 'utf8')).renderer.theme).toBe('system')
  })

  it('a renderer value that is not even an object is replaced by the defaults', () => {
    const { conf, cwd } = openConf()
    conf.set('renderer', 'garbage' as never)
    const settings = createSettings(openConf(cwd).store, logged().log)
    expect(settings.getRenderer()).toEqual(defaultRendererSettings)
  })

  it('updateRenderer deep-merges notifications and validates', () => {
    const settings = createSettings(openConf().store, logged().log)
    const next = settings.updateRenderer({ notifications: { sound: false }, closeToTray: false })
    expect(next.notifications.sound).toBe(false)
    expect(next.notifications.inboundMine).toBe(true)
    expect(next.closeToTray).toBe(false)
    expect(() => settings.updateRenderer({ theme: 'neon' as never })).toThrow()
    expect(settings.getRenderer().theme).toBe('system')
  })

  it('runs migrations from an older schema version, then repairs', () => {
    const { conf, cwd } = openConf()
    conf.set('schemaVersion', 0)
    conf.set('renderer', { colourScheme: 'dark' } as never)
    const settings = createSettings(openConf(cwd).store, logged().log, {
      [SETTINGS_SCHEMA_VERSION]: (raw) => {
        const old = raw.renderer as { colourScheme?: string }
        raw.renderer = { ...defaultRendererSettings, theme: old.colourScheme }
      },
    })
    expect(settings.getRenderer().theme).toBe('dark')
    expect(JSON.parse(readFileSync(join(cwd, 'settings.json'), 'utf8')).schemaVersion).toBe(SETTINGS_SCHEMA_VERSION)
  })

  it('ignores window bounds that make no sense', () => {
    const { log, lines } = logged()
    const settings = createSettings(openConf().store, log)
    settings.setWindowBounds({ x: 0, y: 0, width: 5, height: 5, maximized: false })
    expect(settings.getWindowBounds()).toBeNull()
    expect(lines.some((l) => /Window bounds not saved/.test(l.line))).toBe(true)
  })
})
