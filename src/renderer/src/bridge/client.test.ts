import { afterEach, describe, expect, it } from 'vitest'
import type { BridgeError } from '../../../shared/ipc/contract'
import { i18n } from '../i18n/i18n'
import { BridgeCallError, errorMessage } from './client'

const certificate: BridgeError = {
  kind: 'certificate',
  message: "The server's certificate is not trusted: api.example.com sent…",
  cause: 'cert_untrusted',
  host: 'api.example.com',
}

afterEach(() => i18n.changeLanguage('en'))

describe('errorMessage', () => {
  it('a connection failure with a known cause reads in the UI language, naming the host', async () => {
    await i18n.changeLanguage('de')
    const message = errorMessage(new BridgeCallError('listConversations', certificate))
    expect(message).toMatch(/^Dem Zertifikat des Servers wird nicht vertraut: api\.example\.com/)
    // The same from an event's plain BridgeError (the sync status).
    await i18n.changeLanguage('ar')
    expect(
      errorMessage({ kind: 'proxy', message: 'Your proxy…', cause: 'proxy_refused', host: 'h.example' }),
    ).toContain('h.example')
    expect(errorMessage({ kind: 'proxy', message: 'Your proxy…', cause: 'proxy_refused', host: 'h.example' })).toMatch(
      /الخادم الوكيل/,
    )
  })

  it("any other error keeps main's message; a plain Error's own `cause` is not read as one", () => {
    expect(
      errorMessage(new BridgeCallError('listConversations', { kind: 'unavailable', message: 'Down (HTTP 503).' })),
    ).toBe('Down (HTTP 503).')
    expect(errorMessage(new Error('boom', { cause: 'cert_untrusted' }))).toBe('boom')
    expect(errorMessage({ kind: 'network', message: 'Could not reach…' })).toBe('Could not reach…')
  })
})
