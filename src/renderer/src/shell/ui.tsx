/** Small shared pieces: channel icons and avatars with an initials fallback. */
import { Avatar, type MantineSize } from '@mantine/core'
import {
  IconBrandInstagram,
  IconBrandMessenger,
  IconBrandTelegram,
  IconBrandWhatsapp,
  IconMessage,
  IconMessageChatbot,
  IconMessageCircle,
} from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { initials } from '../../../shared/domain/views'

// Brand names: the same in every language.
const channelIcons: Record<string, { icon: typeof IconMessage; label: string; color: string }> = {
  whatsapp: { icon: IconBrandWhatsapp, label: 'WhatsApp', color: 'var(--mantine-color-green-text)' },
  rcs: { icon: IconMessageChatbot, label: 'RCS', color: 'var(--mantine-color-blue-text)' },
  sms: { icon: IconMessage, label: 'SMS', color: 'var(--mantine-color-gray-text)' },
  messenger: { icon: IconBrandMessenger, label: 'Messenger', color: 'var(--mantine-color-indigo-text)' },
  instagram: { icon: IconBrandInstagram, label: 'Instagram', color: 'var(--mantine-color-pink-text)' },
  telegram: { icon: IconBrandTelegram, label: 'Telegram', color: 'var(--mantine-color-cyan-text)' },
}

export function channelTypeLabel(type: string): string {
  return channelIcons[type.toLowerCase()]?.label ?? type
}

/** The channel's icon; unknown types get a generic bubble (new types must not break the UI). */
export function ChannelIcon({ type, size = 18 }: { type: string; size?: number }) {
  const { t } = useTranslation()
  const known = channelIcons[type.toLowerCase()]
  const Icon = known?.icon ?? IconMessageCircle
  return (
    <Icon
      size={size}
      color={known?.color ?? 'var(--mantine-color-dimmed)'}
      role="img"
      aria-label={known?.label ?? t('channel.unknown', { type })}
      style={{ flex: 'none' }}
    />
  )
}

/** A phone number reads left to right in every UI language: alone among Arabic text, "+1 555 0100"'s digits
 * and signs would otherwise take the page's direction and show as "0100 555 1+". Isolated, so the text around
 * it keeps its own direction. */
export function PhoneNumber({ number }: { number: string }) {
  return (
    <bdi dir="ltr" data-phone="">
      {number}
    </bdi>
  )
}

/** Avatar backgrounds that keep white initials at ≥ 4.5:1 (Mantine's
 * "initials" colours include light ones that do not). */
const avatarBackgrounds = ['#364fc7', '#5f3dc4', '#862e9c', '#1864ab', '#0b7285', '#087f5b', '#a61e4d', '#c92a2a']

export function avatarBackground(name: string): string {
  let hash = 0
  for (const char of name) hash = (hash * 31 + char.codePointAt(0)!) >>> 0
  return avatarBackgrounds[hash % avatarBackgrounds.length]!
}

/** Only `data:` images pass the CSP (img-src 'self' data:); anything else
 * would be blocked, so such avatars show initials instead. */
export function safeAvatarSrc(url: string | null | undefined): string | null {
  return url && url.startsWith('data:image/') ? url : null
}

export function UserAvatar({
  name,
  avatarUrl,
  size = 'sm',
  label,
}: {
  name: string
  avatarUrl?: string | null
  size?: MantineSize | number
  /** Accessible name; omit when the name is shown next to the avatar. */
  label?: string
}) {
  return (
    <Avatar
      src={safeAvatarSrc(avatarUrl)}
      alt={label ?? ''}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      size={size}
      radius="xl"
      styles={{ placeholder: { background: avatarBackground(name), color: '#fff' } }}
    >
      {initials(name)}
    </Avatar>
  )
}
