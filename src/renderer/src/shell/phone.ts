/**
 * Whether a label is a phone number (a contact saved without a name shows as one, or is named by it): digits
 * with the usual +, spaces, dots, dashes and brackets, nothing that has a direction of its own. Such a label is
 * shown left to right in every UI language (`PhoneNumber` in ./ui.tsx).
 */
export function isPhoneLike(label: string): boolean {
  return /^\+?[\d\s().-]{4,}$/.test(label.trim()) && /\d{3}/.test(label.replace(/\D/g, ''))
}
