/**
 * Test support: the live inbox engine as the app's own tests build it, over Node adapters in a temp
 * userData folder and a sandbox harness client. Each test overrides only what it watches (settings,
 * focus, what is reported), so the rest of the deps stay one list that follows InboxEngineDeps.
 */
import { defaultRendererSettings } from '../../account/settings'
import { createMainI18n } from '../../i18n'
import { silentLogger } from '../../log'
import type { InboxApi } from '../../ports/inbox-api'
import type { AccountSession } from '../../ports/inbox-engine'
import type { NodeAdapters } from '../../testing/node-adapters'
import type { SandboxHarness } from '../../testing/sandbox-harness'
import { userDataDatabases } from '../account-database'
import type { InboxEngineDeps } from '../inbox-engine-deps'
import type { LiveInboxEngineOptions } from '../live-account'

export function liveEngineDeps(
  base: { adapters: NodeAdapters; dir: string; client: InboxApi },
  overrides: Partial<InboxEngineDeps> = {},
): InboxEngineDeps {
  const { adapters, dir, client } = base
  return {
    adapters,
    log: silentLogger,
    openStore: (name, defaults) => adapters.createStore(name, defaults),
    databases: userDataDatabases(dir),
    getClient: () => client,
    getSettings: () => defaultRendererSettings,
    getFocusedConversation: () => null,
    isWindowFocused: () => false,
    reportLocalData: () => undefined,
    reportAccountProblem: () => undefined,
    t: createMainI18n({ systemLocales: ['en-US'], preference: 'system' }).t,
    ...overrides,
  }
}

/** Polls every 100 ms, focused or not, so a test sees each sync soon. */
export const FAST_SYNC: LiveInboxEngineOptions = { sync: { intervals: { focusedMs: 100, backgroundMs: 100 } } }

/** A remote account on the sandbox as connecting makes it; `tag` keeps each test file's account id (and so
 * its database file) apart. */
export function sandboxSession(harness: SandboxHarness, client: InboxApi, tag: string): AccountSession {
  return {
    account: { kind: 'remote', baseUrl: harness.sandbox.url, keyStorage: 'keychain' },
    client,
    accountId: `${harness.sandbox.url}#${tag}`,
  }
}
