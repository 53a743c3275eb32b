/**
 * What a failed connection says about its cause. The same failure reads differently under the two fetches
 * the client runs on: Electron's `net.fetch` (the app) rejects with Chromium's `net::ERR_*` name in the
 * message; Node's fetch (the shim, the tests) rejects with a TypeError whose `cause` carries the socket's or
 * OpenSSL's code (ECONNREFUSED, UNABLE_TO_VERIFY_LEAF_SIGNATURE...). Both map to one `TransportCause`, so an
 * agent behind a corporate proxy reads "Your proxy refused the connection", not "network error".
 *
 * The cause also decides two things the transport needs: whether the request provably never left this
 * machine (a reply may then be reported as "not sent"), and whether trying again can help. A certificate
 * or TLS problem never goes away by retrying, nor does a proxy asking for a password.
 */
import type { BridgeErrorKind, TransportCause } from '../../shared/ipc/contract'

export interface TransportDiagnosis {
  cause: TransportCause
  /** The raw code as the runtime gave it (net::ERR_CERT_DATE_INVALID → ERR_CERT_DATE_INVALID, CERT_HAS_EXPIRED). */
  code: string
  kind: Extract<BridgeErrorKind, 'network' | 'proxy' | 'certificate'>
  /** Trying the same call again may succeed (only ever done for idempotent calls). */
  retryable: boolean
  /** The failure happened before any byte of the request reached the server. */
  notSent: boolean
}

interface CauseRule {
  kind: TransportDiagnosis['kind']
  retryable: boolean
  notSent: boolean
}

// A proxy or TLS failure happens before the request is written (CONNECT, or the handshake): never sent.
const RULES: Record<TransportCause, CauseRule> = {
  proxy_refused: { kind: 'proxy', retryable: true, notSent: true },
  proxy_tunnel_failed: { kind: 'proxy', retryable: true, notSent: true },
  proxy_auth_required: { kind: 'proxy', retryable: false, notSent: true },
  proxy_unresolved: { kind: 'proxy', retryable: true, notSent: true },
  proxy_config_failed: { kind: 'proxy', retryable: false, notSent: true },
  cert_untrusted: { kind: 'certificate', retryable: false, notSent: true },
  cert_expired: { kind: 'certificate', retryable: false, notSent: true },
  cert_name_mismatch: { kind: 'certificate', retryable: false, notSent: true },
  cert_revoked: { kind: 'certificate', retryable: false, notSent: true },
  cert_invalid: { kind: 'certificate', retryable: false, notSent: true },
  client_cert_required: { kind: 'certificate', retryable: false, notSent: true },
  tls_failed: { kind: 'certificate', retryable: false, notSent: true },
  name_not_resolved: { kind: 'network', retryable: true, notSent: true },
  offline: { kind: 'network', retryable: true, notSent: true },
  unreachable: { kind: 'network', retryable: true, notSent: true },
  refused: { kind: 'network', retryable: true, notSent: true },
  connect_timeout: { kind: 'network', retryable: true, notSent: true },
  // The connection was up: the request may have reached the server before it dropped.
  reset: { kind: 'network', retryable: true, notSent: false },
  timed_out: { kind: 'network', retryable: true, notSent: false },
}

/** Chromium's net error names (net/base/net_error_list.h) as Electron's net.fetch reports them. */
const CHROMIUM: Record<string, TransportCause> = {
  ERR_PROXY_CONNECTION_FAILED: 'proxy_refused',
  ERR_SOCKS_CONNECTION_FAILED: 'proxy_refused',
  ERR_TUNNEL_CONNECTION_FAILED: 'proxy_tunnel_failed',
  ERR_SOCKS_CONNECTION_HOST_UNREACHABLE: 'proxy_tunnel_failed',
  ERR_PROXY_AUTH_REQUESTED: 'proxy_auth_required',
  ERR_PROXY_AUTH_UNSUPPORTED: 'proxy_auth_required',
  ERR_PROXY_AUTH_REQUESTED_WITH_NO_CONNECTION: 'proxy_auth_required',
  ERR_PROXY_CERTIFICATE_INVALID: 'proxy_config_failed',
  ERR_MANDATORY_PROXY_CONFIGURATION_FAILED: 'proxy_config_failed',
  ERR_PAC_SCRIPT_FAILED: 'proxy_config_failed',
  ERR_PAC_NOT_IN_DHCP: 'proxy_config_failed',
  ERR_NAME_RESOLUTION_FAILED: 'name_not_resolved',
  ERR_CERT_AUTHORITY_INVALID: 'cert_untrusted',
  ERR_CERT_DATE_INVALID: 'cert_expired',
  ERR_CERT_COMMON_NAME_INVALID: 'cert_name_mismatch',
  ERR_CERT_REVOKED: 'cert_revoked',
  ERR_SSL_CLIENT_AUTH_CERT_NEEDED: 'client_cert_required',
  ERR_BAD_SSL_CLIENT_AUTH_CERT: 'client_cert_required',
  ERR_SSL_PROTOCOL_ERROR: 'tls_failed',
  ERR_SSL_VERSION_OR_CIPHER_MISMATCH: 'tls_failed',
  ERR_NAME_NOT_RESOLVED: 'name_not_resolved',
  ERR_INTERNET_DISCONNECTED: 'offline',
  ERR_ADDRESS_UNREACHABLE: 'unreachable',
  ERR_CONNECTION_REFUSED: 'refused',
  ERR_CONNECTION_TIMED_OUT: 'connect_timeout',
  ERR_CONNECTION_RESET: 'reset',
  ERR_CONNECTION_CLOSED: 'reset',
  ERR_CONNECTION_ABORTED: 'reset',
  ERR_EMPTY_RESPONSE: 'reset',
  ERR_NETWORK_CHANGED: 'reset',
  ERR_TIMED_OUT: 'timed_out',
}

/** Node's socket errors and OpenSSL's verification codes, as undici's `cause.code`. */
const NODE: Record<string, TransportCause> = {
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'cert_untrusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'cert_untrusted',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'cert_untrusted',
  UNABLE_TO_GET_ISSUER_CERT: 'cert_untrusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'cert_untrusted',
  CERT_UNTRUSTED: 'cert_untrusted',
  CERT_HAS_EXPIRED: 'cert_expired',
  CERT_NOT_YET_VALID: 'cert_expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'cert_name_mismatch',
  HOSTNAME_MISMATCH: 'cert_name_mismatch',
  CERT_REVOKED: 'cert_revoked',
  ERR_SSL_WRONG_VERSION_NUMBER: 'tls_failed',
  EPROTO: 'tls_failed',
  ENOTFOUND: 'name_not_resolved',
  EAI_AGAIN: 'name_not_resolved',
  ENETDOWN: 'offline',
  ENETUNREACH: 'unreachable',
  EHOSTUNREACH: 'unreachable',
  EADDRNOTAVAIL: 'unreachable',
  ECONNREFUSED: 'refused',
  UND_ERR_CONNECT_TIMEOUT: 'connect_timeout',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  UND_ERR_SOCKET: 'reset',
  ETIMEDOUT: 'timed_out',
}

function causeOfChromiumName(name: string): TransportCause | undefined {
  const known = CHROMIUM[name]
  if (known) return known
  if (name.startsWith('ERR_CERT_')) return 'cert_invalid'
  if (name.startsWith('ERR_SSL_')) return 'tls_failed'
  if (name.startsWith('ERR_PROXY_') || name.startsWith('ERR_SOCKS_')) return 'proxy_refused'
  return undefined
}

function causeOfNodeCode(code: string): TransportCause | undefined {
  const known = NODE[code]
  if (known) return known
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) return 'tls_failed'
  if (code.startsWith('CERT_') || code.includes('_CERT')) return 'cert_invalid'
  return undefined
}

/** Where the failure came from, when it went through a proxy the app knows of (Node's fetch with a ProxyAgent). */
export interface DiagnosisContext {
  /** The proxy's host and port, as the socket reports them (`127.0.0.1:8080`). */
  proxyAddress?: string
}

/** Node's socket errors name the far end (`address`, `port`); undici's SocketError has it on `socket`. */
interface NodeErrorShape {
  code?: unknown
  message?: unknown
  address?: unknown
  port?: unknown
  socket?: { remoteAddress?: unknown; remotePort?: unknown }
}

const socketAddress = (address: unknown, port: unknown) =>
  typeof address === 'string' && typeof port === 'number' ? `${address}:${port}` : undefined

/** undici's ProxyAgent says the proxy answered the CONNECT with something else than 200. */
const UNDICI_TUNNEL = /Proxy response \((\d{3})\) !== 200 when HTTP Tunneling/i

function diagnoseOne(current: object, context: DiagnosisContext): TransportDiagnosis | 'next' | undefined {
  const { code, message, address, port, socket } = current as NodeErrorShape
  if (typeof message === 'string') {
    const chromium = /net::(ERR_[A-Z0-9_]+)/.exec(message)
    if (chromium?.[1]) {
      const cause = causeOfChromiumName(chromium[1])
      return cause ? withRule(cause, chromium[1]) : undefined
    }
    const tunnel = UNDICI_TUNNEL.exec(message)
    if (tunnel) {
      return withRule(tunnel[1] === '407' ? 'proxy_auth_required' : 'proxy_tunnel_failed', `PROXY_${tunnel[1]}`)
    }
  }
  if (typeof code !== 'string') return 'next'
  let cause = causeOfNodeCode(code)
  // Node names the socket that failed: when that is the proxy, the proxy is the cause.
  const at = socketAddress(address, port) ?? socketAddress(socket?.remoteAddress, socket?.remotePort)
  if (at !== undefined && at === context.proxyAddress) {
    if (cause === 'refused' || cause === 'reset' || cause === 'unreachable' || cause === 'connect_timeout') {
      cause = 'proxy_refused'
    }
  }
  if (cause === undefined) return 'next'
  return withRule(cause, code)
}

/**
 * The cause of a failed fetch, from Electron's net::ERR_* message or Node's `cause.code` (a few levels of
 * `cause` deep); `null` when nothing in it names a known cause (then the caller words it generically).
 */
export function diagnoseTransportError(error: unknown, context: DiagnosisContext = {}): TransportDiagnosis | null {
  for (let current: unknown = error, depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const found = diagnoseOne(current, context)
    if (found === undefined) return null
    if (found !== 'next') return found
    current = (current as { cause?: unknown }).cause
  }
  return null
}

function withRule(cause: TransportCause, code: string): TransportDiagnosis {
  return { cause, code, ...RULES[cause] }
}

/** One sentence per cause, naming what is wrong and what to do; English (the renderer shows the catalog's). */
export function transportCauseMessage(cause: TransportCause, host: string): string {
  return MESSAGES[cause](host)
}

const MESSAGES: Record<TransportCause, (host: string) => string> = {
  proxy_refused: (host) =>
    `Your proxy refused the connection to ${host}. Check the proxy in Settings → Network, or ask your IT team whether it is running.`,
  proxy_tunnel_failed: (host) =>
    `Your proxy could not open a connection to ${host}. It may block this address: ask your IT team to allow it.`,
  proxy_auth_required: (host) =>
    `Your proxy asks for a sign-in before it lets Inbox Desk reach ${host}. Ask your IT team to allow this address without one.`,
  proxy_unresolved: (host) =>
    `The proxy's host name could not be found while connecting to ${host}. Check the proxy address in Settings → Network.`,
  proxy_config_failed: (host) =>
    `The proxy configuration (for example a PAC script) could not be used to reach ${host}. Check Settings → Network, or ask your IT team.`,
  cert_untrusted: (host) =>
    `The server's certificate is not trusted: ${host} sent a certificate this computer does not trust (self-signed, or from an unknown authority). If your company inspects HTTPS, ask your IT team to install its root certificate; otherwise check the address.`,
  cert_expired: (host) =>
    `The server's certificate has expired (or is not valid yet) for ${host}. Check this computer's date and time; if they are right, the server's owner must renew it.`,
  cert_name_mismatch: (host) =>
    `The server's certificate is for another name than ${host}. Check the address in Settings: use the host name the certificate was issued for.`,
  cert_revoked: (host) =>
    `The server's certificate for ${host} has been revoked by its issuer. Do not use this address; tell the API's provider.`,
  cert_invalid: (host) =>
    `The server's certificate for ${host} is not valid. Tell the API's provider, or ask your IT team.`,
  client_cert_required: (host) =>
    `${host} asks for a client certificate, and none was accepted. Ask your IT team to install yours on this computer.`,
  tls_failed: (host) =>
    `A secure connection to ${host} could not be set up. Check that the address is the API's https:// address, or ask your IT team whether a proxy interferes.`,
  name_not_resolved: (host) =>
    `The host name ${host} could not be found. Check the address, and that this computer is connected.`,
  offline: () => `This computer is offline. Inbox Desk tries again when the connection is back.`,
  unreachable: (host) => `The network to ${host} is unreachable. Check this computer's connection.`,
  refused: (host) => `${host} refused the connection. Check the address and port, and that the server is running.`,
  connect_timeout: (host) => `The connection to ${host} could not be opened in time. Check your connection.`,
  reset: (host) => `The connection to ${host} was dropped before the server answered.`,
  timed_out: (host) => `${host} did not answer in time.`,
}
