/**
 * Where the API key lives: the OS keychain (keytar: Keychain on macOS,
 * Credential Vault on Windows, the Secret Service on Linux), or memory for
 * this session only. The key is written to a SecretStore and nowhere else.
 *
 * keytar is loaded lazily, on first use: a missing native module or a missing
 * libsecret then makes the keychain "unavailable" with a reason in words,
 * instead of crashing the app at startup.
 */
import type { KeychainStatus } from '../../shared/ipc/contract'
import type { SecretStore } from '../ports/secret-store'

/** The subset of keytar we use (its own typings, restated so tests can inject a fake loader). */
export interface KeytarModule {
  getPassword(service: string, account: string): Promise<string | null>
  setPassword(service: string, account: string, password: string): Promise<void>
  deletePassword(service: string, account: string): Promise<boolean>
}

export const KEYCHAIN_SERVICE = 'Inbox Desk'

export interface KeychainStoreOptions {
  /** The keychain entry's service name; tests use their own so they never touch the app's. */
  service?: string
  /** How keytar is loaded; tests pass one that fails to check the "unavailable" path. */
  loadKeytar?: () => Promise<KeytarModule>
  /** A keychain that does not answer (a locked keyring waiting on a prompt) must not hang the app. */
  timeoutMs?: number
}

/** A keychain failure, already phrased for the agent. */
export class KeychainError extends Error {
  override readonly name = 'KeychainError'
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message)
  }
}

async function loadRealKeytar(): Promise<KeytarModule> {
  const loaded = (await import('keytar')) as KeytarModule & { default?: KeytarModule }
  // CommonJS through ESM interop: `default` is module.exports, when present;
  // the named exports the interop detects may be incomplete.
  const keytarModule = loaded.default ?? loaded
  if (typeof keytarModule.setPassword !== 'function')
    throw new Error('Cannot find module keytar: it has no setPassword')
  return keytarModule
}

/** `createKeychainStore('Inbox Desk')` or `createKeychainStore({ service, loadKeytar, timeoutMs })`. */
export function createKeychainStore(serviceOrOptions: string | KeychainStoreOptions = {}): SecretStore {
  const options = typeof serviceOrOptions === 'string' ? { service: serviceOrOptions } : serviceOrOptions
  const service = options.service ?? KEYCHAIN_SERVICE
  const load = options.loadKeytar ?? loadRealKeytar
  const timeoutMs = options.timeoutMs ?? 10_000
  let keytarPromise: Promise<KeytarModule> | null = null

  const keytar = async (): Promise<KeytarModule> => {
    keytarPromise ??= load()
    try {
      return await keytarPromise
    } catch (error) {
      keytarPromise = null // a later attempt may succeed (libsecret installed meanwhile)
      throw new KeychainError(
        `The system keychain cannot be used: ${explainKeychainFailure(error)}.`,
        explainKeychainFailure(error),
      )
    }
  }

  const run = async <T>(what: string, operation: (module: KeytarModule) => Promise<T>): Promise<T> => {
    const module = await keytar()
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(`the keychain did not answer within ${Math.round(timeoutMs / 1000)} seconds (is it locked?)`),
          ),
        timeoutMs,
      )
    })
    try {
      return await Promise.race([operation(module), timeout])
    } catch (error) {
      const reason = explainKeychainFailure(error)
      throw new KeychainError(`Could not ${what} the system keychain: ${reason}.`, reason)
    } finally {
      clearTimeout(timer)
    }
  }

  return {
    kind: 'keychain',
    get: (account) => run('read from', (module) => module.getPassword(service, account)),
    set: (account, secret) => run('save the key in', (module) => module.setPassword(service, account, secret)),
    delete: (account) => run('delete the key from', (module) => module.deletePassword(service, account)),
  }
}

/** Memory only: the key is gone when the app quits. */
export function createSessionStore(): SecretStore {
  const secrets = new Map<string, string>()
  return {
    kind: 'session',
    get: async (account) => secrets.get(account) ?? null,
    set: async (account, secret) => {
      secrets.set(account, secret)
    },
    delete: async (account) => secrets.delete(account),
  }
}

const PROBE_ACCOUNT = 'inbox-desk-keychain-probe'

/**
 * Whether the keychain really works here: a read, then a write, read back and
 * delete of a probe entry (a Secret Service can answer reads and still refuse
 * writes, e.g. when the default collection is locked and nobody can unlock it).
 */
export async function probeKeychain(store: SecretStore = createKeychainStore()): Promise<KeychainStatus> {
  try {
    await store.get(PROBE_ACCOUNT)
    const value = `probe-${Date.now()}`
    await store.set(PROBE_ACCOUNT, value)
    const readBack = await store.get(PROBE_ACCOUNT)
    await store.delete(PROBE_ACCOUNT)
    if (readBack !== value) {
      return { available: false, reason: 'The system keychain did not keep a test entry, so it cannot keep the key.' }
    }
    return { available: true }
  } catch (error) {
    const reason = error instanceof KeychainError ? error.reason : explainKeychainFailure(error)
    return { available: false, reason: capitalise(reason) + '.' }
  }
}

/** Turns keytar/libsecret/D-Bus errors into words a support agent (or their IT) can act on. */
export function explainKeychainFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  if (
    /cannot find module|cannot find package|was compiled against|NODE_MODULE_VERSION|keytar\.node|libsecret.*\.so|cannot open shared object/i.test(
      message,
    )
  ) {
    return `the keychain module could not be loaded (${message.split('\n')[0]}); on Linux, install libsecret`
  }
  if (
    /org\.freedesktop\.secrets|ServiceUnknown|autolaunch|DBUS_SESSION_BUS_ADDRESS|Could not connect|No such file or directory|dbus/i.test(
      message,
    )
  ) {
    return 'no Secret Service (gnome-keyring or KWallet) is running, so there is no system keychain to keep the key in'
  }
  if (/locked|prompt|dismissed|cancel/i.test(message)) {
    return `the keychain is locked or the unlock prompt was dismissed (${message})`
  }
  return `the system keychain reported an error (${message})`
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
