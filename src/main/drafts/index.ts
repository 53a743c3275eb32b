// The drafts store's public face: other folders import it from here, never from its files.
export { createDraftStore, DRAFTS_STORE_NAME, draftsDefaults, type DraftStore } from './draft-store'
