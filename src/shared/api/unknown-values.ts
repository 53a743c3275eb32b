/**
 * Values a server may send that this client does not know yet: a new message
 * status, direction, channel type or content type. The contract says unknown
 * future values must not break a client, so the schemas built here accept
 * them item by item instead of failing a whole page:
 *
 * - `tolerantEnum`: a value outside the known set reads as `unknown` (a
 *   message whose status is a new word shows a neutral "unknown" state);
 * - `openValue`: the value is kept as sent (an unknown channel type gets a
 *   generic icon, an unknown content type a placeholder).
 *
 * Either way the value is reported to the listeners registered with
 * `onUnknownValue` (the API client logs each field/value pair once), so that
 * whoever reads the log learns that the server grew a new value.
 *
 * Pure: no electron, no DOM, no node:* imports.
 */
import { z } from 'zod'

export const UNKNOWN = 'unknown' as const

export type UnknownValueListener = (field: string, value: string) => void

const listeners = new Set<UnknownValueListener>()

/** Hears every unknown value any schema of this module meets; returns the unsubscribe function. */
export function onUnknownValue(listener: UnknownValueListener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

function report(field: string, value: string): void {
  for (const listener of listeners) listener(field, value)
}

/**
 * A string that is one of `known`, or `unknown` for anything else (reported).
 * `unknown` itself passes silently, so a value parsed twice is reported once.
 */
export function tolerantEnum<const T extends readonly string[]>(
  field: string,
  known: T,
  maxLength: number,
): z.ZodType<T[number] | typeof UNKNOWN, string> {
  const accepted = new Set<string>(known)
  const schema = z
    .string()
    .max(maxLength)
    .overwrite((value) => {
      if (accepted.has(value) || value === UNKNOWN) return value
      report(field, value)
      return UNKNOWN
    })
  // The runtime schema stays a plain zod string (so z.toJSONSchema still says `string`); only its type is narrowed.
  return schema as unknown as z.ZodType<T[number] | typeof UNKNOWN, string>
}

/** Any string up to `maxLength`, kept as sent; one outside `known` is reported. */
export function openValue(field: string, known: readonly string[], maxLength: number): z.ZodString {
  const accepted = new Set<string>(known)
  return z
    .string()
    .max(maxLength)
    .overwrite((value) => {
      if (!accepted.has(value)) report(field, value)
      return value
    })
}
