/**
 * The two fixed sandbox accounts (separate companies), their channels and
 * their team members. Keys are fixed so docs and tests can name them.
 */
import { avatarDataUrl } from './seed/avatars'

export interface SandboxAccount {
  name: string
  apiKey: string
}

export const SANDBOX_ACCOUNTS: { acme: SandboxAccount; globex: SandboxAccount } = {
  acme: { name: 'Acme Support', apiKey: 'sandbox-acme-key' },
  globex: { name: 'Globex Care', apiKey: 'sandbox-globex-key' },
}

export interface ChannelDefinition {
  id: string
  type: 'whatsapp' | 'rcs' | 'sms'
  name: string
}

export interface UserDefinition {
  id: string
  displayName: string
  avatarUrl: string | null
}

export interface AccountDefinition {
  /** Short stable slug used inside ids. */
  slug: 'acme' | 'globex'
  account: SandboxAccount
  channels: ChannelDefinition[]
  users: UserDefinition[]
}

function user(id: string, displayName: string, hue: number, withAvatar = true): UserDefinition {
  return { id, displayName, avatarUrl: withAvatar ? avatarDataUrl(displayName, hue) : null }
}

export const ACCOUNT_DEFINITIONS: readonly AccountDefinition[] = [
  {
    slug: 'acme',
    account: SANDBOX_ACCOUNTS.acme,
    channels: [
      { id: 'ch_acme_wa', type: 'whatsapp', name: 'Acme WhatsApp' },
      { id: 'ch_acme_rcs', type: 'rcs', name: 'Acme RCS' },
      { id: 'ch_acme_sms', type: 'sms', name: 'Acme SMS' },
    ],
    users: [
      user('usr_acme_maya', 'Maya Chen', 200),
      user('usr_acme_tomas', 'Tomás Ortega', 20),
      user('usr_acme_aisha', 'Aisha Bello', 320),
      user('usr_acme_jonas', 'Jonas Berg', 140),
      user('usr_acme_priya', 'Priya Nair', 270),
      user('usr_acme_sam', 'Sam Whitaker', 45, false),
    ],
  },
  {
    slug: 'globex',
    account: SANDBOX_ACCOUNTS.globex,
    channels: [
      { id: 'ch_globex_wa', type: 'whatsapp', name: 'Globex Care WhatsApp' },
      { id: 'ch_globex_rcs', type: 'rcs', name: 'Globex Care RCS' },
      { id: 'ch_globex_sms', type: 'sms', name: 'Globex Care SMS' },
    ],
    users: [
      user('usr_globex_lena', 'Lena Fischer', 170),
      user('usr_globex_omar', 'Omar Haddad', 30),
      user('usr_globex_keiko', 'Keiko Sato', 300),
      user('usr_globex_dan', 'Dan Murphy', 100),
      user('usr_globex_ines', 'Inês Costa', 230),
    ],
  },
]
