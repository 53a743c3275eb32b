/**
 * What the composition root hands the inbox engine it builds (the live one,
 * ./live-inbox-engine.ts, or a test's): the shell's adapters and core's views
 * of the account, the settings and the window.
 */
import type { BridgeError, LocalDataNotice, RendererSettings } from '../../shared/ipc/contract'
import type { Translate } from '../i18n'
import type { InboxApi } from '../ports/inbox-api'
import type { Logger } from '../ports/logger'
import type { KeyValueStore, ShellAdapters } from '../ports/shell-adapters'
import type { AccountDatabases } from './account-database'

export interface InboxEngineDeps {
  adapters: ShellAdapters
  log: Logger
  /** `adapters.createStore`, plus core's handling of a corrupt file (moved aside, logged,
   * defaults used). Use this for the engine's own stores (sync state, outbox). */
  openStore<T extends Record<string, unknown>>(name: string, defaults: T): KeyValueStore<T>
  /** The accounts' local databases (one SQLite file per account in userData; tests: a temp folder). */
  databases: AccountDatabases
  /** The connected account's client; throws a `no_account` BridgeFailure when there is none. */
  getClient(): InboxApi
  /** The renderer settings of the moment (notification switches, meUserId). */
  getSettings(): RendererSettings
  /** The conversation the agent is looking at, if any. */
  getFocusedConversation(): string | null
  isWindowFocused(): boolean
  /** Main's i18n lookup, in the UI language of the moment (notifications). */
  t: Translate
  /** The key was refused while syncing: the account needs a new key. Shown in
   * AppState.accountProblem (and an appStateChanged event) until the account changes. */
  reportAccountProblem(problem: BridgeError): void
  /** Something about the account's local database the agent must be told once (AppState.localDataNotice). */
  reportLocalData(notice: LocalDataNotice): void
}
