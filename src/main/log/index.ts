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

export function createLogger(sink: LogSink, redactor: Redactor = createRedactor(), scope?: string): Logger {
  const write = (level: LogLevel, message: string, details: unknown[]) => {
    const prefix = scope ? `[${scope}] ` : ''
    const rest = details.length ? ' ' + details.map(formatDetail).join(' ') : ''
    sink(level, redactor.redact(prefix + message + rest))
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
