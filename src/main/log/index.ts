/**
 * The main process's logger: an interface the services take as a parameter,
 * and redaction so that no API key ever reaches a log line. The shell backs
 * the sink with electron-log; tests record lines in an array.
 */
import type { LogLevel, LogSink, Logger, Redactor } from '../ports/logger'

export const REDACTED = '[redacted]'

/** Secrets shorter than this are not redacted by value: replacing every "ab"
 * in every log line would make logs unreadable and protect nothing. */
const MIN_SECRET_LENGTH = 6

// A key sent in a header or written as a field, whatever its value: covers keys
// we were never told about (an old key, a key typed into the wrong field).
const KEY_FIELD_PATTERN = /((?:x-api-key|api[_-]?key|apikey)["']?\s*[:=]\s*["']?)([^\s"',;}&]+)/gi

export function createRedactor(): Redactor {
  const secrets = new Set<string>()
  return {
    addSecret(secret) {
      if (secret.length >= MIN_SECRET_LENGTH) secrets.add(secret)
    },
    removeSecret(secret) {
      secrets.delete(secret)
    },
    redact(text) {
      let result = text
      for (const secret of secrets) result = result.split(secret).join(REDACTED)
      return result.replace(KEY_FIELD_PATTERN, `$1${REDACTED}`)
    },
  }
}

function formatDetail(detail: unknown): string {
  if (detail instanceof Error) return detail.stack ?? `${detail.name}: ${detail.message}`
  if (typeof detail === 'string') return detail
  try {
    return JSON.stringify(detail)
  } catch (error) {
    // Circular or exotic values: say so rather than drop the log line.
    return `[unserialisable detail: ${error instanceof Error ? error.message : String(error)}]`
  }
}

/** The longest line a log gets; past it the line is cut, saying how much was left out. */
export const MAX_LOG_LINE_LENGTH = 8 * 1024

// Line breaks of every kind, and the other control characters a terminal or log viewer acts on.
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_LINE = /[\u0000-\u0008\u000b-\u001f\u007f\u0085\u2028\u2029\n]/g

/**
 * One log entry as one line: a value that carries a line break (a 5 MB "key"
 * with `\n` in it, a stack trace) can never start a line of its own that
 * looks like another entry. Breaks and control characters are written as
 * escapes (`\n`, `\u001b`), and an overlong line is cut.
 */
export function toLogLine(text: string): string {
  const cut =
    text.length > MAX_LOG_LINE_LENGTH
      ? `${text.slice(0, MAX_LOG_LINE_LENGTH)}… (${text.length - MAX_LOG_LINE_LENGTH} more characters)`
      : text
  return cut.replace(UNSAFE_IN_LINE, (char) => {
    if (char === '\n') return '\\n'
    if (char === '\r') return '\\r'
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`
  })
}

export function createLogger(sink: LogSink, redactor: Redactor = createRedactor(), scope?: string): Logger {
  const write = (level: LogLevel, message: string, details: unknown[]) => {
    const prefix = scope ? `[${scope}] ` : ''
    const rest = details.length ? ' ' + details.map(formatDetail).join(' ') : ''
    // Redact before cutting, so that a cut can never leave half a key behind unredacted.
    sink(level, toLogLine(redactor.redact(prefix + message + rest)))
  }
  return {
    debug: (message, ...details) => write('debug', message, details),
    info: (message, ...details) => write('info', message, details),
    warn: (message, ...details) => write('warn', message, details),
    error: (message, ...details) => write('error', message, details),
    child: (childScope) => createLogger(sink, redactor, scope ? `${scope}:${childScope}` : childScope),
  }
}

/** For code run outside the app (scripts, a shell without electron-log). */
export const consoleSink: LogSink = (level, line) => {
  console[level === 'debug' ? 'log' : level](line)
}

/** Records lines: tests assert on what was logged (and that no key was). */
export function createMemorySink(): LogSink & { lines: { level: LogLevel; line: string }[] } {
  const lines: { level: LogLevel; line: string }[] = []
  const sink = ((level: LogLevel, line: string) => {
    lines.push({ level, line })
  }) as LogSink & { lines: typeof lines }
  sink.lines = lines
  return sink
}

/** Drops everything: for services constructed in tests that do not look at logs. */
export const silentLogger: Logger = createLogger(() => undefined)
