/**
 * Certificates for the TLS tests, made at run time with the system's openssl (no key is committed): a
 * throw-away root CA, and leaf certificates it signs for 127.0.0.1 — a valid one, one for another name,
 * one that expired in 2020. Plus a real HTTPS server on a loopback port for any of them.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface TestCertificates {
  /** The root CA's certificate (PEM): trust it to make `valid` trusted. */
  ca: string
  valid: KeyPair
  /** Valid and signed by the CA, but for `other-host.invalid` only. */
  otherName: KeyPair
  /** Signed by the CA for 127.0.0.1, valid in January 2020 only. */
  expired: KeyPair
  dispose(): void
}
export interface KeyPair {
  key: string
  cert: string
}

const CA_CONFIG = `[ ca ]
default_ca = local
[ local ]
dir = .
database = ./index.txt
new_certs_dir = .
serial = ./serial
default_md = sha256
policy = any
copy_extensions = copy
unique_subject = no
[ any ]
commonName = supplied
`

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']

export function makeTestCertificates(): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'inbox-desk-tls-'))
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' })
  writeFileSync(join(dir, 'ca.cnf'), CA_CONFIG)
  writeFileSync(join(dir, 'index.txt'), '')
  writeFileSync(join(dir, 'serial'), '01\n')
  openssl('req', '-x509', ...EC, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/CN=Inbox Desk test CA')
  const leaf = (name: string, subjectAltName: string, dates: string[]) => {
    // The SAN is in the request (-addext); copy_extensions carries it into the certificate.
    openssl(
      'req',
      ...EC,
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.csr`,
      '-subj',
      `/CN=${name}`,
      '-addext',
      `subjectAltName=${subjectAltName}`,
    )
    openssl(
      'ca',
      '-batch',
      '-config',
      'ca.cnf',
      '-keyfile',
      'ca.key',
      '-cert',
      'ca.crt',
      ...dates,
      '-in',
      `${name}.csr`,
      '-out',
      `${name}.crt`,
      '-notext',
    )
    return { key: readFileSync(join(dir, `${name}.key`), 'utf8'), cert: readFileSync(join(dir, `${name}.crt`), 'utf8') }
  }
  const certificates: TestCertificates = {
    ca: readFileSync(join(dir, 'ca.crt'), 'utf8'),
    valid: leaf('valid', 'IP:127.0.0.1', ['-days', '2']),
    otherName: leaf('other', 'DNS:other-host.invalid', ['-days', '2']),
    expired: leaf('expired', 'IP:127.0.0.1', ['-startdate', '20200101000000Z', '-enddate', '20200201000000Z']),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  }
  return certificates
}

export interface TestHttpsServer {
  url: string
  /** Requests that got past the handshake. */
  requests: number
  /** TLS connections that were attempted (handshakes started), failed or not. */
  connections: number
  close(): Promise<void>
}

/** A real HTTPS server on 127.0.0.1 answering `{"data":[]}` to everything. */
export async function startHttpsServer(pair: KeyPair): Promise<TestHttpsServer> {
  const server: Server = createServer({ key: pair.key, cert: pair.cert }, (_req, res) => {
    state.requests++
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end('{"data":[]}')
  })
  // A failed handshake is the client's doing: keep the server quiet about it.
  server.on('tlsClientError', () => undefined)
  server.on('connection', () => state.connections++)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const state: TestHttpsServer = {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: 0,
    connections: 0,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
  return state
}
