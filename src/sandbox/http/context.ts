import type { HttpBindings } from '@hono/node-server'
import type { Context } from 'hono'
import type { AccountState } from '../store'
import type { LoggedFault } from '../world'

/** What middleware hands to handlers through the Hono context. */
export interface SandboxEnv {
  Bindings: HttpBindings
  Variables: {
    /** Set by the key check on API routes. */
    account: AccountState
    /** Bytes of the JSON body this request answered with (for the request log). */
    responseBytes: number
    /** Set when a drop fault destroyed the socket. */
    dropped: boolean
    /** Set by the fault middleware when a rule fired: what the request log records as `fault`. */
    fault: LoggedFault
  }
}

export type SandboxContext = Context<SandboxEnv>

/** Answers with JSON that is already serialized to UTF-8. */
export function jsonBytes(c: SandboxContext, status: number, body: Buffer): Response {
  c.set('responseBytes', body.byteLength)
  // Buffer.concat/Buffer.from allocate plain (never shared) ArrayBuffers, which is what Hono's type asks for.
  return c.body(body as Uint8Array<ArrayBuffer>, status as 200, { 'content-type': 'application/json; charset=utf-8' })
}

export function json(
  c: SandboxContext,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): Response {
  const text = JSON.stringify(value)
  c.set('responseBytes', Buffer.byteLength(text))
  return c.body(text, status as 200, { 'content-type': 'application/json; charset=utf-8', ...headers })
}

export function jsonError(
  c: SandboxContext,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return json(c, status, { error: { code, message } }, headers)
}

export function noContent(c: SandboxContext): Response {
  c.set('responseBytes', 0)
  return c.body(null, 204)
}

/** Reads and parses a JSON body; undefined (after answering 400) when it is not JSON. */
export async function readJson(
  c: SandboxContext,
): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const text = await c.req.text()
  if (text.trim() === '') {
    return {
      ok: false,
      response: jsonError(c, 400, 'bad_request', 'The request body is empty; a JSON object is required.'),
    }
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return { ok: false, response: jsonError(c, 400, 'invalid_json', `The request body is not valid JSON: ${reason}`) }
  }
}

/** A zod error as one readable line: `content.text: Too big: expected string to have <=4096 characters`. */
export function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues
    .slice(0, 5)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message))
    .join('; ')
}
