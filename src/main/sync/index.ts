// The sync engine's public face: other folders import it from here, never from its files.
export {
  createSyncEngine,
  defaultSyncIntervals,
  type ConversationPatch,
  type SyncEngine,
  type SyncEngineOptions,
} from './engine'
export type { SyncStateData } from './state'
