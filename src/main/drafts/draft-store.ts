/**
 * Unsent reply drafts, one per conversation, kept across restarts in
 * `<userData>/drafts.json`. The renderer debounces its calls; each call is one
 * atomic write (conf/electron-store write a temp file and rename it).
 */
import { coded } from '../../shared/i18n/error-texts'
import { BridgeFailure } from '../ports/errors'
import type { KeyValueStore } from '../ports/shell-adapters'
import type { Logger } from '../ports/logger'

/**
 * At most this many conversations keep a draft. Every draft is rewritten on
 * each save, so a renderer (or a script in it) that opened drafts without end
 * would make each keystroke write an ever larger file. Far above what an
 * agent keeps by hand.
 */
export const MAX_DRAFTS = 500

export const DRAFTS_STORE_NAME = 'drafts'
export interface DraftsData extends Record<string, unknown> {
  drafts: Record<string, string>
}
export const draftsDefaults: DraftsData = { drafts: {} }

export interface DraftStore {
  getAll(): Record<string, string>
  /** An empty (or blank) text deletes the draft. */
  set(chatId: string, text: string): void
}

export function createDraftStore(
  store: KeyValueStore<DraftsData>,
  log: Logger,
  maxDrafts: number = MAX_DRAFTS,
): DraftStore {
  const loaded: unknown = store.get('drafts')
  let drafts: Record<string, string> = {}
  if (typeof loaded === 'object' && loaded !== null && !Array.isArray(loaded)) {
    for (const [chatId, text] of Object.entries(loaded)) {
      if (typeof text === 'string') drafts[chatId] = text
      else log.warn(`Drafts: the draft of ${chatId} was not text and was dropped.`)
    }
  } else if (loaded !== undefined) {
    log.warn('Drafts: the drafts file held something else than drafts; starting with none.')
  }
  return {
    getAll: () => ({ ...drafts }),
    set(chatId, text) {
      const next = { ...drafts }
      if (text.trim().length === 0) delete next[chatId]
      else if (!(chatId in next) && Object.keys(next).length >= maxDrafts) {
        // The text stays in the composer: only keeping it across a restart is refused.
        throw new BridgeFailure('invalid_argument', coded('drafts.full', { max: maxDrafts }))
      } else next[chatId] = text
      drafts = next
      store.set('drafts', drafts)
    },
  }
}
