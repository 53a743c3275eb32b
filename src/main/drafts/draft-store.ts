/**
 * Unsent reply drafts, one per conversation, kept in the connected account's
 * database (src/main/store, the `drafts` table): each save is one statement,
 * so a crash keeps either the old text or the new, never neither. The renderer
 * debounces its calls. This file is the policy over those rows (the cap).
 * Before the database, drafts lived in `<userData>/drafts.json`: it is imported
 * once (src/main/app/account-database.ts, `importDraftsJson`).
 */
import { coded } from '../../shared/i18n/error-texts'
import { BridgeFailure } from '../ports/errors'

/**
 * At most this many conversations keep a draft, so that a renderer (or a
 * script in it) opening drafts without end cannot grow the database without
 * end. Far above what an agent keeps by hand.
 */
export const MAX_DRAFTS = 500

/** The rows the drafts live in (the account store's `drafts` queries). */
export interface DraftRows {
  getAll(): Record<string, string>
  get(chatId: string): string | null
  count(): number
  set(chatId: string, text: string): void
}

export interface DraftStore {
  getAll(): Record<string, string>
  /** An empty (or blank) text deletes the draft. Throws what the rows throw (a StoreError: full disk, read-only). */
  set(chatId: string, text: string): void
}

export function createDraftStore(rows: DraftRows, maxDrafts: number = MAX_DRAFTS): DraftStore {
  return {
    getAll: () => rows.getAll(),
    set(chatId, text) {
      const isNew = text.trim().length > 0 && rows.get(chatId) === null
      if (isNew && rows.count() >= maxDrafts) {
        // The text stays in the composer: only keeping it across a restart is refused.
        throw new BridgeFailure('invalid_argument', coded('drafts.full', { max: maxDrafts }))
      }
      rows.set(chatId, text)
    },
  }
}
