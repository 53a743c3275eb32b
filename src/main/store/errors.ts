/**
 * The one error the store raises: a kind the caller can act on, and a sentence
 * a support agent can read. SQLite's codes and Node's errno values stay in
 * `detail` (for the log), never in the message.
 */
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

const messages: Record<StoreErrorKind, string> = {
  read_only:
    'Inbox Desk cannot save to its data folder (it is read-only or not allowed). Replies stay in the outbox until saving works again.',
  disk_full: 'The disk is full: Inbox Desk cannot save new data. Free some space; nothing already saved is lost.',
  corrupt: 'The local inbox database is damaged. Inbox Desk rebuilds it from the server.',
  too_new: 'The local inbox database was written by a newer version of Inbox Desk. Update the app to open it.',
  busy: 'The local inbox database is in use by another copy of Inbox Desk.',
  failed: 'The local inbox database could not be read or written.',
}

export class StoreError extends Error {
  override readonly name = 'StoreError'
  constructor(
    readonly kind: StoreErrorKind,
    /** What went wrong underneath (SQLite code, errno, file), for the log only. */
    readonly detail: string,
    options: { cause?: unknown } = {},
  ) {
    super(messages[kind], options)
  }
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
