/**
 * Turns what an agent types into an FTS5 query that cannot be a syntax
 * error: FTS5 operators (quotes, `*`, `NEAR`, `AND`/`OR`/`NOT`, parentheses,
 * `-`, `:`, `^`, `+`) are never passed through. Every word becomes a quoted
 * prefix term ("word"*), and the terms must all match (AND), which is what
 * "results as you type" needs: the last word is usually half typed.
 */

/** Words as SQLite's unicode61 tokenizer sees them: letters, digits and
 * combining marks; everything else separates. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu
/** Bounds on the work one keystroke can ask for. */
export const MAX_TERMS = 12
export const MAX_TERM_LENGTH = 64
/** A phone number search needs at least this many digits (fewer match everything). */
export const MIN_PHONE_DIGITS = 3

export interface SearchTerms {
  /** The words, normalised; empty when the input held none. */
  words: string[]
  /** FTS5 query over message text (null: nothing to search for). */
  messageQuery: string | null
  /** FTS5 query over contacts: the words in name/phone, or the digits in the phone's digits. */
  contactQuery: string | null
}

const quote = (word: string): string => `"${word.replace(/"/g, '""')}"*`

export function toSearchTerms(input: string): SearchTerms {
  const words = (input.normalize('NFC').match(WORD) ?? [])
    .map((word) => [...word].slice(0, MAX_TERM_LENGTH).join(''))
    .slice(0, MAX_TERMS)
  if (words.length === 0) return { words, messageQuery: null, contactQuery: null }
  const allWords = words.map(quote).join(' AND ')
  const digits = input.replace(/\D/g, '')
  const contactQuery =
    digits.length >= MIN_PHONE_DIGITS
      ? `({contact_name contact_phone} : (${allWords})) OR (contact_digits : ${quote(digits.slice(0, MAX_TERM_LENGTH))})`
      : `{contact_name contact_phone} : (${allWords})`
  return { words, messageQuery: allWords, contactQuery }
}
