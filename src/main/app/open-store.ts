import { existsSync, readFileSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import type { Logger } from '../ports/logger'
import type { KeyValueStore, ShellAdapters } from '../ports/shell-adapters'

/**
 * Opens a store, first moving aside a file that is not valid JSON so that a
 * corrupt file costs the defaults, not a crash, and stays there for support.
 */
export function openStore<T extends Record<string, unknown>>(
  adapters: ShellAdapters,
  name: string,
  defaults: T,
  log: Logger,
): KeyValueStore<T> {
  const file = join(adapters.userDataDir, `${name}.json`)
  if (existsSync(file)) {
    try {
      JSON.parse(readFileSync(file, 'utf8'))
    } catch (error) {
      const aside = join(adapters.userDataDir, `${name}.corrupt-${Date.now()}.json`)
      renameSync(file, aside)
      log.warn(`${name}.json was not valid JSON; moved it to ${aside} and started from defaults.`, error)
    }
  }
  return adapters.createStore(name, defaults)
}

/** Whether a store's file is on disk yet (before `openStore`, which writes the defaults): a first run when not. */
export function storeFileExists(adapters: Pick<ShellAdapters, 'userDataDir'>, name: string): boolean {
  return existsSync(join(adapters.userDataDir, `${name}.json`))
}
