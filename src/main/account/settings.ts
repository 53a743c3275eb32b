/**
 * The app's settings: one typed schema with defaults and migrations, kept in
 * an electron-store (conf in tests) file named `settings.json` in userData.
 *
 * What is in it: the account (kind, base URL, where its key lives — never the
 * key itself), the settings the renderer may change, and the window bounds.
 * Values that do not match the schema (an old version, a hand edit, a bug) are
 * repaired field by field to defaults, with a log line; never a crash.
 */
import { z } from 'zod'
import {
  rendererSettingsSchema,
  type CannedReply,
  type RendererSettings,
  type SettingsPatch,
} from '../../shared/ipc/contract'
import { defaultProxySettings } from '../../shared/network/proxy'
import type { KeyValueStore, WindowBounds } from '../ports/shell-adapters'
import type { Logger } from '../ports/logger'
import { englishCannedReplies } from './canned-seeds'

export const SETTINGS_STORE_NAME = 'settings'
export const SETTINGS_SCHEMA_VERSION = 1

export const accountSettingsSchema = z
  .object({
    kind: z.enum(['demo', 'remote']),
    /** Normalised: http(s), no trailing slash, no query. */
    baseUrl: z.url({ protocol: /^https?$/ }),
    keyStorage: z.enum(['keychain', 'session']),
  })
  // Strict: a stray `apiKey` field must never be accepted into the file.
  .strict()
export type AccountSettings = z.infer<typeof accountSettingsSchema>

export const windowBoundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200).max(20_000),
  height: z.number().int().min(200).max(20_000),
  maximized: z.boolean(),
})

/** The first-run examples in English (the file's default); a new install gets them in its UI language (app/index.ts). */
export const defaultCannedReplies: CannedReply[] = englishCannedReplies()

export const defaultRendererSettings: RendererSettings = {
  theme: 'system',
  locale: 'system',
  clock: 'system',
  meUserId: null,
  closeToTray: true,
  notifications: {
    inboundMine: true,
    inboundUnassigned: true,
    inboundAll: false,
    assignedToMe: true,
    sound: true,
    doNotDisturb: false,
    dndSchedule: { enabled: false, from: '17:00', to: '09:00' },
  },
  cannedReplies: defaultCannedReplies,
  spellCheckLanguages: null,
  proxy: defaultProxySettings,
  historyDays: 30,
  contactPanel: true,
}

export interface SettingsData extends Record<string, unknown> {
  schemaVersion: number
  account: AccountSettings | null
  renderer: RendererSettings
  windowBounds: WindowBounds | null
}

/** Pass as `defaults` to `new ElectronStore({ name: SETTINGS_STORE_NAME, defaults: settingsDefaults, clearInvalidConfig: true })`. */
export const settingsDefaults: SettingsData = {
  schemaVersion: SETTINGS_SCHEMA_VERSION,
  account: null,
  renderer: defaultRendererSettings,
  windowBounds: null,
}

/**
 * The whole file's shape. Deliberately NOT handed to electron-store as its
 * `schema`: electron-store throws on a file that fails its schema, and a bad
 * value must cost that value, not the app's start. `createSettings` checks it
 * field by field instead. `z.toJSONSchema(settingsFileSchema)` gives the JSON
 * Schema where one is wanted (docs, support tools).
 */
export const settingsFileSchema = z.object({
  schemaVersion: z.number().int().min(0),
  account: accountSettingsSchema.nullable(),
  renderer: rendererSettingsSchema,
  windowBounds: windowBoundsSchema.nullable(),
})

/** The options the shell (electron-store) and tests (conf, plus `projectName`/`cwd`/`configName`) open it with. */
export const settingsStoreOptions = {
  name: SETTINGS_STORE_NAME,
  defaults: settingsDefaults,
  // A file that is not JSON at all is emptied (core moves it aside first, with a log line).
  clearInvalidConfig: true,
} as const

/**
 * Migrations from version N-1 to N, by N. Each gets the raw file contents
 * (whatever an older version wrote) and changes them in place; the schema
 * check after them repairs whatever is still off. Add one when a field is
 * renamed or its meaning changes; adding a field with a default needs none.
 */
export type SettingsMigration = (raw: Record<string, unknown>) => void
export const settingsMigrations: Record<number, SettingsMigration> = {}

export interface Settings {
  getAccount(): AccountSettings | null
  setAccount(account: AccountSettings | null): void
  getRenderer(): RendererSettings
  /** Deep-merges `notifications`; other fields replace. Returns the result. */
  updateRenderer(patch: SettingsPatch): RendererSettings
  getWindowBounds(): WindowBounds | null
  setWindowBounds(bounds: WindowBounds): void
  readonly path: string
}

export function createSettings(
  store: KeyValueStore<SettingsData>,
  log: Logger,
  migrations: Record<number, SettingsMigration> = settingsMigrations,
): Settings {
  migrate(store, log, migrations)

  const account = readValid(store, 'account', accountSettingsSchema.nullable(), null, log)
  const renderer = repairRenderer(store.get('renderer'), log)
  const windowBounds = readValid(store, 'windowBounds', windowBoundsSchema.nullable(), null, log)
  // Write back what was repaired, so the file says what the app uses.
  store.set('account', account)
  store.set('renderer', renderer)
  store.set('windowBounds', windowBounds)

  let current = { account, renderer, windowBounds }

  return {
    path: store.path,
    getAccount: () => current.account,
    setAccount(next) {
      const parsed = accountSettingsSchema.nullable().parse(next)
      store.set('account', parsed)
      current = { ...current, account: parsed }
    },
    getRenderer: () => current.renderer,
    updateRenderer(patch) {
      const merged = rendererSettingsSchema.parse({
        ...current.renderer,
        ...patch,
        notifications: {
          ...current.renderer.notifications,
          ...patch.notifications,
          dndSchedule: patch.notifications?.dndSchedule ?? current.renderer.notifications.dndSchedule,
        },
      })
      store.set('renderer', merged)
      current = { ...current, renderer: merged }
      return merged
    },
    getWindowBounds: () => current.windowBounds,
    setWindowBounds(bounds) {
      const parsed = windowBoundsSchema.safeParse(bounds)
      if (!parsed.success) {
        log.warn(`Window bounds not saved: ${parsed.error.issues[0]?.message ?? 'invalid'}`, bounds)
        return
      }
      store.set('windowBounds', parsed.data)
      current = { ...current, windowBounds: parsed.data }
    },
  }
}

function migrate(store: KeyValueStore<SettingsData>, log: Logger, migrations: Record<number, SettingsMigration>) {
  const storedVersion = store.get('schemaVersion')
  let version = typeof storedVersion === 'number' && Number.isInteger(storedVersion) ? storedVersion : 0
  if (version > SETTINGS_SCHEMA_VERSION) {
    // A newer app wrote this file: read what we understand, write nothing we don't.
    log.warn(`Settings were written by a newer version (schema ${version}); unknown fields are ignored.`)
    return
  }
  if (version === SETTINGS_SCHEMA_VERSION) return
  const raw: Record<string, unknown> = {
    account: store.get('account'),
    renderer: store.get('renderer'),
    windowBounds: store.get('windowBounds'),
  }
  while (version < SETTINGS_SCHEMA_VERSION) {
    version++
    const step = migrations[version]
    if (step) {
      log.info(`Migrating settings to schema ${version}.`)
      step(raw)
    }
  }
  for (const key of ['account', 'renderer', 'windowBounds'] as const) {
    if (raw[key] !== undefined) store.set(key, raw[key] as never)
  }
  store.set('schemaVersion', SETTINGS_SCHEMA_VERSION)
}

function readValid<K extends 'account' | 'windowBounds'>(
  store: KeyValueStore<SettingsData>,
  key: K,
  schema: z.ZodType<SettingsData[K]>,
  fallback: SettingsData[K],
  log: Logger,
): SettingsData[K] {
  const value: unknown = store.get(key)
  if (value === undefined) return fallback
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  log.warn(
    `Settings: "${key}" was invalid (${issue?.path.join('.') || key}: ${issue?.message ?? 'invalid'}); reset to its default.`,
  )
  return fallback
}

/** Keeps every valid field of the renderer settings and defaults the others, so
 * one bad value (say a hand-edited theme) does not cost the agent their canned replies. */
function repairRenderer(value: unknown, log: Logger): RendererSettings {
  const whole = rendererSettingsSchema.safeParse(value)
  if (whole.success) return whole.data
  const raw = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
  const repaired: Record<string, unknown> = {}
  const reset: string[] = []
  const shape = rendererSettingsSchema.shape
  for (const field of Object.keys(shape) as (keyof RendererSettings)[]) {
    if (field === 'notifications') continue
    const parsed = shape[field].safeParse(raw[field])
    repaired[field] = parsed.success ? parsed.data : defaultRendererSettings[field]
    if (!parsed.success && raw[field] !== undefined) reset.push(field)
  }
  const rawNotifications =
    typeof raw.notifications === 'object' && raw.notifications !== null
      ? (raw.notifications as Record<string, unknown>)
      : {}
  const notificationShape = rendererSettingsSchema.shape.notifications.shape
  const notifications: Record<string, unknown> = {}
  for (const field of Object.keys(notificationShape) as (keyof typeof notificationShape)[]) {
    const parsed = notificationShape[field].safeParse(rawNotifications[field])
    notifications[field] = parsed.success ? parsed.data : defaultRendererSettings.notifications[field]
    if (!parsed.success && rawNotifications[field] !== undefined) reset.push(`notifications.${field}`)
  }
  repaired.notifications = notifications
  if (value !== undefined) {
    log.warn(
      `Settings: ${reset.length ? reset.join(', ') : 'the renderer settings'} reset to defaults (invalid values).`,
    )
  }
  return rendererSettingsSchema.parse(repaired)
}
