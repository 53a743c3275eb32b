/**
 * The logging port: what a service needs to write a log line, and the
 * redactor that keeps API keys out of every line and bridge error. The
 * implementation (src/main/log) and the shell's sink (electron-log) plug in
 * behind it.
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

export interface Logger {
  debug(message: string, ...details: unknown[]): void
  info(message: string, ...details: unknown[]): void
  warn(message: string, ...details: unknown[]): void
  error(message: string, ...details: unknown[]): void
  /** A logger whose lines start with `[scope]`, sharing this one's sink and secrets. */
  child(scope: string): Logger
}

/** Where finished (already redacted) lines go. */
export type LogSink = (level: LogLevel, line: string) => void

/**
 * Knows the secrets of the moment (the current API key) and removes them from
 * any text. One redactor is shared by the logger and the bridge, so a key
 * added once is hidden everywhere.
 */
export interface Redactor {
  addSecret(secret: string): void
  removeSecret(secret: string): void
  redact(text: string): string
}
