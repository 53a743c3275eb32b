/**
 * The preload: exposes the bridge as named functions on `window.inboxDesk`.
 *
 * Nothing else crosses: no ipcRenderer, no generic `invoke(channel)`. Each
 * function takes and returns plain JSON data (contextBridge clones it), and
 * event listeners get the payload only, never the Electron event, with an
 * unsubscribe function back (Element's preload does the same).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { BRIDGE_GLOBAL, eventChannels, invokeChannels, ipcChannelName, type EventChannel } from '../shared/ipc/channels'

const bridge: Record<string, unknown> = {}

for (const name of invokeChannels) {
  bridge[name] = (arg?: unknown) => ipcRenderer.invoke(ipcChannelName(name), arg)
}

const knownEvents = new Set<string>(eventChannels)

bridge.on = (event: EventChannel, listener: (payload: unknown) => void): (() => void) => {
  if (!knownEvents.has(event)) throw new Error(`Unknown bridge event: ${String(event)}`)
  if (typeof listener !== 'function') throw new Error('A bridge listener must be a function')
  const channel = ipcChannelName(event)
  const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
  ipcRenderer.on(channel, handler)
  return () => {
    ipcRenderer.removeListener(channel, handler)
  }
}

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, Object.freeze(bridge))
