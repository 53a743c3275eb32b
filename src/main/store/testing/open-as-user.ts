/**
 * Run by faults.test.ts in a child process as an unprivileged user (root
 * ignores permission bits): opens the store in the folder given as argv[2]
 * and prints `{ kind, message }` of the error, or `{ kind: null }`.
 */
import { openAccountStore, StoreError } from '../index'

try {
  const { store } = openAccountStore({ folder: process.argv[2]!, accountId: process.argv[3]! })
  store.drafts.set('c1', 'a draft')
  store.close()
  process.stdout.write(JSON.stringify({ kind: null }))
} catch (error) {
  if (!(error instanceof StoreError)) throw error
  process.stdout.write(JSON.stringify({ kind: error.kind, message: error.message }))
}
