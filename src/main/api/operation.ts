/** One call of the Inbox API, as the endpoints (./endpoints.ts) describe it and the transport (./transport.ts) sends it. */
import type { CodedText } from '../../shared/i18n/error-texts'

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE'

export interface Operation {
  /** The contract's operationId, for messages and logs. */
  id: string
  method: HttpMethod
  /** Relative to the base URL, already encoded, without a leading slash. */
  path: string
  query?: URLSearchParams
  body?: unknown
  /** Safe to send twice: retried on transient failures. */
  idempotent: boolean
  /** What a 404 means for this operation. The words for "while <doing>" are the catalogs' `during.<id>`. */
  notFound: CodedText
  /** A larger body cap than the client's for this operation (the conversation list, ./body-reader.ts). */
  maxResponseBytes?: number
}
