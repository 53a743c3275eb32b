/** The history backfill (issue 11 §4): see README.md. */
export { createBackfill, type Backfill, type BackfillOptions } from './backfill'
export { BACKFILL_CURSOR } from './run-cursor'
export { nextRequest } from './thread-backfill'
