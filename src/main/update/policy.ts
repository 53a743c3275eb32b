/**
 * An administrator's update policy: what one source says (the registry, a managed plist, the JSON file next to
 * the executable), checked, and several sources merged. Pure: ./policy-sources.ts reads the sources.
 *
 * Names, by source (README.md has the table):
 * - JSON file `update-policy.json`: { "disableUpdates": true, "updateUrl": "https://...", "channel": "beta" }
 * - registry `HKLM|HKCU\Software\Policies\Inbox Desk`: DisableUpdates (DWORD 1), UpdateUrl, UpdateChannel (REG_SZ)
 * - plist `com.inboxdesk.app`: DisableUpdates (bool), UpdateUrl, UpdateChannel (string)
 *
 * A source that is present but wrong (malformed JSON, a value of the wrong type, a URL that is not https)
 * turns updates OFF, with a log line that says what to fix: a policy file means an administrator manages
 * this machine, and guessing past their typo could install what they meant to hold back. A missed update
 * is recoverable; an unwanted one on a validated desktop is not.
 */
import type { UpdatePolicySource } from '../../shared/update/status'

export interface PolicyValues {
  disableUpdates?: boolean
  updateUrl?: string
  channel?: string
}

/** What one source said: its values, or why it could not be used. `where` names it in logs. */
export type PolicyLayer =
  | { source: UpdatePolicySource; where: string; values: PolicyValues }
  | { source: UpdatePolicySource; where: string; problem: string }

export interface UpdatePolicy {
  /** Updates are off by policy (or because a policy could not be read: `invalid`). */
  disabled: boolean
  invalid: boolean
  feedUrl?: string
  channel?: string
  /** The source that turned updates off, or else the one that set the feed or channel. */
  source: UpdatePolicySource | null
}

export const NO_POLICY: UpdatePolicy = { disabled: false, invalid: false, source: null }

const CHANNEL_PATTERN = /^[a-z0-9][a-z0-9._-]{0,39}$/i
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

/** Field names as each source spells them (compared case-insensitively). */
const FIELD_NAMES: Record<keyof PolicyValues, readonly string[]> = {
  disableUpdates: ['disableupdates'],
  updateUrl: ['updateurl'],
  channel: ['channel', 'updatechannel'],
}

function toBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value
  if (value === 1 || value === '1' || value === 'true') return true
  if (value === 0 || value === '0' || value === 'false') return false
  return undefined
}

function checkUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  try {
    const url = new URL(value.trim())
    if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))) return url.href
  } catch {
    return undefined
  }
  return undefined
}

/**
 * Checks one source's raw name → value record. Unknown names are reported (a typo such as "disableUpdate"
 * must not pass silently) and make the source invalid, like a wrong value.
 */
export function checkPolicyValues(source: UpdatePolicySource, where: string, raw: unknown): PolicyLayer {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { source, where, problem: 'it is not a set of names and values (expected an object)' }
  }
  const values: PolicyValues = {}
  const problems: string[] = []
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    const field = (Object.keys(FIELD_NAMES) as (keyof PolicyValues)[]).find((key) =>
      FIELD_NAMES[key].includes(name.toLowerCase()),
    )
    if (field === 'disableUpdates') {
      const flag = toBoolean(value)
      if (flag === undefined) problems.push(`${name} must be true/false (or 1/0), not ${JSON.stringify(value)}`)
      else values.disableUpdates = flag
    } else if (field === 'updateUrl') {
      const url = checkUrl(value)
      if (!url) problems.push(`${name} must be an https:// address, not ${JSON.stringify(value)}`)
      else values.updateUrl = url
    } else if (field === 'channel') {
      if (typeof value === 'string' && CHANNEL_PATTERN.test(value)) values.channel = value
      else problems.push(`${name} must be a channel name such as "latest" or "beta", not ${JSON.stringify(value)}`)
    } else {
      problems.push(`"${name}" is not a setting Inbox Desk knows (disableUpdates, updateUrl, channel)`)
    }
  }
  return problems.length > 0 ? { source, where, problem: problems.join('; ') } : { source, where, values }
}

/** The JSON file's text, checked. Malformed JSON names the parser's complaint. */
export function parsePolicyJson(text: string, where: string): PolicyLayer {
  let raw: unknown
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, '')) // Notepad writes a byte-order mark
  } catch (error) {
    return { source: 'file', where, problem: `it is not valid JSON (${(error as Error).message})` }
  }
  return checkPolicyValues('file', where, raw)
}

/**
 * Several sources, strongest first (machine before user before file). Any source that disables wins, and so
 * does any unreadable one; otherwise each of the feed and the channel comes from the strongest source that sets it.
 */
export function mergePolicyLayers(layers: readonly PolicyLayer[]): UpdatePolicy {
  const invalid = layers.find((layer) => 'problem' in layer)
  if (invalid) return { disabled: true, invalid: true, source: invalid.source }
  const valid = layers.filter((layer): layer is Extract<PolicyLayer, { values: PolicyValues }> => 'values' in layer)
  const disabling = valid.find((layer) => layer.values.disableUpdates === true)
  if (disabling) return { disabled: true, invalid: false, source: disabling.source }
  const feed = valid.find((layer) => layer.values.updateUrl)
  const channel = valid.find((layer) => layer.values.channel)
  return {
    disabled: false,
    invalid: false,
    feedUrl: feed?.values.updateUrl,
    channel: channel?.values.channel,
    source: (feed ?? channel)?.source ?? null,
  }
}
