/**
 * Highlighted snippets as segments (`{ text, highlight }`), never as markup,
 * so the renderer shows them without parsing HTML from message text.
 */
export interface SnippetSegment {
  text: string
  highlight: boolean
}

// Private-use characters as highlight markers: they cannot occur in a tokenised
// match, and are split out before anything leaves the store.
export const HIGHLIGHT_OPEN = '\uE000'
export const HIGHLIGHT_CLOSE = '\uE001'

/** Splits FTS5's `snippet()` output, marked with the two markers, into segments. */
export function toSegments(marked: string): SnippetSegment[] {
  const segments: SnippetSegment[] = []
  const pattern = new RegExp(`${HIGHLIGHT_OPEN}([^${HIGHLIGHT_CLOSE}]*)${HIGHLIGHT_CLOSE}`, 'g')
  let last = 0
  for (const match of marked.matchAll(pattern)) {
    if (match.index > last) segments.push({ text: marked.slice(last, match.index), highlight: false })
    if (match[1]) segments.push({ text: match[1], highlight: true })
    last = match.index + match[0].length
  }
  if (last < marked.length) segments.push({ text: marked.slice(last), highlight: false })
  return segments.map((s) => ({
    ...s,
    text: s.text.replaceAll(HIGHLIGHT_OPEN, '').replaceAll(HIGHLIGHT_CLOSE, ''),
  }))
}
