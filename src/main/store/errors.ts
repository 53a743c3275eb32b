/**
 * The one error the store raises: a kind the caller can act on, and a sentence
 * a support agent can read. SQLite's codes and Node's errno values stay in
 * `detail` (for the log), never in the message.
 */
import { coded, englishText, type CodedText } from '../../shared/i18n/error-texts'

export type StoreErrorKind =
  /** The folder or the file cannot be written (permissions, a read-only volume). */
  | 'read_only'
  /** No space left (SQLITE_FULL, ENOSPC, or the page limit). */
  | 'disk_full'
  /** The file is not a database, or a page of it is damaged. */
  | 'corrupt'
  /** The file was written by a newer version of the app. */
  | 'too_new'
  /** Another process holds the database (a second copy of the app). */
  | 'busy'
  /** Anything else: a bug or an unexpected I/O error. */
  | 'failed'

/** Its sentence: `store.<kind>` in src/shared/i18n/error-texts.ts (the catalogs translate it). */
const textOf = (kind: StoreErrorKind): CodedText => coded(`store.${kind}`)

export class StoreError extends Error {
  override readonly name = 'StoreError'
  constructor(
    readonly kind: StoreErrorKind,
    /** What went wrong underneath (SQLite code, errno, file), for the log only. */
    readonly detail: string,
    options: { cause?: unknown } = {},
  ) {
    super(englishText(textOf(kind)), options)
    this.text = textOf(kind)
  }

  /** The sentence by its code: toBridgeError (src/main/ports/errors.ts) carries it to the renderer. */
  readonly text: CodedText
}

/** SQLite result codes and Node errno values, by the kind they mean here. */
const kindByCode: Array<[RegExp, StoreErrorKind]> = [
  [/^SQLITE_(READONLY|CANTOPEN|PERM|AUTH)/, 'read_only'],
  [/^(EACCES|EPERM|EROFS)$/, 'read_only'],
  [/^SQLITE_FULL/, 'disk_full'],
  [/^ENOSPC$/, 'disk_full'],
  [/^SQLITE_(CORRUPT|NOTADB)/, 'corrupt'],
  [/^SQLITE_(BUSY|LOCKED)/, 'busy'],
]

/** The store's view of any error thrown by better-sqlite3 or node:fs. */
export function toStoreError(error: unknown, file: string): StoreError {
  if (error instanceof StoreError) return error
  const code = typeof error === 'object' && error !== null ? String((error as { code?: unknown }).code ?? '') : ''
  const text = error instanceof Error ? error.message : String(error)
  const kind = kindByCode.find(([pattern]) => pattern.test(code))?.[1] ?? 'failed'
  return new StoreError(kind, `${code || 'error'}: ${text} (${file})`, { cause: error })
}

/** Wraps every method of a query object so that it throws StoreError only. */
export function withStoreErrors<T extends object>(queries: T, file: string): T {
  const wrapped = {} as Record<string, unknown>
  for (const [name, value] of Object.entries(queries)) {
    wrapped[name] =
      typeof value === 'function'
        ? (...args: unknown[]) => {
            try {
              return (value as (...a: unknown[]) => unknown)(...args)
            } catch (error) {
              throw toStoreError(error, file)
            }
          }
        : value
  }
  return wrapped as T
}
