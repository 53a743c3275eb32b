/**
 * Where the UI comes from and what its session may do: the app:// scheme (registered before `ready`),
 * the Content-Security-Policy on every document, no permission granted, and the protocol handler that
 * serves the built renderer. The rules themselves are tested in ../window (ui-protocol.ts).
 */
import { app, protocol, session } from 'electron'
import { join } from 'node:path'
import type { Logger } from '../ports/logger'
import { CONTENT_SECURITY_POLICY, createUiRequestHandler, UI_BASE_URL, UI_ENTRY_URL, UI_SCHEME } from '../window'

export interface UiLocation {
  /** The origin every IPC sender and navigation must be on. */
  baseUrl: string
  /** What the window loads. */
  entryUrl: string
  /** Set under `electron-vite dev`, which serves the renderer (and its headers) over HTTP. */
  devServerUrl: string | undefined
}

/** `electron-vite dev` serves the renderer over HTTP; the built app uses app://. */
export function resolveUiLocation(): UiLocation {
  const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
  return {
    baseUrl: devServerUrl ? new URL('/', devServerUrl).href : UI_BASE_URL,
    entryUrl: devServerUrl ?? UI_ENTRY_URL,
    devServerUrl,
  }
}

/** Before `ready`: our scheme behaves like https (an origin, fetch, secure context). */
export function registerUiScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: UI_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ])
}

/** After `ready`, before the window loads: CSP, permissions, the UI protocol. */
export function secureUiSession(ui: UiLocation, log: Logger): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn(`Denied the renderer's request for the "${permission}" permission.`)
    callback(false)
  })
  ses.setPermissionCheckHandler(() => false)
  ses.webRequest.onHeadersReceived((details, callback) => {
    const isDocument = details.resourceType === 'mainFrame' || details.resourceType === 'subFrame'
    if (!isDocument || ui.devServerUrl) {
      callback({})
      return
    }
    const responseHeaders = { ...details.responseHeaders }
    for (const name of Object.keys(responseHeaders)) {
      if (name.toLowerCase() === 'content-security-policy') delete responseHeaders[name]
    }
    responseHeaders['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY]
    callback({ responseHeaders })
  })
  protocol.handle(
    UI_SCHEME,
    createUiRequestHandler({
      rootDir: join(__dirname, '../renderer'),
      onRefused: (url, reason) => log.warn(`Refused a UI request (${reason}): ${url.slice(0, 200)}`),
    }),
  )
}
