/**
 * electron-log as the core's log sink: lines arrive already redacted (the
 * core's redactor knows the API key), and go to `<userData>/logs/main.log`
 * and the console. `initialize()` is deliberately not called: it would inject
 * a preload into every session and open an IPC channel for renderer logs,
 * which this app does not want.
 */
import log from 'electron-log/main'
import { join } from 'node:path'
import type { LogSink } from '../ports/logger'

export function createElectronLogSink(userDataDir: string): LogSink {
  log.transports.file.resolvePathFn = () => join(userDataDir, 'logs', 'main.log')
  log.transports.file.level = 'info'
  // electron-log would also forward every line to each window's renderer: the UI has no use for main's log.
  log.transports.ipc.level = false
  log.transports.console.level = process.env.INBOX_DESK_LOG_LEVEL === 'debug' ? 'debug' : 'info'
  return (level, line) => {
    log[level](line)
  }
}
