// The sync engine's public face: other folders import it from here, never from its files.
export { createSyncEngine, type SyncEngine, type SyncEngineOptions } from './engine'
export type { ConversationPatch } from './conversation-cache'
export { defaultSyncIntervals } from './intervals'
export type { SyncStateData } from './state'
export type { SyncLocalStore, StoredCoverage } from './local-copy'
