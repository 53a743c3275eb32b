/**
 * What the account service holds (the session, the account's problem, the demo sandbox, the keychain
 * probe) and the steps every operation shares: probe the keychain once, stop the demo, forget the
 * previous account's key, and establish a session. connect.ts, demo-account.ts, restore.ts and
 * remove.ts are the operations; account-service.ts runs them one at a time.
 */
import { createHash } from 'node:crypto'
import type { AccountSummary, BridgeError, KeychainStatus } from '../../shared/ipc/contract'
import { createInboxClient } from '../api'
import type { AccountSession } from '../ports/inbox-engine'
import type { Logger, Redactor } from '../ports/logger'
import type { SecretStore } from '../ports/secret-store'
import { probeKeychain } from './secrets'
import type { AccountSettings, Settings } from './settings'

/** The running in-process sandbox behind the demo workspace. */
export interface DemoSandbox {
  url: string
  apiKey: string
  close(): Promise<void>
}

/** What the rest of main gets once an account is connected. */
export interface AccountServiceDeps {
  settings: Settings
  keychain: SecretStore
  sessionStore: SecretStore
  fetch: typeof fetch
  log: Logger
  /** Learns each key, so logs and bridge errors never show it. */
  redactor: Redactor
  startDemoSandbox(): Promise<DemoSandbox>
  /** Called after every change of the account or its problem (core emits appStateChanged). */
  onChange(): void
  /** Called when the connected session starts, changes or ends (the sync engine follows it). */
  onSession(session: AccountSession | null): Promise<void>
  /** For the verification call when connecting. */
  verifyTimeoutMs?: number
}

export interface AccountState {
  session: AccountSession | null
  /** Set when the saved account needs attention (a refused or missing key). */
  problem: BridgeError | null
  demo: DemoSandbox | null
  /** The probe's promise, so concurrent callers share one probe (it writes a test entry). */
  keychainProbe: Promise<KeychainStatus> | null
}

/** One account service's dependencies and state, handed to each operation. */
export interface AccountContext {
  deps: AccountServiceDeps
  state: AccountState
}

export function storeFor(ctx: AccountContext, account: AccountSettings): SecretStore {
  return account.keyStorage === 'keychain' ? ctx.deps.keychain : ctx.deps.sessionStore
}

export async function keychainStatus(ctx: AccountContext): Promise<KeychainStatus> {
  ctx.state.keychainProbe ??= probeKeychain(ctx.deps.keychain)
  return ctx.state.keychainProbe
}

/** The account changed its problem without changing its session: tell the core. */
export function setProblem(ctx: AccountContext, problem: BridgeError | null): void {
  ctx.state.problem = problem
  ctx.deps.onChange()
}

export async function stopDemo(ctx: AccountContext): Promise<void> {
  const running = ctx.state.demo
  ctx.state.demo = null
  if (running) {
    try {
      await running.close()
    } catch (error) {
      ctx.deps.log.warn('The demo sandbox did not stop cleanly.', error)
    }
  }
}

/** Forgets the previous account's key unless the new account reuses the same entry. */
export async function forgetPrevious(
  ctx: AccountContext,
  previous: AccountSettings | null,
  next: AccountSettings | null,
): Promise<void> {
  if (!previous) return
  const sameEntry = next && next.baseUrl === previous.baseUrl && next.keyStorage === previous.keyStorage
  if (!sameEntry) {
    try {
      await storeFor(ctx, previous).delete(previous.baseUrl)
    } catch (error) {
      ctx.deps.log.warn(
        `The previous key for ${new URL(previous.baseUrl).host} could not be deleted from the keychain.`,
        error,
      )
    }
  }
  if (previous.kind === 'demo' && next?.kind !== 'demo') await stopDemo(ctx)
}

/** The account is saved and its key known: start its session (the sync engine follows). */
export async function establish(
  ctx: AccountContext,
  account: AccountSettings,
  apiKey: string,
): Promise<AccountSummary> {
  const { deps, state } = ctx
  deps.redactor.addSecret(apiKey)
  const summary: AccountSummary = { ...account }
  const accountId = `${account.baseUrl}#${createHash('sha256').update(apiKey).digest('hex').slice(0, 16)}`
  const client = createInboxClient({ baseUrl: account.baseUrl, apiKey, fetch: deps.fetch, log: deps.log.child('api') })
  state.session = { account: summary, client, accountId }
  state.problem = null
  await deps.onSession(state.session)
  deps.onChange()
  return summary
}
