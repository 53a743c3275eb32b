/**
 * The errors every main-process service raises or passes on, and their one
 * mapping to what crosses the bridge (`toBridgeError`).
 */
import { coded, englishText, isErrorCode, type CodedText } from '../../shared/i18n/error-texts'
import { bridgeErrorKinds, type BridgeError, type BridgeErrorKind } from '../../shared/ipc/contract'
import { ApiError } from './inbox-api'

/**
 * A failure a main-process service raises on purpose, phrased for the agent by its code
 * (src/shared/i18n/error-texts.ts: the renderer shows it in the UI language, `message` is the English).
 * `toBridgeError` passes it to the renderer unchanged; anything else a handler throws becomes `internal`.
 */
export class BridgeFailure extends Error {
  override readonly name = 'BridgeFailure'
  constructor(
    readonly kind: BridgeErrorKind,
    readonly text: CodedText,
    readonly extra: Pick<BridgeError, 'retryAfterMs' | 'detail'> = {},
  ) {
    super(englishText(text))
  }
}

/** A BridgeError's code and values, from a coded sentence. */
export function codedFields(text: CodedText | undefined): Pick<BridgeError, 'code' | 'values'> {
  if (!text) return {}
  return text.values === undefined ? { code: text.code } : { code: text.code, values: text.values }
}

/** A BridgeError as events and stored entries carry it, from a coded sentence. */
export function codedBridgeError(
  kind: BridgeErrorKind,
  text: CodedText,
  extra: Pick<BridgeError, 'retryAfterMs' | 'detail'> = {},
): BridgeError {
  return { kind, message: englishText(text), ...codedFields(text), ...extra }
}

/** An error that carries its sentence by code without being a BridgeFailure (the store's StoreError). */
function carriedText(error: unknown): CodedText | undefined {
  const text = (error as { text?: unknown } | null)?.text as Partial<CodedText> | undefined
  return typeof text === 'object' && text !== null && isErrorCode(text.code) ? (text as CodedText) : undefined
}

export const isBridgeErrorKind = (value: unknown): value is BridgeErrorKind =>
  typeof value === 'string' && (bridgeErrorKinds as readonly string[]).includes(value)

/**
 * What crosses the bridge for any error a handler throws: an `ApiError` or a
 * `BridgeFailure` keeps its kind and message; anything else is a bug, shown as
 * `internal` with its message as detail.
 */
export function toBridgeError(error: unknown): BridgeError {
  if (error instanceof ApiError) {
    const result: BridgeError = { kind: error.kind, message: error.message, ...codedFields(error.text) }
    if (error.details.retryAfterMs !== undefined) result.retryAfterMs = error.details.retryAfterMs
    // The translated sentence says only the cause: not for a reply that may have been sent (its message says so).
    if (error.details.cause !== undefined && error.details.ambiguous !== true) {
      result.cause = error.details.cause
      if (error.details.host !== undefined) result.host = error.details.host
    }
    const technical = [
      error.details.operation,
      error.details.status !== undefined ? `HTTP ${error.details.status}` : undefined,
      error.details.networkCode,
      error.details.serverCode,
      error.details.serverMessage,
    ].filter((part): part is string => typeof part === 'string' && part.length > 0)
    if (technical.length > 0) result.detail = technical.join(' · ')
    return result
  }
  if (error instanceof BridgeFailure && isBridgeErrorKind(error.kind)) {
    return { kind: error.kind, message: error.message, ...codedFields(error.text), ...error.extra }
  }
  const message = error instanceof Error ? error.message : String(error)
  return codedBridgeError('internal', carriedText(error) ?? coded('internal'), { detail: message })
}
