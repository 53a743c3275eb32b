/**
 * The demo workspace as an account: the bundled sandbox (./demo-sandbox.ts) started on demand or at
 * start when it was the saved account, its key kept for the session only.
 */
import { coded } from '../../shared/i18n/error-texts'
import type { AccountSummary } from '../../shared/ipc/contract'
import { BridgeFailure, codedBridgeError } from '../ports/errors'
import { establish, forgetPrevious, setProblem, stopDemo, type AccountContext, type DemoSandbox } from './account-state'
import type { AccountSettings } from './settings'

const detailOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

export async function startDemoAccount(ctx: AccountContext): Promise<AccountSummary> {
  const { deps, state } = ctx
  const current = deps.settings.getAccount()
  if (current?.kind === 'demo' && state.demo && state.session) return state.session.account
  let sandbox: DemoSandbox
  try {
    sandbox = await deps.startDemoSandbox()
  } catch (error) {
    deps.log.error('The demo workspace could not start.', error)
    throw new BridgeFailure('internal', coded('demo.notStarted'), { detail: detailOf(error) })
  }
  const account: AccountSettings = { kind: 'demo', baseUrl: sandbox.url, keyStorage: 'session' }
  await forgetPrevious(ctx, current, account)
  await stopDemo(ctx)
  state.demo = sandbox
  await deps.sessionStore.set(account.baseUrl, sandbox.apiKey)
  deps.settings.setAccount(account)
  deps.log.info(`Demo workspace running at ${sandbox.url}.`)
  return establish(ctx, account, sandbox.apiKey)
}

/** At start, the saved account was the demo: start a new sandbox (on a new port) and reconnect to it. */
export async function restoreDemoAccount(ctx: AccountContext, account: AccountSettings): Promise<void> {
  const { deps, state } = ctx
  try {
    const sandbox = await deps.startDemoSandbox()
    state.demo = sandbox
    // The sandbox picks a free port each time: the URL moves with it.
    const restarted: AccountSettings = { ...account, baseUrl: sandbox.url }
    await deps.sessionStore.set(restarted.baseUrl, sandbox.apiKey)
    deps.settings.setAccount(restarted)
    await establish(ctx, restarted, sandbox.apiKey)
  } catch (error) {
    deps.log.error('The demo workspace could not start.', error)
    setProblem(ctx, codedBridgeError('internal', coded('demo.broken'), { detail: detailOf(error) }))
  }
}
