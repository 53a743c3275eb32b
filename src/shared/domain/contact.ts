/**
 * One contact across channels: the API gives each conversation its own contact, so the same person writing on
 * WhatsApp and by SMS is recognised by their phone number (digits only, so "+34 612 48 09 37" and
 * "+34612480937" match), or by the same contact id.
 */
import type { Contact, Conversation } from '../api/schemas'

/** Fewer digits than this is not a number to recognise someone by (short codes, typos). */
const MIN_PHONE_DIGITS = 6

function phoneDigits(contact: Contact): string | null {
  const digits = (contact.phoneNumber ?? '').replace(/\D/g, '')
  return digits.length >= MIN_PHONE_DIGITS ? digits : null
}

export function isSameContact(a: Contact, b: Contact): boolean {
  if (a.id === b.id) return true
  const digits = phoneDigits(a)
  return digits !== null && digits === phoneDigits(b)
}

/** The contact's other conversations (any channel, archived too), the most recent first. */
export function otherConversationsOf(conversation: Conversation, all: readonly Conversation[]): Conversation[] {
  return all
    .filter((other) => other.id !== conversation.id && isSameContact(other.contact, conversation.contact))
    .sort((a, b) => b.lastMessageDate.localeCompare(a.lastMessageDate))
}
