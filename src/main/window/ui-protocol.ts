/**
 * How the window's UI is served: from the custom scheme `app://inbox-desk/`
 * (not `file://`, which would give every file on disk the same origin), with
 * a strict Content-Security-Policy on every response. The shell registers
 * `createUiRequestHandler` with `protocol.handle`; this file has no Electron
 * in it so that path handling (the part an attacker would poke at) is
 * unit-tested.
 */
import { readFile } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'

export const UI_SCHEME = 'app'
export const UI_HOST = 'inbox-desk'
/** Where the UI lives; every URL the window may show or trust starts with it. */
export const UI_BASE_URL = `${UI_SCHEME}://${UI_HOST}/`
export const UI_ENTRY_URL = `${UI_BASE_URL}index.html`

/**
 * The renderer's policy. Same as the meta tag in src/renderer/index.html,
 * plus what only a header can carry (frame-ancestors). No remote origin at
 * all: the renderer talks to the API through main, never directly.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
}

/** Headers every UI response carries. */
export function uiResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  }
}

/** Whether `url` is a page or frame of our own UI (exact scheme and host, any path). */
export function isOwnUiUrl(url: string | null | undefined, uiBaseUrl: string = UI_BASE_URL): boolean {
  if (!url) return false
  // A prefix check on the raw string: `new URL('app://x').origin` is "null" for
  // non-special schemes, and the trailing slash of the base rules out
  // look-alikes such as app://inbox-desk.evil/ or app://inbox-desk@evil/.
  return url.startsWith(uiBaseUrl)
}

export type UiFileResolution =
  { kind: 'file'; path: string; contentType: string } | { kind: 'not-found'; reason: string }

/**
 * Maps a request URL to a file inside `rootDir`, or says why not. Anything
 * that would leave the folder (`..`, encoded or not, absolute paths, a
 * different host) is not found, never served.
 */
export function resolveUiFile(requestUrl: string, rootDir: string, uiBaseUrl: string = UI_BASE_URL): UiFileResolution {
  if (!isOwnUiUrl(requestUrl, uiBaseUrl)) return { kind: 'not-found', reason: 'not a UI address' }
  const rest = requestUrl.slice(uiBaseUrl.length)
  const pathPart = rest.split(/[?#]/, 1)[0] ?? ''
  let decoded: string
  try {
    decoded = decodeURIComponent(pathPart)
  } catch {
    return { kind: 'not-found', reason: 'malformed percent-encoding' }
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'not-found', reason: 'forbidden character' }
  const relativePath = decoded === '' ? 'index.html' : decoded
  const root = resolve(rootDir)
  const target = resolve(root, relativePath)
  const inside = relative(root, target)
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || inside.split(sep).includes('..')) {
    return { kind: 'not-found', reason: 'outside the UI folder' }
  }
  const contentType = CONTENT_TYPES[extname(target).toLowerCase()]
  if (!contentType)
    return { kind: 'not-found', reason: `no content type for ${extname(target) || 'a file without extension'}` }
  return { kind: 'file', path: target, contentType }
}

export interface UiRequestHandlerOptions {
  /** The built renderer (out/renderer). */
  rootDir: string
  uiBaseUrl?: string
  /** Told about refused or missing files (a bug, or something probing). */
  onRefused?(url: string, reason: string): void
}

/** The `protocol.handle` handler for the UI scheme: files from `rootDir`, with the CSP. */
export function createUiRequestHandler(options: UiRequestHandlerOptions): (request: Request) => Promise<Response> {
  const notFound = (url: string, reason: string) => {
    options.onRefused?.(url, reason)
    return new Response('Not found', { status: 404, headers: uiResponseHeaders('text/plain; charset=utf-8') })
  }
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', {
        status: 405,
        headers: uiResponseHeaders('text/plain; charset=utf-8'),
      })
    }
    const resolved = resolveUiFile(request.url, options.rootDir, options.uiBaseUrl)
    if (resolved.kind === 'not-found') return notFound(request.url, resolved.reason)
    let body: Buffer
    try {
      body = await readFile(resolved.path)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT' || code === 'EISDIR') return notFound(request.url, code)
      throw error
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: uiResponseHeaders(resolved.contentType),
    })
  }
}
