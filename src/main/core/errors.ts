import { bridgeErrorKinds, type BridgeError, type BridgeErrorKind } from '../../shared/ipc/contract'

/**
 * A failure a main-process service raises on purpose, already phrased for the
 * agent. `toBridgeError` passes it to the renderer unchanged; anything else a
 * handler throws becomes `internal`.
 */
export class BridgeFailure extends Error {
  override readonly name = 'BridgeFailure'
  constructor(
    readonly kind: BridgeErrorKind,
    message: string,
    readonly extra: Pick<BridgeError, 'retryAfterMs' | 'detail'> = {},
  ) {
    super(message)
  }
}

export const isBridgeErrorKind = (value: unknown): value is BridgeErrorKind =>
  typeof value === 'string' && (bridgeErrorKinds as readonly string[]).includes(value)
