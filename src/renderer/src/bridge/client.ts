/**
 * The typed client over `window.inboxDesk`.
 *
 * Every bridge call resolves to a `BridgeResult`; TanStack Query wants a
 * promise that rejects on failure, so `call` unwraps `{ ok: false }` into a
 * thrown `BridgeCallError` that keeps the error's kind for the UI to branch on.
 */
import type { InvokeChannel } from '../../../shared/ipc/channels'
import type {
  BridgeError,
  BridgeErrorKind,
  EventPayloads,
  InboxDeskBridge,
  InvokeArgs,
  InvokeResult,
  TransportCause,
} from '../../../shared/ipc/contract'
import { i18n } from '../i18n/i18n'

export class BridgeCallError extends Error {
  readonly kind: BridgeErrorKind
  readonly retryAfterMs?: number
  readonly detail?: string
  /** Why the connection failed, when main knew (`BridgeError.cause`; Error's own `cause` is another thing). */
  readonly transportCause?: TransportCause
  readonly host?: string
  /** The sentence by its code (`BridgeError.code`), translated by `errorMessage`. */
  readonly code?: BridgeError['code']
  readonly values?: BridgeError['values']

  constructor(
    readonly channel: InvokeChannel,
    error: BridgeError,
  ) {
    super(error.message)
    this.name = 'BridgeCallError'
    this.kind = error.kind
    this.retryAfterMs = error.retryAfterMs
    this.detail = error.detail
    this.transportCause = error.cause
    this.host = error.host
    this.code = error.code
    this.values = error.values
  }
}

/** The kind of any error, `internal` when it did not come from the bridge. */
export function errorKind(error: unknown): BridgeErrorKind {
  return error instanceof BridgeCallError ? error.kind : 'internal'
}

/** A coded sentence in the UI language (`errors.<code>`), its coded values translated first; null if unknown. */
function translated(text: { code?: unknown; values?: unknown }): string | null {
  if (typeof text.code !== 'string' || !i18n.exists(`errors.${text.code}`)) return null
  const values: Record<string, string | number> = {}
  for (const [name, value] of Object.entries((text.values ?? {}) as Record<string, unknown>)) {
    if (typeof value === 'string' || typeof value === 'number') values[name] = value
    else if (typeof value === 'object' && value !== null) values[name] = translated(value) ?? ''
  }
  return i18n.t(`errors.${text.code}`, values)
}

/**
 * The sentence to show for any error, in the UI language: a sentence main coded (`errors.<code>`, see
 * src/shared/i18n/error-texts.ts), or a connection that failed for a known cause (`errors.<cause>`); otherwise
 * the message as main wrote it (English), or the error's own.
 */
export function errorMessage(error: unknown): string {
  // A BridgeCallError, or a BridgeError as events carry it (an Error's own `cause` is something else).
  const bridged: Partial<BridgeError> | null =
    error instanceof BridgeCallError
      ? {
          message: error.message,
          cause: error.transportCause,
          host: error.host,
          code: error.code,
          values: error.values,
        }
      : error instanceof Error
        ? null
        : (error as Partial<BridgeError> | null)
  const cause = bridged?.cause
  if (typeof cause === 'string' && i18n.exists(`errors.${cause}`)) {
    return i18n.t(`errors.${cause}`, { host: bridged?.host ?? '' })
  }
  const coded = bridged ? translated(bridged) : null
  if (coded !== null) return coded
  if (error instanceof Error) return error.message
  if (typeof bridged?.message === 'string') return bridged.message
  return String(error)
}

function bridge(): InboxDeskBridge {
  const value = (window as Partial<Window>).inboxDesk
  if (!value) throw new Error(i18n.t('app.noBridge'))
  return value
}

/** Calls a bridge channel; resolves to its value or throws `BridgeCallError`. */
export async function call<C extends InvokeChannel>(
  channel: C,
  ...args: undefined extends InvokeArgs<C> ? [arg?: InvokeArgs<C>] : [arg: InvokeArgs<C>]
): Promise<InvokeResult<C>> {
  const fn = bridge()[channel] as (
    arg?: unknown,
  ) => Promise<{ ok: true; value: InvokeResult<C> } | { ok: false; error: BridgeError }>
  const result = await fn(args[0])
  if (result.ok) return result.value
  throw new BridgeCallError(channel, result.error)
}

/** Subscribes to a push event; returns the unsubscribe function. */
export function subscribe<E extends keyof EventPayloads>(
  event: E,
  listener: (payload: EventPayloads[E]) => void,
): () => void {
  return bridge().on(event, listener)
}

export function hasBridge(): boolean {
  return typeof (window as Partial<Window>).inboxDesk === 'object'
}
