'use strict'
// CommonJS on purpose: this runs as plain Node in the child process, before and beside the app's bundle.
/**
 * Chromium knows nothing of our custom schemes, and Playwright can intercept
 * only http(s) requests. So a page loads `app://inbox-desk/index.html` as
 * `https://inbox-desk.app-scheme.invalid/index.html` (`.invalid` never
 * resolves: nothing can leave the machine), the runner routes every request
 * to such a host to the handler main registered with `protocol.handle`, and
 * main sees the original `app://` URL everywhere (getURL, senderFrame.url,
 * will-navigate, the handler's Request). The origin stays one per scheme and
 * host, and secure, as for a privileged standard scheme.
 */

const SHIM_HOST_SUFFIX = '-scheme.invalid'
const SHIM_HOST_PATTERN = /^(.+)\.([a-z][a-z0-9-]*)-scheme\.invalid$/

/** @param {string} url @param {Set<string>} customSchemes */
function toPageUrl(url, customSchemes) {
  let parsed
  try {
    parsed = new URL(url)
  } catch {
    return url
  }
  const scheme = parsed.protocol.slice(0, -1)
  if (!customSchemes.has(scheme)) return url
  if (!/^[a-z][a-z0-9-]*$/.test(scheme)) throw new Error(`The shim cannot map the scheme "${scheme}"`)
  return `https://${parsed.host}.${scheme}${SHIM_HOST_SUFFIX}${parsed.pathname}${parsed.search}${parsed.hash}`
}

/** @param {string} url */
function toElectronUrl(url) {
  let parsed
  try {
    parsed = new URL(url)
  } catch {
    return url
  }
  const match = SHIM_HOST_PATTERN.exec(parsed.hostname)
  if (!match || parsed.protocol !== 'https:') return url
  return `${match[2]}://${match[1]}${parsed.pathname}${parsed.search}${parsed.hash}`
}

module.exports = { toPageUrl, toElectronUrl, SHIM_HOST_PATTERN }
