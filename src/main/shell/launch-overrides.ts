/**
 * The environment variables the end-to-end harness (tests/e2e/harness.ts)
 * uses to give each launch its own profile and keychain entry, and to switch
 * on the recorders of ./e2e-hooks.ts. A packaged app honours none of them: a
 * shipped Inbox Desk must not let an environment variable move its profile,
 * its key or open a path into its internals. The hooks are also compiled
 * into the test build only (`npm run build:e2e`, see electron.vite.config.ts).
 * No electron import here, so ./launch-overrides.test.ts runs it under vitest.
 */

export interface LaunchOverrides {
  /** Replaces Electron's userData folder (settings, outbox, sync state, logs). */
  userDataDir?: string
  /** The keychain entry's service name instead of "Inbox Desk". */
  keychainService?: string
  /** Install ./e2e-hooks.ts (real Electron under the harness). */
  e2eHooks: boolean
  /** INBOX_DESK_E2E_UPDATES=1 in the test build: the update logic treats this run as an updatable install, so
   * the specs can drive the stand-in electron-updater (tests/e2e/updates.spec.ts). */
  updatesAsInstalled: boolean
}

export function readLaunchOverrides(
  env: Readonly<Record<string, string | undefined>>,
  context: { isPackaged: boolean; e2eBuild: boolean },
): LaunchOverrides {
  if (context.isPackaged || env.INBOX_DESK_E2E !== '1') return { e2eHooks: false, updatesAsInstalled: false }
  return {
    userDataDir: env.INBOX_DESK_USER_DATA_DIR || undefined,
    keychainService: env.INBOX_DESK_KEYCHAIN_SERVICE || undefined,
    e2eHooks: context.e2eBuild && env.INBOX_DESK_E2E_HOOKS === '1',
    updatesAsInstalled: context.e2eBuild && env.INBOX_DESK_E2E_UPDATES === '1',
  }
}
