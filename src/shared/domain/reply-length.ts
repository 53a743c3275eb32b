/**
 * How long a reply is, the way the contract counts it: in characters (Unicode
 * code points), not UTF-16 units. "👍" is one character although JavaScript's
 * `length` says 2, so `text.length` would refuse 3,000 emoji as "6,000
 * characters" when the contract allows 4,096. The sandbox, the API client,
 * the bridge and the composer all count with this one function.
 *
 * Pure: no electron, no DOM, no node:* imports.
 */

/** The contract's limit on a reply's `content.text` (docs/inbox-api.yaml), in characters. */
export const REPLY_MAX_CHARACTERS = 4096

/** The number of Unicode code points in `text` (a lone surrogate counts as one). */
export function replyLength(text: string): number {
  let count = text.length
  for (let i = 0; i < text.length - 1; i++) {
    const unit = text.charCodeAt(i)
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--
        i++
      }
    }
  }
  return count
}

/** Whether `text` is longer than the contract allows a reply to be. */
export function isReplyTooLong(text: string): boolean {
  // Every character is at most two UTF-16 units: a short string needs no count.
  return text.length > REPLY_MAX_CHARACTERS && replyLength(text) > REPLY_MAX_CHARACTERS
}
