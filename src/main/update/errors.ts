/**
 * What went wrong with a check or a download, by cause, so the window can say it in the agent's language
 * (catalog keys `updates.error.<kind>`). electron-updater's errors carry a `code` (ERR_UPDATER_*, Node's
 * E* codes) or, for Chromium's network stack, a `net::ERR_*` message; HttpError carries `statusCode`.
 */
import type { UpdateErrorKind } from '../../shared/update/status'

const FEED_CODES = new Set([
  'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND',
  'ERR_UPDATER_LATEST_VERSION_NOT_FOUND',
  'ERR_UPDATER_INVALID_UPDATE_INFO',
  'ERR_UPDATER_NO_PUBLISHED_VERSIONS',
  'ERR_UPDATER_INVALID_RELEASE_FEED',
])
const INTEGRITY_CODES = new Set(['ERR_UPDATER_INVALID_SIGNATURE', 'ERR_CHECKSUM_MISMATCH'])
const DISK_CODES = new Set(['ENOSPC', 'EACCES', 'EPERM', 'EROFS', 'EBUSY'])
const NETWORK_CODES = new Set([
  'ENOTFOUND',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ERR_CONNECTION_REFUSED',
])

function field(error: unknown, name: string): unknown {
  return error !== null && typeof error === 'object' ? (error as Record<string, unknown>)[name] : undefined
}

export function classifyUpdateError(error: unknown): UpdateErrorKind {
  const code = String(field(error, 'code') ?? '')
  const message = error instanceof Error ? error.message : String(error)
  const status = field(error, 'statusCode')
  if (INTEGRITY_CODES.has(code) || /checksum mismatch|code signature|not signed/i.test(message)) return 'integrity'
  if (FEED_CODES.has(code) || (typeof status === 'number' && status >= 400)) return 'feed'
  if (DISK_CODES.has(code) || /ENOSPC|no space left/i.test(message)) return 'disk'
  if (NETWORK_CODES.has(code) || /net::ERR_|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|socket hang up/i.test(message)) {
    return 'network'
  }
  return 'unknown'
}
