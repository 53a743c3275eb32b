/**
 * Avatars as self-contained `data:` URLs (an SVG circle with initials), so
 * nothing is ever fetched off the machine and the Electron bundle needs no
 * asset files.
 */
function initialsOf(displayName: string): string {
  const parts = displayName.trim().split(/\s+/).filter(Boolean)
  const first = parts[0]?.[0] ?? '?'
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : ''
  return (first + last).toUpperCase()
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)
}

export function avatarDataUrl(displayName: string, hue: number): string {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">` +
    `<circle cx="32" cy="32" r="32" fill="hsl(${hue},55%,45%)"/>` +
    `<text x="32" y="41" font-family="sans-serif" font-size="24" font-weight="600" fill="#fff" text-anchor="middle">` +
    `${escapeXml(initialsOf(displayName))}</text></svg>`
  // base64 keeps the URL a valid RFC 3986 URI (no raw <, > or spaces).
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`
}
