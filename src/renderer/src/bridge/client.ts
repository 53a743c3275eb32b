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
  }
}

/** The kind of any error, `internal` when it did not come from the bridge. */
export function errorKind(error: unknown): BridgeErrorKind {
  return error instanceof BridgeCallError ? error.kind : 'internal'
}

/**
 * The sentence to show for any error. A connection that failed for a known cause (a proxy, a certificate…)
 * reads in the UI language from the catalog (`errors.<cause>`); other messages come from main as written.
 */
export function errorMessage(error: unknown): string {
  // A BridgeCallError, or a BridgeError as events carry it (an Error's own `cause` is something else).
  const bridged: Partial<BridgeError> | null =
    error instanceof BridgeCallError
      ? { message: error.message, cause: error.transportCause, host: error.host }
      : error instanceof Error
        ? null
        : (error as Partial<BridgeError> | null)
  const cause = bridged?.cause
  if (typeof cause === 'string' && i18n.exists(`errors.${cause}`)) {
    return i18n.t(`errors.${cause}`, { host: bridged?.host ?? '' })
  }
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
