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
import { initials } from '../../../shared/domain/views'

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
  const known = channelIcons[type.toLowerCase()]
  const Icon = known?.icon ?? IconMessageCircle
  return (
    <Icon
      size={size}
      color={known?.color ?? 'var(--mantine-color-dimmed)'}
      role="img"
      aria-label={known?.label ?? `Channel: ${type}`}
      style={{ flex: 'none' }}
    />
  )
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
      variant="filled"
      color="initials"
      name={name}
    >
      {initials(name)}
    </Avatar>
  )
}
