import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  CONTENT_SECURITY_POLICY,
  createUiRequestHandler,
  isOwnUiUrl,
  resolveUiFile,
  UI_BASE_URL,
  UI_ENTRY_URL,
} from './ui-protocol'

describe('isOwnUiUrl', () => {
  it('accepts our scheme and host only', () => {
    expect(isOwnUiUrl(UI_ENTRY_URL)).toBe(true)
    expect(isOwnUiUrl('app://inbox-desk/assets/index.js?x=1#y')).toBe(true)
    for (const url of [
      'app://inbox-desk.evil/index.html',
      'app://inbox-desk@evil/index.html',
      'app://inbox-desk:80/index.html',
      'app://other/index.html',
      'https://inbox-desk/index.html',
      'file:///opt/inbox-desk/out/renderer/index.html',
      'APP://inbox-desk/index.html',
      '',
      null,
      undefined,
    ]) {
      expect(isOwnUiUrl(url), String(url)).toBe(false)
    }
  })

  it('takes another base for the dev server', () => {
    expect(isOwnUiUrl('http://localhost:5173/src/main.tsx', 'http://localhost:5173/')).toBe(true)
    expect(isOwnUiUrl('http://localhost:51730/', 'http://localhost:5173/')).toBe(false)
  })
})

describe('resolveUiFile', () => {
  const root = '/srv/ui'
  it('maps paths inside the folder, the root to index.html, with a content type', () => {
    expect(resolveUiFile(UI_BASE_URL, root)).toEqual({
      kind: 'file',
      path: '/srv/ui/index.html',
      contentType: 'text/html; charset=utf-8',
    })
    expect(resolveUiFile('app://inbox-desk/assets/a%20b.js?v=1', root)).toMatchObject({
      kind: 'file',
      path: '/srv/ui/assets/a b.js',
      contentType: 'text/javascript; charset=utf-8',
    })
  })

  it('never leaves the folder', () => {
    for (const url of [
      'app://inbox-desk/../secret.html',
      'app://inbox-desk/%2e%2e/secret.html',
      'app://inbox-desk/assets/..%2f..%2fsecret.html',
      'app://inbox-desk/%2fetc/passwd.txt',
      'app://inbox-desk/..%5csecret.html',
      'app://inbox-desk/a%00.html',
      'app://inbox-desk/%E0%A4%A',
      'app://elsewhere/index.html',
    ]) {
      const resolved = resolveUiFile(url, root)
      expect(resolved.kind, url).toBe('not-found')
      if (resolved.kind === 'file') expect(resolved.path.startsWith('/srv/ui/')).toBe(true)
    }
  })

  it('serves only known file types', () => {
    expect(resolveUiFile('app://inbox-desk/run.sh', root)).toMatchObject({ kind: 'not-found' })
    expect(resolveUiFile('app://inbox-desk/LICENSE', root)).toMatchObject({ kind: 'not-found' })
  })
})

describe('createUiRequestHandler', () => {
  let root: string
  const refused: string[] = []
  let handle: (request: Request) => Promise<Response>
  beforeAll(() => {
    const base = mkdtempSync(join(tmpdir(), 'ui-protocol-'))
    root = join(base, 'renderer')
    mkdirSync(join(root, 'assets'), { recursive: true })
    writeFileSync(join(root, 'index.html'), '<!doctype html><p>hi</p>')
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)')
    writeFileSync(join(base, 'secret.html'), 'secret')
    handle = createUiRequestHandler({ rootDir: root, onRefused: (url, reason) => refused.push(`${reason}: ${url}`) })
  })
  afterAll(() => rmSync(join(root, '..'), { recursive: true, force: true }))

  it('serves files with the CSP and nosniff', async () => {
    const response = await handle(new Request(UI_ENTRY_URL))
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('<!doctype html><p>hi</p>')
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    const script = await handle(new Request('app://inbox-desk/assets/app.js'))
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
  })

  it('answers 404 (with the CSP) for missing or escaping paths, and says why', async () => {
    for (const url of [
      'app://inbox-desk/nope.html',
      'app://inbox-desk/%2e%2e/secret.html',
      'app://inbox-desk/assets',
    ]) {
      const response = await handle(new Request(url))
      expect(response.status, url).toBe(404)
      expect(await response.text()).not.toContain('secret')
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    }
    expect(refused).toHaveLength(3)
  })

  it('refuses writes', async () => {
    const response = await handle(new Request(UI_ENTRY_URL, { method: 'POST', body: 'x' }))
    expect(response.status).toBe(405)
  })

  it('has a policy with no remote origin and no inline script', () => {
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/)
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|unsafe-eval/)
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'")
  })
})
