/**
 * Where a secret (the API key) is kept: the OS keychain, or memory for this
 * session only. src/main/account/secrets.ts implements both; tests pass a
 * keychain store with their own service name.
 */
export interface SecretStore {
  readonly kind: 'keychain' | 'session'
  get(account: string): Promise<string | null>
  set(account: string, secret: string): Promise<void>
  /** Resolves true when something was deleted. */
  delete(account: string): Promise<boolean>
}
