/**
 * The account: connecting (a real call checks the key before anything is
 * saved), the demo workspace, restoring the saved account at start, and
 * removing it. The base URL goes to settings; the key goes to a SecretStore
 * (the OS keychain, or memory for this session) and nowhere else.
 *
 * This file holds the service's face and runs its operations one at a time;
 * each operation is its own file (connect.ts, demo-account.ts, restore.ts,
 * remove.ts), sharing the state and steps of account-state.ts.
 */
import { coded } from '../../shared/i18n/error-texts'
import type { AccountSummary, BridgeError, KeychainStatus } from '../../shared/ipc/contract'
import { BridgeFailure } from '../ports/errors'
import type { InboxApi } from '../ports/inbox-api'
import { keychainStatus, setProblem, stopDemo, type AccountContext, type AccountServiceDeps } from './account-state'
import { connectAccount, type ConnectArgs } from './connect'
import { startDemoAccount } from './demo-account'
import { removeAccount } from './remove'
import { restoreAccount } from './restore'

export type { AccountServiceDeps, DemoSandbox } from './account-state'

export interface AccountService {
  /** At start: reconnects the saved account, restarting the demo sandbox if it was the demo. */
  restore(): Promise<void>
  connect(args: ConnectArgs): Promise<AccountSummary>
  startDemo(): Promise<AccountSummary>
  remove(): Promise<null>
  summary(): AccountSummary | null
  /** Set when the saved account needs attention (a refused or missing key). */
  problem(): BridgeError | null
  keychainStatus(): Promise<KeychainStatus>
  /** The connected client; throws `no_account` when there is none. */
  client(): InboxApi
  /** Something outside this service found the account needs attention (the sync
   * engine got a 401): shown in AppState until the account changes. */
  reportProblem(problem: BridgeError): void
  /** Stops the demo sandbox; keeps the saved account. */
  stop(): Promise<void>
}

export function createAccountService(deps: AccountServiceDeps): AccountService {
  const ctx: AccountContext = {
    deps,
    state: { session: null, problem: null, demo: null, keychainProbe: null },
  }
  const { state } = ctx

  // Connect, demo, remove and restore change the same state: one at a time, in order.
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const result = queue.then(task, task)
    queue = result.catch(() => undefined) // the caller gets the error; the queue goes on
    return result
  }

  return {
    restore: () => serial(() => restoreAccount(ctx)),
    connect: (args) => serial(() => connectAccount(ctx, args)),
    startDemo: () => serial(() => startDemoAccount(ctx)),
    remove: () => serial(() => removeAccount(ctx)),
    summary() {
      if (state.session) return state.session.account
      // A saved account without a session (its key is missing): shown with its problem.
      const saved = deps.settings.getAccount()
      return saved ? { ...saved } : null
    },
    problem: () => state.problem,
    keychainStatus: () => keychainStatus(ctx),
    client() {
      if (!state.session) {
        // The account's own problem (its key is gone, say) says more than "none is connected".
        const problem = state.problem
        if (problem?.code) throw new BridgeFailure('no_account', { code: problem.code, values: problem.values })
        throw new BridgeFailure('no_account', coded('account.none'))
      }
      return state.session.client
    },
    reportProblem: (next) => setProblem(ctx, next),
    stop: () => serial(() => stopDemo(ctx)),
  }
}
