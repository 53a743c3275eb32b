/**
 * The account: connecting (a real call checks the key before anything is
 * saved), the demo workspace, restoring the saved account at start, and
 * removing it. The base URL goes to settings; the key goes to a SecretStore
 * (the OS keychain, or memory for this session) and nowhere else.
 */
import { createHash } from 'node:crypto'
import type { AccountSummary, BridgeError, KeychainStatus } from '../../shared/ipc/contract'
import { createInboxClient, DEFAULT_RETRY, describeNetworkError, plainHttpProblem } from '../api'
import { ApiError, type InboxApi } from '../ports/inbox-api'
import { BridgeFailure } from '../ports/errors'
import type { AccountSession } from '../ports/inbox-engine'
import type { Logger, Redactor } from '../ports/logger'
import { KeychainError, probeKeychain } from './secrets'
import type { SecretStore } from '../ports/secret-store'
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

export interface AccountService {
  /** At start: reconnects the saved account, restarting the demo sandbox if it was the demo. */
  restore(): Promise<void>
  connect(args: { baseUrl: string; apiKey: string; keyStorage: 'keychain' | 'session' }): Promise<AccountSummary>
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

/**
 * What the agent typed → `https://host[:port][/prefix]`. A missing scheme means
 * https. Anything else than http(s), credentials in the URL, or no host gets a
 * sentence saying what to fix.
 */
export function normaliseUserBaseUrl(input: string): string {
  const trimmed = input.trim()
  const withScheme = /^[a-z][a-z\d+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`
  let url: URL
  try {
    url = new URL(withScheme)
  } catch {
    // URL's own error text ("Invalid URL") says nothing the agent can act on.
    throw new BridgeFailure(
      'invalid_argument',
      `“${trimmed.slice(0, 200)}” is not a web address. Enter the API address, for example https://api.example.com.`,
    )
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new BridgeFailure(
      'invalid_argument',
      `The API address must start with https:// (or http:// for a local server), not ${url.protocol}//.`,
    )
  }
  const insecure = plainHttpProblem(url)
  if (insecure) throw new BridgeFailure('invalid_argument', insecure)
  if (url.username || url.password) {
    throw new BridgeFailure(
      'invalid_argument',
      'The API address must not contain a user name or password. Put the key in the API key field.',
    )
  }
  if (!url.hostname) {
    throw new BridgeFailure(
      'invalid_argument',
      'The API address has no host name. Enter it as https://api.example.com.',
    )
  }
  const path = url.pathname.replace(/\/+$/, '')
  return `${url.protocol}//${url.host}${path}`
}

/** The verification call's failure, phrased for the connect form. */
function explainVerificationFailure(error: unknown, host: string): Error {
  if (!(error instanceof ApiError)) return error instanceof Error ? error : new Error(String(error))
  const extra = { detail: error.details.serverMessage ?? error.details.networkCode ?? error.details.operation }
  switch (error.kind) {
    case 'unauthorized':
      return new BridgeFailure(
        'unauthorized',
        `The key was refused by ${host}. Check that you copied the whole key and that it belongs to this account.`,
        extra,
      )
    case 'network':
      return new BridgeFailure(
        'network',
        `Could not reach ${host}: ${describeNetworkError(error.details.networkCode, error)}. Check the address and your connection.`,
        extra,
      )
    case 'timeout':
      return new BridgeFailure(
        'timeout',
        `${host} did not answer in time. Check the address, or try again when the server responds.`,
        extra,
      )
    case 'not_found':
    case 'invalid_response':
    case 'bad_request':
      return new BridgeFailure(
        'invalid_response',
        `${host} answered, but not like an Inbox API. Check the address: it should be the API's base URL, such as https://api.example.com/v1.`,
        { detail: error.message },
      )
    default:
      return error
  }
}

export function createAccountService(deps: AccountServiceDeps): AccountService {
  const { settings, keychain, sessionStore, log, redactor } = deps
  let session: AccountSession | null = null
  let problem: BridgeError | null = null
  let demo: DemoSandbox | null = null
  // The probe's promise, so concurrent callers share one probe (it writes a test entry).
  let keychainProbe: Promise<KeychainStatus> | null = null

  // Connect, demo, remove and restore change the same state: one at a time, in order.
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const result = queue.then(task, task)
    queue = result.catch(() => undefined) // the caller gets the error; the queue goes on
    return result
  }

  const makeClient = (baseUrl: string, apiKey: string) =>
    createInboxClient({ baseUrl, apiKey, fetch: deps.fetch, log: log.child('api') })

  const storeFor = (account: AccountSettings) => (account.keyStorage === 'keychain' ? keychain : sessionStore)

  async function keychainStatus(): Promise<KeychainStatus> {
    keychainProbe ??= probeKeychain(keychain)
    return keychainProbe
  }

  async function stopDemo(): Promise<void> {
    const running = demo
    demo = null
    if (running) {
      try {
        await running.close()
      } catch (error) {
        log.warn('The demo sandbox did not stop cleanly.', error)
      }
    }
  }

  /** Forgets the previous account's key unless the new account reuses the same entry. */
  async function forgetPrevious(previous: AccountSettings | null, next: AccountSettings | null): Promise<void> {
    if (!previous) return
    const sameEntry = next && next.baseUrl === previous.baseUrl && next.keyStorage === previous.keyStorage
    if (!sameEntry) {
      try {
        await storeFor(previous).delete(previous.baseUrl)
      } catch (error) {
        log.warn(
          `The previous key for ${new URL(previous.baseUrl).host} could not be deleted from the keychain.`,
          error,
        )
      }
    }
    if (previous.kind === 'demo' && next?.kind !== 'demo') await stopDemo()
  }

  async function establish(account: AccountSettings, apiKey: string): Promise<AccountSummary> {
    redactor.addSecret(apiKey)
    const summary: AccountSummary = { ...account }
    const accountId = `${account.baseUrl}#${createHash('sha256').update(apiKey).digest('hex').slice(0, 16)}`
    session = { account: summary, client: makeClient(account.baseUrl, apiKey), accountId }
    problem = null
    await deps.onSession(session)
    deps.onChange()
    return summary
  }

  async function connect(args: {
    baseUrl: string
    apiKey: string
    keyStorage: 'keychain' | 'session'
  }): Promise<AccountSummary> {
    const apiKey = args.apiKey.trim()
    redactor.addSecret(apiKey)
    // An HTTP header takes visible ASCII only; anything else is a copy-paste accident.
    if (!/^[\x21-\x7e]+$/.test(apiKey)) {
      throw new BridgeFailure(
        'invalid_argument',
        'The API key contains spaces, line breaks or characters that cannot be part of a key. Copy it again from your provider.',
      )
    }
    const baseUrl = normaliseUserBaseUrl(args.baseUrl)
    const host = new URL(baseUrl).host

    // Verify before saving anything: a cheap real call (nothing changed since now).
    const probe = createInboxClient({
      baseUrl,
      apiKey,
      fetch: deps.fetch,
      timeoutMs: deps.verifyTimeoutMs ?? 15_000,
      retry: { ...DEFAULT_RETRY, attempts: 2 },
      log: log.child('api'),
    })
    try {
      await probe.listConversations({ dateFrom: new Date().toISOString() })
    } catch (error) {
      throw explainVerificationFailure(error, host)
    }

    if (args.keyStorage === 'keychain') {
      // Probe again if it failed before: the agent may have unlocked or started the keyring since.
      if ((await keychainStatus()).available === false) keychainProbe = null
      const status = await keychainStatus()
      if (!status.available) {
        throw new BridgeFailure(
          'keychain_unavailable',
          `The key works, but the system keychain cannot keep it. ${status.reason ?? 'No keychain is available.'} You can keep the key for this session only; you will enter it again next time.`,
        )
      }
      try {
        await keychain.set(baseUrl, apiKey)
      } catch (error) {
        const reason = error instanceof KeychainError ? error.reason : String(error)
        keychainProbe = Promise.resolve({
          available: false,
          reason: `The system keychain could not save the key: ${reason}.`,
        })
        throw new BridgeFailure(
          'keychain_unavailable',
          `The key works, but the system keychain could not save it (${reason}). You can keep the key for this session only; you will enter it again next time.`,
        )
      }
    } else {
      await sessionStore.set(baseUrl, apiKey)
    }

    const account: AccountSettings = { kind: 'remote', baseUrl, keyStorage: args.keyStorage }
    const previous = settings.getAccount()
    await forgetPrevious(previous, account)
    settings.setAccount(account)
    log.info(`Connected to ${host}; the key is kept in the ${args.keyStorage === 'keychain' ? 'keychain' : 'session'}.`)
    return establish(account, apiKey)
  }

  async function startDemo(): Promise<AccountSummary> {
    const current = settings.getAccount()
    if (current?.kind === 'demo' && demo && session) return session.account
    let sandbox: DemoSandbox
    try {
      sandbox = await deps.startDemoSandbox()
    } catch (error) {
      log.error('The demo workspace could not start.', error)
      throw new BridgeFailure(
        'internal',
        'The demo workspace could not start. Try again; if it keeps failing, report it.',
        {
          detail: error instanceof Error ? error.message : String(error),
        },
      )
    }
    const account: AccountSettings = { kind: 'demo', baseUrl: sandbox.url, keyStorage: 'session' }
    await forgetPrevious(current, account)
    await stopDemo()
    demo = sandbox
    await sessionStore.set(account.baseUrl, sandbox.apiKey)
    settings.setAccount(account)
    log.info(`Demo workspace running at ${sandbox.url}.`)
    return establish(account, sandbox.apiKey)
  }

  async function remove(): Promise<null> {
    const account = settings.getAccount()
    let keychainFailure: unknown = null
    if (account) {
      await sessionStore.delete(account.baseUrl)
      if (account.keyStorage === 'keychain') {
        try {
          await keychain.delete(account.baseUrl)
        } catch (error) {
          keychainFailure = error
        }
      }
    }
    settings.setAccount(null)
    await stopDemo()
    session = null
    problem = null
    await deps.onSession(null)
    deps.onChange()
    if (keychainFailure) {
      log.error('The account was removed but its key could not be deleted from the keychain.', keychainFailure)
      throw new BridgeFailure(
        'keychain_unavailable',
        `The account was removed, but its key could not be deleted from the system keychain (${keychainFailure instanceof Error ? keychainFailure.message : String(keychainFailure)}). Delete the “Inbox Desk” entry in your keychain app.`,
      )
    }
    log.info('Account removed.')
    return null
  }

  async function restore(): Promise<void> {
    await keychainStatus()
    const account = settings.getAccount()
    if (!account) return
    const host = new URL(account.baseUrl).host

    if (account.kind === 'demo') {
      try {
        const sandbox = await deps.startDemoSandbox()
        demo = sandbox
        // The sandbox picks a free port each time: the URL moves with it.
        const restarted: AccountSettings = { ...account, baseUrl: sandbox.url }
        await sessionStore.set(restarted.baseUrl, sandbox.apiKey)
        settings.setAccount(restarted)
        await establish(restarted, sandbox.apiKey)
      } catch (error) {
        log.error('The demo workspace could not start.', error)
        problem = {
          kind: 'internal',
          message: 'The demo workspace could not start. Remove it in Settings and start it again.',
          detail: error instanceof Error ? error.message : String(error),
        }
        deps.onChange()
      }
      return
    }

    let apiKey: string | null
    try {
      apiKey = await storeFor(account).get(account.baseUrl)
    } catch (error) {
      log.error(`The key for ${host} could not be read from the keychain.`, error)
      problem = {
        kind: 'keychain_unavailable',
        message: `The key for ${host} could not be read from the system keychain (${error instanceof Error ? error.message : String(error)}). Unlock the keychain and restart, or enter the key again.`,
      }
      deps.onChange()
      return
    }
    if (apiKey === null) {
      problem = {
        kind: 'unauthorized',
        message:
          account.keyStorage === 'session'
            ? `The key for ${host} was kept for the last session only. Enter it again to reconnect.`
            : `The key for ${host} is no longer in the system keychain. Enter it again to reconnect.`,
      }
      deps.onChange()
      return
    }
    await establish(account, apiKey)
    void checkSavedKey(host)
  }

  /** At start, in the background: a refused key becomes the account's problem, shown once. */
  async function checkSavedKey(host: string): Promise<void> {
    const current = session
    if (!current) return
    try {
      await current.client.listConversations({ dateFrom: new Date().toISOString() })
    } catch (error) {
      if (session !== current) return // the account changed meanwhile
      if (error instanceof ApiError && error.kind === 'unauthorized') {
        problem = {
          kind: 'unauthorized',
          message: `The key for ${host} was refused. The account needs a new key: enter it in Settings.`,
        }
        deps.onChange()
      } else {
        // Offline at start is normal: the sync engine reports and retries.
        log.info(`The saved key for ${host} could not be checked at start: ${(error as Error).message}`)
      }
    }
  }

  return {
    restore: () => serial(restore),
    connect: (args) => serial(() => connect(args)),
    startDemo: () => serial(startDemo),
    remove: () => serial(remove),
    summary() {
      if (session) return session.account
      // A saved account without a session (its key is missing): shown with its problem.
      const saved = settings.getAccount()
      return saved ? { ...saved } : null
    },
    problem: () => problem,
    keychainStatus,
    client() {
      if (!session) {
        throw new BridgeFailure(
          'no_account',
          problem ? problem.message : 'No account is connected. Connect an account or open the demo workspace.',
        )
      }
      return session.client
    },
    reportProblem(next) {
      problem = next
      deps.onChange()
    },
    stop: () => serial(stopDemo),
  }
}
