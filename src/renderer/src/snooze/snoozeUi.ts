/**
 * What of the snooze UI the keyboard, the palette and the panes share: whether the open conversation's picker is
 * open (Z and the palette open it, the thread header shows it) and whether the list column shows the Snoozed view.
 * One window, one small store (useSyncExternalStore), so the shell passes nothing down for it.
 */
import { useSyncExternalStore } from 'react'

export interface SnoozeUiState {
  pickerOpened: boolean
  viewOpened: boolean
}

let state: SnoozeUiState = { pickerOpened: false, viewOpened: false }
const listeners = new Set<() => void>()

function set(patch: Partial<SnoozeUiState>): void {
  const next = { ...state, ...patch }
  if (next.pickerOpened === state.pickerOpened && next.viewOpened === state.viewOpened) return
  state = next
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export const snoozeUi = {
  setPickerOpened: (pickerOpened: boolean) => set({ pickerOpened }),
  showView: () => set({ viewOpened: true }),
  hideView: () => set({ viewOpened: false }),
}

export function useSnoozeUi(): SnoozeUiState {
  return useSyncExternalStore(subscribe, () => state)
}
