/**
 * Links from customers (issue 9 §4): whether one opens at once or the agent is asked first. A stranger writes the
 * message, so the words on screen can mislead: a look-alike host (`https://аpple.com` with a Cyrillic «а» opens
 * `xn--pple-43d.com`), characters the address parser drops or rewrites (invisible ones, backslashes, `%`-escapes in
 * the host, numeric hosts), a user name and password in front of the host (`https://bank.example@evil.example`), or a
 * plain `http:` page anyone on the network can change. Asked first: the dialog shows the address that will really
 * open. Pure: the renderer decides from what it shows; main uses `targetConcerns` on links it gets without their
 * text (a middle click becomes a window.open).
 */

export type LinkConcern = 'looksDifferent' | 'credentials' | 'insecure'

export interface LinkCheck {
  /** The address that opens, as the browser gets it (a look-alike host in its `xn--` form). */
  target: string
  /** Why the agent is asked before it opens, in the order the dialog lists them; empty: it opens at once. */
  concerns: LinkConcern[]
}

/** Only web links are made clickable in messages; anything else stays text. */
const WEB_SCHEMES = new Set(['https:', 'http:'])

/** Format characters (zero-width spaces, bidi overrides, soft hyphens...): they make text read other than it is. */
const INVISIBLE = /\p{Cf}/u

/** What is wrong with the address alone, whatever text it came with. */
export function targetConcerns(url: URL): LinkConcern[] {
  const concerns: LinkConcern[] = []
  // A host in its xn-- form reads nothing like the characters a message would show for it.
  if (url.hostname.split('.').some((label) => label.startsWith('xn--'))) concerns.push('looksDifferent')
  if (url.username !== '' || url.password !== '') concerns.push('credentials')
  if (url.protocol === 'http:') concerns.push('insecure')
  return concerns
}

/**
 * The check for a link whose text the message shows as `shownText` and which opens `href` (a bare `www.` text
 * opens as https). Null when `href` is not a web address at all (it is never opened).
 */
export function checkLink(shownText: string, href: string): LinkCheck | null {
  let url: URL
  try {
    url = new URL(href)
  } catch {
    return null
  }
  if (!WEB_SCHEMES.has(url.protocol)) return null
  const concerns = new Set(targetConcerns(url))
  if (!readsAsTarget(shownText, url)) concerns.add('looksDifferent')
  const order: LinkConcern[] = ['looksDifferent', 'credentials', 'insecure']
  return { target: url.href, concerns: order.filter((concern) => concerns.has(concern)) }
}

/**
 * Whether the shown text says what opens: the same scheme and host (letter case aside; `www.` text is https), and
 * the same path, query and fragment once `%`-escapes are read (`café` and `caf%C3%A9` are one address).
 */
function readsAsTarget(shownText: string, url: URL): boolean {
  if (INVISIBLE.test(shownText)) return false
  const shown = /^www\./i.test(shownText) ? `https://${shownText}` : shownText
  const shownParts = splitAddress(shown)
  const targetParts = splitAddress(url.href)
  if (!shownParts || !targetParts) return false
  if (shownParts.origin.toLowerCase() !== targetParts.origin.toLowerCase()) return false
  const shownRest = shownParts.rest === '' ? '/' : shownParts.rest
  return shownRest === targetParts.rest || decoded(shownRest) === decoded(targetParts.rest)
}

/** `scheme://authority` and what follows, as written (no normalising: that is what is compared). */
function splitAddress(address: string): { origin: string; rest: string } | null {
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)(.*)$/is.exec(address)
  return match ? { origin: match[1]!, rest: match[2]! } : null
}

function decoded(part: string): string {
  try {
    return decodeURI(part)
  } catch {
    // A malformed escape: compared as written.
    return part
  }
}
