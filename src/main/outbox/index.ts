// The outbox's public face: other folders import it from here, never from its files.
export { createOutbox, type Outbox, type OutboxStoreData } from './outbox'
export { createSqliteOutboxStorage, type OutboxRows } from './sqlite-storage'
