/**
 * Checks HTTP responses against docs/inbox-api.yaml.
 *
 * Reusable by any test that talks to an Inbox API (the sandbox's contract
 * tests, the API client's tests): give it the operationId, the status and the
 * parsed body (and the headers, for 429's Retry-After), and it fails with a
 * readable message when the contract does not allow that response.
 *
 *   expectMatchesContract('listConversations', 200, body)
 *   const body = await expectResponseMatchesContract('sendReply', response)
 *
 * Component refs (`#/components/...`) are resolved by ajv against the whole
 * document; response refs (`#/components/responses/...`) by this module.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { parse } from 'yaml'

export const CONTRACT_PATH = fileURLToPath(new URL('../../docs/inbox-api.yaml', import.meta.url))
const DOCUMENT_ID = 'https://inbox-desk.invalid/inbox-api.yaml'
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const

type JsonObject = Record<string, unknown>

export interface ContractOperation {
  operationId: string
  method: string
  /** The path template, e.g. `/conversations/{chatId}/messages`. */
  path: string
  definition: JsonObject
}

interface ResolvedResponse {
  /** JSON pointer (inside the document) of the application/json schema, if the response has a body. */
  schemaPointer?: string
  headers: Record<string, JsonObject>
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1')
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~')
}

function at(document: JsonObject, pointer: string): unknown {
  if (!pointer.startsWith('#/')) throw new Error(`only local refs are supported, got ${pointer}`)
  let node: unknown = document
  for (const segment of pointer.slice(2).split('/').map(unescapePointer)) {
    if (Array.isArray(node) && /^\d+$/.test(segment) && Number(segment) < node.length) {
      node = node[Number(segment)]
      continue
    }
    if (!isObject(node) || !(segment in node)) throw new Error(`the contract has nothing at ${pointer}`)
    node = node[segment]
  }
  return node
}

export function loadContract(path: string = CONTRACT_PATH): JsonObject {
  const document: unknown = parse(readFileSync(path, 'utf8'))
  if (!isObject(document) || !isObject(document.paths)) throw new Error(`${path} is not an OpenAPI document`)
  return document
}

export class Contract {
  readonly document: JsonObject
  readonly operations = new Map<string, ContractOperation>()
  private readonly ajv: Ajv2020
  private readonly validators = new Map<string, ValidateFunction>()

  constructor(document: JsonObject = loadContract()) {
    this.document = document
    // strict:false because the document also holds OpenAPI keywords (example, description on refs, ...).
    this.ajv = new Ajv2020({ strict: false, allErrors: true })
    addFormats(this.ajv)
    this.ajv.addSchema({ ...document, $id: DOCUMENT_ID }, DOCUMENT_ID)
    for (const [path, item] of Object.entries(document.paths as JsonObject)) {
      if (!isObject(item)) continue
      for (const method of HTTP_METHODS) {
        const definition = item[method]
        if (!isObject(definition) || typeof definition.operationId !== 'string') continue
        this.operations.set(definition.operationId, {
          operationId: definition.operationId,
          method: method.toUpperCase(),
          path,
          definition,
        })
      }
    }
  }

  operation(operationId: string): ContractOperation {
    const operation = this.operations.get(operationId)
    if (!operation) {
      throw new Error(`no operation ${operationId} in the contract (known: ${[...this.operations.keys()].join(', ')})`)
    }
    return operation
  }

  /** The value at a local JSON pointer of the document (`#/components/schemas/User`). */
  resolve(pointer: string): unknown {
    return at(this.document, pointer)
  }

  /** Errors (empty when valid) of a value against the schema at a JSON pointer of the document. */
  errorsAt(pointer: string, value: unknown): string[] {
    const validate = this.validatorAt(pointer)
    return validate(value) ? [] : this.ajv.errorsText(validate.errors, { separator: '\n' }).split('\n')
  }

  /** A validator for the schema at a JSON pointer of the document (`#/components/schemas/Conversation`). */
  validatorAt(pointer: string): ValidateFunction {
    let validate = this.validators.get(pointer)
    if (!validate) {
      at(this.document, pointer) // fail early with a clear message when the pointer is wrong
      validate = this.ajv.compile({ $ref: `${DOCUMENT_ID}${pointer}` })
      this.validators.set(pointer, validate)
    }
    return validate
  }

  /** Errors (empty when valid) of a value against `#/components/schemas/<name>`. */
  componentErrors(name: string, value: unknown): string[] {
    return this.errorsAt(`#/components/schemas/${escapePointer(name)}`, value)
  }

  private resolveResponse(operation: ContractOperation, status: number): ResolvedResponse | undefined {
    const responses = operation.definition.responses
    if (!isObject(responses)) return undefined
    const key =
      String(status) in responses
        ? String(status)
        : `${String(status)[0]}XX` in responses
          ? `${String(status)[0]}XX`
          : 'default'
    if (!(key in responses)) return undefined
    const basePointer = `#/paths/${escapePointer(operation.path)}/${operation.method.toLowerCase()}/responses/${key}`
    let pointer = basePointer
    let response = responses[key]
    // Follow response-level refs (#/components/responses/...).
    for (let hops = 0; isObject(response) && typeof response.$ref === 'string'; hops++) {
      if (hops > 10) throw new Error(`ref loop at ${basePointer}`)
      pointer = response.$ref
      response = at(this.document, pointer)
    }
    if (!isObject(response)) throw new Error(`response ${pointer} is not an object`)
    const content = response.content
    const hasJson = isObject(content) && isObject(content['application/json'])
    return {
      schemaPointer: hasJson ? `${pointer}/content/application~1json/schema` : undefined,
      headers: isObject(response.headers) ? (response.headers as Record<string, JsonObject>) : {},
    }
  }

  /**
   * Every way a response breaks the contract (empty when it matches). `body`
   * is the parsed JSON, or undefined/null/'' for an empty body. `headers` are
   * needed to check declared headers (Retry-After on 429).
   */
  responseErrors(
    operationId: string,
    status: number,
    body: unknown,
    headers?: Headers | Record<string, string | undefined>,
  ): string[] {
    const operation = this.operation(operationId)
    const response = this.resolveResponse(operation, status)
    if (!response) {
      const allowed = Object.keys(isObject(operation.definition.responses) ? operation.definition.responses : {})
      return [`status ${status} is not a documented response of ${operationId} (documented: ${allowed.join(', ')})`]
    }
    const errors: string[] = []
    const emptyBody = body === undefined || body === null || body === ''
    if (response.schemaPointer) {
      if (emptyBody) errors.push(`${operationId} ${status} must have a JSON body`)
      else {
        const validate = this.validatorAt(response.schemaPointer)
        if (!validate(body))
          errors.push(...this.ajv.errorsText(validate.errors, { separator: '\n', dataVar: 'body' }).split('\n'))
      }
    } else if (!emptyBody) {
      errors.push(`${operationId} ${status} must have no body, got ${JSON.stringify(body).slice(0, 200)}`)
    }
    for (const [name, header] of Object.entries(response.headers)) {
      if (headers === undefined) {
        errors.push(`${operationId} ${status} declares header ${name}: pass the response headers to check it`)
        continue
      }
      const value = headers instanceof Headers ? headers.get(name) : (headers[name] ?? headers[name.toLowerCase()])
      if (value === null || value === undefined) {
        errors.push(`${operationId} ${status} must send header ${name}`)
        continue
      }
      const schema = isObject(header.schema) ? header.schema : {}
      if (schema.type === 'integer' && !/^\d+$/.test(value))
        errors.push(`header ${name} must be an integer, got "${value}"`)
    }
    return errors
  }
}

let shared: Contract | undefined
/** The project's contract, loaded once per test file. */
export function contract(): Contract {
  shared ??= new Contract()
  return shared
}

/** Throws (failing the test) when the response is not one the contract allows for this operation. */
export function expectMatchesContract(
  operationId: string,
  status: number,
  body: unknown,
  headers?: Headers | Record<string, string | undefined>,
): void {
  const errors = contract().responseErrors(operationId, status, body, headers)
  if (errors.length > 0) {
    const shown = JSON.stringify(body)
    throw new Error(
      `Response does not match docs/inbox-api.yaml for ${operationId} ${status}:\n  - ${errors.join('\n  - ')}\n` +
        `body: ${shown === undefined ? '(none)' : shown.slice(0, 500)}`,
    )
  }
}

/** Reads a fetch Response (JSON or empty), checks it against the contract, and returns the parsed body. */
export async function expectResponseMatchesContract(operationId: string, response: Response): Promise<unknown> {
  const text = await response.text()
  let body: unknown = undefined
  if (text !== '') {
    try {
      body = JSON.parse(text)
    } catch (error) {
      throw new Error(
        `${operationId} ${response.status} answered a body that is not JSON (${String(error)}): ${text.slice(0, 200)}`,
        { cause: error },
      )
    }
  }
  expectMatchesContract(operationId, response.status, body, response.headers)
  return body
}

/**
 * For answers that belong to no operation (unknown route 404, 413, 500):
 * the body must still be the contract's `Error` shape.
 */
export function expectErrorBody(body: unknown): void {
  const errors = contract().componentErrors('Error', body)
  if (errors.length > 0) {
    throw new Error(
      `Body is not the contract's Error shape:\n  - ${errors.join('\n  - ')}\nbody: ${JSON.stringify(body)}`,
    )
  }
}
