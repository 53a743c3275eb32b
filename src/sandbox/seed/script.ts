/**
 * A compact way to write seeded conversations by hand: lines starting with
 * `> ` are the contact's, lines starting with `< ` are the agent's, and `<! `
 * is an agent reply that failed (reply_window_closed: write it more than 24
 * hours after the contact's last message).
 */
export interface Script {
  channel: 'whatsapp' | 'rcs' | 'sms'
  /** May be empty: clients fall back to the phone number. */
  name: string
  /** E.164. */
  phone: string
  /** How long before "now" the last message was: `45s`, `12m`, `3h`, `2d`. */
  ago: string
  /** Minutes between consecutive messages (default 7). */
  gap?: number
  /** The trailing inbound messages are unread. */
  unread?: boolean
  archived?: boolean
  /** A user id of the account; also the author of the agent's lines. */
  assignee?: string
  /** Author of the agent's lines when there is no assignee. */
  author?: string
  lines: string[]
}

export function parseAgo(ago: string): number {
  const match = /^(\d+)(s|m|h|d)$/.exec(ago)
  if (!match) throw new Error(`bad 'ago' in seed script: ${ago}`)
  const unit = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as 's' | 'm' | 'h' | 'd']
  return Number(match[1]) * unit
}
