/**
 * Every code either runtime gives for a failed connection, and the cause, kind, retry and "not sent" it
 * maps to. Electron's net.fetch errors are built as Electron builds them (a TypeError whose message is
 * `net::ERR_…`); Node's as undici does (TypeError "fetch failed" with the socket's error as `cause`).
 */
import { describe, expect, it } from 'vitest'
import { transportCauses, type TransportCause } from '../../shared/ipc/contract'
import en from '../../shared/i18n/catalogs/en.json'
import { diagnoseTransportError, transportCauseMessage } from './transport-errors'

const electronError = (name: string) => new TypeError(`net::${name}`)
const nodeError = (code: string, extra: Record<string, unknown> = {}) =>
  new TypeError('fetch failed', { cause: Object.assign(new Error(`${code} from the socket`), { code, ...extra }) })

const CHROMIUM_CASES: [string, TransportCause][] = [
  ['ERR_PROXY_CONNECTION_FAILED', 'proxy_refused'],
  ['ERR_SOCKS_CONNECTION_FAILED', 'proxy_refused'],
  ['ERR_TUNNEL_CONNECTION_FAILED', 'proxy_tunnel_failed'],
  ['ERR_PROXY_AUTH_REQUESTED', 'proxy_auth_required'],
  ['ERR_PROXY_AUTH_UNSUPPORTED', 'proxy_auth_required'],
  ['ERR_MANDATORY_PROXY_CONFIGURATION_FAILED', 'proxy_config_failed'],
  ['ERR_PAC_SCRIPT_FAILED', 'proxy_config_failed'],
  ['ERR_CERT_AUTHORITY_INVALID', 'cert_untrusted'],
  ['ERR_CERT_DATE_INVALID', 'cert_expired'],
  ['ERR_CERT_COMMON_NAME_INVALID', 'cert_name_mismatch'],
  ['ERR_CERT_REVOKED', 'cert_revoked'],
  ['ERR_CERT_WEAK_KEY', 'cert_invalid'],
  ['ERR_CERT_KNOWN_INTERCEPTION_BLOCKED', 'cert_invalid'],
  ['ERR_SSL_CLIENT_AUTH_CERT_NEEDED', 'client_cert_required'],
  ['ERR_SSL_PROTOCOL_ERROR', 'tls_failed'],
  ['ERR_SSL_VERSION_OR_CIPHER_MISMATCH', 'tls_failed'],
  ['ERR_NAME_NOT_RESOLVED', 'name_not_resolved'],
  ['ERR_INTERNET_DISCONNECTED', 'offline'],
  ['ERR_ADDRESS_UNREACHABLE', 'unreachable'],
  ['ERR_CONNECTION_REFUSED', 'refused'],
  ['ERR_CONNECTION_TIMED_OUT', 'connect_timeout'],
  ['ERR_CONNECTION_RESET', 'reset'],
  ['ERR_CONNECTION_CLOSED', 'reset'],
  ['ERR_EMPTY_RESPONSE', 'reset'],
  ['ERR_TIMED_OUT', 'timed_out'],
]

const NODE_CASES: [string, TransportCause][] = [
  ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'cert_untrusted'],
  ['SELF_SIGNED_CERT_IN_CHAIN', 'cert_untrusted'],
  ['DEPTH_ZERO_SELF_SIGNED_CERT', 'cert_untrusted'],
  ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'cert_untrusted'],
  ['CERT_HAS_EXPIRED', 'cert_expired'],
  ['CERT_NOT_YET_VALID', 'cert_expired'],
  ['ERR_TLS_CERT_ALTNAME_INVALID', 'cert_name_mismatch'],
  ['CERT_REVOKED', 'cert_revoked'],
  ['CERT_SIGNATURE_FAILURE', 'cert_invalid'],
  ['ERR_SSL_WRONG_VERSION_NUMBER', 'tls_failed'],
  ['EPROTO', 'tls_failed'],
  ['ENOTFOUND', 'name_not_resolved'],
  ['EAI_AGAIN', 'name_not_resolved'],
  ['ENETDOWN', 'offline'],
  ['ENETUNREACH', 'unreachable'],
  ['EHOSTUNREACH', 'unreachable'],
  ['ECONNREFUSED', 'refused'],
  ['UND_ERR_CONNECT_TIMEOUT', 'connect_timeout'],
  ['ECONNRESET', 'reset'],
  ['UND_ERR_SOCKET', 'reset'],
  ['ETIMEDOUT', 'timed_out'],
]

describe('Electron net.fetch: net::ERR_* names', () => {
  it.each(CHROMIUM_CASES)('%s is %s', (name, cause) => {
    expect(diagnoseTransportError(electronError(name))).toMatchObject({ cause, code: name })
  })

  it('reads the name wherever Electron puts it in the message, a few causes deep', () => {
    const wrapped = new Error('request failed', { cause: new Error('Failed: net::ERR_CERT_DATE_INVALID (-201)') })
    expect(diagnoseTransportError(wrapped)?.cause).toBe('cert_expired')
  })

  it('an unknown net::ERR_ name is no diagnosis (the caller words it generically)', () => {
    expect(diagnoseTransportError(electronError('ERR_SOMETHING_NEW'))).toBeNull()
  })
})

describe("Node's fetch: undici causes", () => {
  it.each(NODE_CASES)('%s is %s', (code, cause) => {
    expect(diagnoseTransportError(nodeError(code))).toMatchObject({ cause, code })
  })

  it("a refused or dropped socket at the proxy's address is the proxy refusing", () => {
    const context = { proxyAddress: '127.0.0.1:3128' }
    const refused = nodeError('ECONNREFUSED', { address: '127.0.0.1', port: 3128 })
    expect(diagnoseTransportError(refused, context)?.cause).toBe('proxy_refused')
    const dropped = nodeError('UND_ERR_SOCKET', { socket: { remoteAddress: '127.0.0.1', remotePort: 3128 } })
    expect(diagnoseTransportError(dropped, context)?.cause).toBe('proxy_refused')
    // The same error at the server's own address stays the server refusing.
    const server = nodeError('ECONNREFUSED', { address: '127.0.0.1', port: 4010 })
    expect(diagnoseTransportError(server, context)?.cause).toBe('refused')
  })

  it("undici's ProxyAgent: a CONNECT answered 407 wants a sign-in, any other status failed the tunnel", () => {
    const tunnel = (status: number) =>
      new TypeError('fetch failed', {
        cause: Object.assign(new Error(`Proxy response (${status}) !== 200 when HTTP Tunneling`), {
          code: 'UND_ERR_ABORTED',
        }),
      })
    expect(diagnoseTransportError(tunnel(407))?.cause).toBe('proxy_auth_required')
    expect(diagnoseTransportError(tunnel(502))?.cause).toBe('proxy_tunnel_failed')
    expect(diagnoseTransportError(tunnel(403))?.cause).toBe('proxy_tunnel_failed')
  })

  it('an error with no known code is no diagnosis', () => {
    expect(diagnoseTransportError(new TypeError('fetch failed'))).toBeNull()
    expect(diagnoseTransportError(nodeError('ESOMETHINGELSE'))).toBeNull()
    expect(diagnoseTransportError('a string')).toBeNull()
  })
})

describe('what each cause means for the transport', () => {
  it('certificate and TLS problems, and a proxy sign-in, are never retried', () => {
    for (const [name] of CHROMIUM_CASES.filter(([, cause]) => /^(cert_|tls_|client_cert)/.test(cause))) {
      expect(diagnoseTransportError(electronError(name)), name).toMatchObject({
        kind: 'certificate',
        retryable: false,
        notSent: true,
      })
    }
    expect(diagnoseTransportError(electronError('ERR_PROXY_AUTH_REQUESTED'))).toMatchObject({
      kind: 'proxy',
      retryable: false,
    })
  })

  it('a proxy that refused or could not tunnel may come back: retried; nothing was sent', () => {
    for (const name of ['ERR_PROXY_CONNECTION_FAILED', 'ERR_TUNNEL_CONNECTION_FAILED']) {
      expect(diagnoseTransportError(electronError(name))).toMatchObject({
        kind: 'proxy',
        retryable: true,
        notSent: true,
      })
    }
  })

  it('a dropped connection or a timeout may have delivered the request: not "not sent"', () => {
    expect(diagnoseTransportError(electronError('ERR_CONNECTION_RESET'))).toMatchObject({
      kind: 'network',
      notSent: false,
    })
    expect(diagnoseTransportError(nodeError('ETIMEDOUT'))).toMatchObject({ kind: 'network', notSent: false })
    expect(diagnoseTransportError(nodeError('ECONNREFUSED'))).toMatchObject({ kind: 'network', notSent: true })
  })
})

describe('the message per cause', () => {
  it('is a different sentence for every cause, naming the host where there is one', () => {
    const messages = transportCauses.map((cause) => transportCauseMessage(cause, 'api.example.com'))
    expect(new Set(messages).size).toBe(transportCauses.length)
    for (const [index, cause] of transportCauses.entries()) {
      if (cause !== 'offline') expect(messages[index], cause).toContain('api.example.com')
    }
  })

  it('says what the issue promises for the proxy and the certificate', () => {
    expect(transportCauseMessage('proxy_refused', 'h')).toMatch(/^Your proxy refused the connection/)
    expect(transportCauseMessage('cert_untrusted', 'h')).toMatch(/^The server's certificate is not trusted/)
    expect(transportCauseMessage('cert_expired', 'h')).toMatch(/^The server's certificate has expired/)
  })
})

describe('the catalogs', () => {
  it("English says what main says, for every cause (the renderer shows the catalog's sentence)", () => {
    const errors = en.errors as unknown as Record<string, string>
    for (const cause of transportCauses) {
      expect(errors[cause], cause).toBe(transportCauseMessage(cause, '{{host}}'))
    }
  })
})
