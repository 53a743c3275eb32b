// Snooze (issue 13 §1): other folders import it from here, never from its files.
export { createSnoozeService, type SnoozeDeps, type SnoozeService } from './service'
export { defaultSnoozeOptions, type SnoozeOptions } from './options'
