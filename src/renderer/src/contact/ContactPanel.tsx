/**
 * The contact panel beside the open thread: who the contact is (avatar, name, number, channel), who has the
 * conversation, its first and last message, and the contact's other conversations on any channel (a click
 * opens one). Collapsible; whether it is open is a renderer setting kept by main (`contactPanel`).
 */
import { ActionIcon, Box, Group, Stack, Text, Title, Tooltip, useDirection } from '@mantine/core'
import { IconLayoutSidebarRightCollapse, IconLayoutSidebarRightExpand } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { Conversation } from '../../../shared/api/schemas'
import { contactLabel } from '../../../shared/domain/views'
import { ChannelIcon, PhoneNumber, UserAvatar } from '../shell/ui'
import { ContactFacts } from './ContactFacts'
import { OtherConversations } from './OtherConversations'
import { useContactDetails } from './useContactDetails'

export const CONTACT_PANEL_WIDTH = 272

export function ContactPanel({
  conversation,
  opened,
  onToggle,
  onOpenConversation,
}: {
  conversation: Conversation
  opened: boolean
  onToggle: (opened: boolean) => void
  onOpenConversation: (chatId: string) => void
}) {
  const { t } = useTranslation()
  const details = useContactDetails(conversation, opened)
  const name = contactLabel(conversation.contact, t('contact.unknown'))
  // The panel is on the inline end (the left in Arabic): its icons point the same way.
  const mirrored = useDirection().dir === 'rtl' ? { transform: 'scaleX(-1)' } : undefined
  if (!opened) {
    return (
      <Box p={4} style={{ borderInlineStart: '1px solid var(--mantine-color-default-border)' }}>
        <Tooltip label={t('contactPanel.show')}>
          <ActionIcon
            variant="subtle"
            aria-label={t('contactPanel.show')}
            aria-expanded={false}
            onClick={() => onToggle(true)}
          >
            <IconLayoutSidebarRightExpand size={18} aria-hidden style={mirrored} />
          </ActionIcon>
        </Tooltip>
      </Box>
    )
  }
  return (
    <Stack
      component="aside"
      aria-label={t('contactPanel.label', { name })}
      w={CONTACT_PANEL_WIDTH}
      gap="md"
      p="md"
      style={{ flex: 'none', overflowY: 'auto', borderInlineStart: '1px solid var(--mantine-color-default-border)' }}
    >
      <Group justify="space-between" wrap="nowrap">
        <Title order={2} size="h5">
          {t('contactPanel.title')}
        </Title>
        <Tooltip label={t('contactPanel.hide')}>
          <ActionIcon
            variant="subtle"
            aria-label={t('contactPanel.hide')}
            aria-expanded
            onClick={() => onToggle(false)}
          >
            <IconLayoutSidebarRightCollapse size={18} aria-hidden style={mirrored} />
          </ActionIcon>
        </Tooltip>
      </Group>
      <Stack gap={4} align="center" ta="center">
        <UserAvatar name={name} size="xl" />
        <Text fw={600} size="lg" dir="auto" style={{ wordBreak: 'break-word' }}>
          {name}
        </Text>
        {conversation.contact.phoneNumber && (
          <Text size="sm" c="dimmed">
            <PhoneNumber number={conversation.contact.phoneNumber} />
          </Text>
        )}
        <Group gap={6} justify="center" wrap="nowrap">
          <ChannelIcon type={conversation.channel.type} size={16} />
          <Text size="sm">{conversation.channel.name}</Text>
        </Group>
      </Stack>
      <ContactFacts conversation={conversation} firstMessage={details.firstMessage} />
      <OtherConversations others={details.others} query={details.othersQuery} onOpen={onOpenConversation} />
    </Stack>
  )
}
