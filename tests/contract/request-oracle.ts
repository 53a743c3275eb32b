/**
 * Whether a request is one docs/inbox-api.yaml allows, decided from the yaml
 * alone (its parameter and request-body schemas, through ajv), never from the
 * sandbox's own zod schemas: the property-based test (./fuzz.test.ts) uses it
 * as the oracle that the sandbox's answers are checked against.
 *
 * Query values arrive as strings, so each is read the way OpenAPI's default
 * serialization writes its type: an integer in its decimal form (no sign, no
 * leading zero, no exponent), a boolean as `true`/`false`. The contract's
 * rules also make a query parameter the operation does not define, or one
 * given more than once, invalid on the operations that have query parameters
 * and document a 400 (listConversations, getMessages).
 */
import type { Contract, ContractOperation } from './openapi'

type Json = Record<string, unknown>

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

export interface FuzzRequest {
  operationId: string
  /** Filled into `{chatId}`. */
  chatId?: string
  /** Name/value pairs in order; a name may repeat. */
  query: Array<[string, string]>
  /** The raw body text, or undefined for none. */
  body?: string
}

export interface Verdict {
  valid: boolean
  /** Why not, for the failure message. */
  reasons: string[]
}

function pointerOf(operation: ContractOperation): string {
  return `#/paths/${operation.path.replace(/~/g, '~0').replace(/\//g, '~1')}/${operation.method.toLowerCase()}`
}

function deref(contract: Contract, node: unknown): Json {
  let current = node
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string'; hops++) {
    if (hops > 10) throw new Error('ref loop')
    current = contract.resolve(current.$ref)
  }
  if (!isObject(current)) throw new Error(`not a schema: ${JSON.stringify(current)}`)
  return current
}

/** A query string's value read as the JSON value of the parameter's type, or a reason it cannot be. */
function readQueryValue(type: unknown, raw: string): { value: unknown } | { error: string } {
  if (type === 'integer') {
    return /^(0|[1-9]\d*)$/.test(raw) ? { value: Number(raw) } : { error: `"${raw}" is not written as an integer` }
  }
  if (type === 'boolean') {
    return raw === 'true' || raw === 'false' ? { value: raw === 'true' } : { error: `"${raw}" is not a boolean` }
  }
  return { value: raw }
}

export function judge(contract: Contract, request: FuzzRequest): Verdict {
  const operation = contract.operation(request.operationId)
  const base = pointerOf(operation)
  const reasons: string[] = []
  const responses = isObject(operation.definition.responses) ? operation.definition.responses : {}
  const parameters = (Array.isArray(operation.definition.parameters) ? operation.definition.parameters : [])
    .map((p, index) => ({ parameter: deref(contract, p), index }))
    .filter(({ parameter }) => parameter.in === 'query')
  const strictQuery = parameters.length > 0 && '400' in responses

  if (operation.path.includes('{chatId}')) {
    const errors = contract.errorsAt('#/components/parameters/ChatId/schema', request.chatId ?? '')
    if (errors.length > 0) reasons.push(`chatId: ${errors.join('; ')}`)
  }

  const seen = new Map<string, number>()
  for (const [name] of request.query) seen.set(name, (seen.get(name) ?? 0) + 1)
  for (const [name, count] of seen) {
    const known = parameters.some(({ parameter }) => parameter.name === name)
    if (strictQuery && !known) reasons.push(`${name} is not a parameter of ${request.operationId}`)
    if (strictQuery && count > 1) reasons.push(`${name} is given ${count} times`)
  }
  for (const { parameter, index } of parameters) {
    const value = request.query.find(([name]) => name === parameter.name)?.[1]
    if (value === undefined) {
      if (parameter.required === true) reasons.push(`${String(parameter.name)} is required`)
      continue
    }
    const raw = (operation.definition.parameters as Json[])[index]!
    const schemaPointer = typeof raw.$ref === 'string' ? `${raw.$ref}/schema` : `${base}/parameters/${index}/schema`
    const read = readQueryValue(deref(contract, parameter.schema).type, value)
    if ('error' in read) {
      reasons.push(`${String(parameter.name)}: ${read.error}`)
      continue
    }
    const errors = contract.errorsAt(schemaPointer, read.value)
    if (errors.length > 0) reasons.push(`${String(parameter.name)}: ${errors.join('; ')}`)
  }

  const requestBody = isObject(operation.definition.requestBody) ? operation.definition.requestBody : undefined
  if (requestBody) {
    if (request.body === undefined || request.body.trim() === '') {
      if (requestBody.required === true) reasons.push('the body is required')
    } else {
      let parsed: unknown
      try {
        parsed = JSON.parse(request.body)
        const errors = contract.errorsAt(`${base}/requestBody/content/application~1json/schema`, parsed)
        if (errors.length > 0) reasons.push(`body: ${errors.join('; ')}`)
      } catch {
        reasons.push('the body is not JSON')
      }
    }
  }
  return { valid: reasons.length === 0, reasons }
}
