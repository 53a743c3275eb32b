// Snooze (issue 13 §1) in the window: other folders import it from here. The bulk bar's "Snooze" uses
// SnoozePicker (a button and its popover) or SnoozeChoices (the choices alone, in a popover of its own).
export { SnoozePicker } from './SnoozePicker'
export { SnoozeChoices } from './SnoozeChoices'
export { SnoozedPane } from './SnoozedPane'
export { useSnooze } from './useSnooze'
export { useSnoozes, useSnoozedUntil } from './useSnoozes'
export { whenLabel } from './whenLabel'
export { snoozePresets, type SnoozePreset, type SnoozePresetKey } from './presets'
export { ThreadSnooze } from './ThreadSnooze'
export { SnoozedNavLink } from './SnoozedNavLink'
export { snoozeUi, useSnoozeUi } from './snoozeUi'
