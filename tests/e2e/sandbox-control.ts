/**
 * The sandbox's control routes (/_sandbox/*, see src/sandbox/README.md) from
 * Node: used by the end-to-end specs (re-exported by ./fixtures) and by the
 * benchmarks. Plain fetch, no Playwright, so bench/ can import it too.
 */
import type { RequestLogEntry, RunningSandbox } from '../../src/sandbox'

/**
 * Calls a sandbox control route, e.g.
 * `sandboxControl(sandbox, 'POST', '/_sandbox/inbound', { apiKey, chatId, text })`.
 * Throws with the server's answer on anything but 2xx.
 */
export async function sandboxControl<T = unknown>(
  sandbox: RunningSandbox,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(new URL(path, sandbox.url), {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`)
  return (text ? JSON.parse(text) : null) as T
}

/** The sandbox's request log: every API request since the last reset, oldest first. */
export async function sandboxRequests(sandbox: RunningSandbox): Promise<RequestLogEntry[]> {
  return (await sandboxControl<{ data: RequestLogEntry[] }>(sandbox, 'GET', '/_sandbox/requests')).data
}
