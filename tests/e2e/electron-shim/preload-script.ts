/**
 * The init script every shim page runs first: the built preload, wrapped as Electron runs a sandboxed
 * preload (a `require` that gives only electron, an `ipcRenderer` over Playwright bindings, a
 * `contextBridge` that defines read-only properties). Its own module, so tests/unit/shim can run it in a
 * vm context and pin how it differs from Electron (README.md).
 */
/** The dispatcher the init script keeps for `webContents.send`; a symbol, so page code never trips over it. */
export const DISPATCH_KEY = 'electron-shim.dispatch'

/** The init script: the built preload, run as Electron would run a sandboxed preload. */
export function preloadInitScript(preloadSource: string, platform: string): string {
  return `(() => {
  const invoke = globalThis.__electronShimInvoke
  const send = globalThis.__electronShimSend
  const openWindow = globalThis.__electronShimWindowOpen
  delete globalThis.__electronShimInvoke
  delete globalThis.__electronShimSend
  delete globalThis.__electronShimWindowOpen
  // Electron runs the preload only in the main frame (nodeIntegrationInSubFrames is off).
  if (window.top !== window) return

  const listeners = new Map()
  const ipcRenderer = {
    async invoke(channel, ...args) {
      const result = await invoke(String(channel), args)
      if (result.ok) return result.json === undefined ? undefined : JSON.parse(result.json)
      throw new Error("Error invoking remote method '" + channel + "': Error: " + result.message)
    },
    send(channel, ...args) {
      void send(String(channel), args)
    },
    sendSync() {
      throw new Error('The electron shim does not support ipcRenderer.sendSync (nor should the app use it)')
    },
    on(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set())
      listeners.get(channel).add(listener)
      return ipcRenderer
    },
    once(channel, listener) {
      const wrapped = (...args) => {
        ipcRenderer.removeListener(channel, wrapped)
        listener(...args)
      }
      return ipcRenderer.on(channel, wrapped)
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener)
      return ipcRenderer
    },
    off(channel, listener) {
      return ipcRenderer.removeListener(channel, listener)
    },
    removeAllListeners(channel) {
      if (channel === undefined) listeners.clear()
      else listeners.delete(channel)
      return ipcRenderer
    },
  }
  Object.defineProperty(window, Symbol.for(${JSON.stringify(DISPATCH_KEY)}), {
    value(channel, args) {
      const event = { sender: ipcRenderer, senderId: 0, ports: [] }
      for (const listener of [...(listeners.get(channel) ?? [])]) {
        try {
          listener(event, ...args)
        } catch (error) {
          console.error('[electron-shim] a listener for ' + channel + ' threw', error)
        }
      }
    },
  })
  const contextBridge = {
    exposeInMainWorld(key, api) {
      Object.defineProperty(window, key, { value: api, enumerable: true, writable: false, configurable: false })
    },
  }

  // window.open and target=_blank links go to main's setWindowOpenHandler, like Electron.
  window.open = function (url, target, features) {
    const resolved = url === undefined || url === null || url === '' ? 'about:blank' : new URL(String(url), location.href).href
    void openWindow(resolved, String(target ?? ''), String(features ?? ''))
    return null
  }
  const onLinkActivation = (event) => {
    if (event.defaultPrevented) return
    const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null
    if (!anchor) return
    const newWindow = anchor.target === '_blank' || event.ctrlKey || event.shiftKey || event.metaKey || event.button === 1
    if (!newWindow) return
    event.preventDefault()
    void openWindow(anchor.href, anchor.target, '')
  }
  window.addEventListener('click', onLinkActivation)
  window.addEventListener('auxclick', onLinkActivation)

  const preloadProcess = {
    platform: ${JSON.stringify(platform)},
    type: 'renderer',
    sandboxed: true,
    contextIsolated: true,
    env: {},
    versions: {},
    argv: [],
  }
  const preloadRequire = (name) => {
    if (name === 'electron' || name === 'electron/renderer') return { ipcRenderer, contextBridge }
    throw new Error('Cannot find module ' + JSON.stringify(name) + ': a sandboxed preload can require only electron')
  }
  const preloadModule = { exports: {} }
  ;(function (require, module, exports, process) {
${preloadSource}
  }).call(preloadModule.exports, preloadRequire, preloadModule, preloadModule.exports, preloadProcess)
})()`
}
