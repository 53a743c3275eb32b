// Bulk actions (issue 13 §2): other folders import them from here, never from its files.
export { createBulkService, type BulkAccount, type BulkService, type BulkServiceDeps } from './service'
export type { BulkSnoozer, BulkTarget } from './operations'
export { defaultRunnerOptions, type RunnerOptions } from './runner'
