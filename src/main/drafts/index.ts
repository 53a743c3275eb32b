// The drafts store's public face: other folders import it from here, never from its files.
export { createDraftStore, MAX_DRAFTS, type DraftRows, type DraftStore } from './draft-store'
