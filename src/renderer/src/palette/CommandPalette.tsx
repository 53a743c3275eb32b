/** Ctrl/Cmd+K: jump to a view or a conversation, or run an action (Mantine Spotlight). */
import { useMemo } from 'react'
import { Spotlight, type SpotlightActionData, type SpotlightActionGroupData } from '@mantine/spotlight'
import { IconSearch } from '@tabler/icons-react'
import type { Conversation } from '../../../shared/api/schemas'
import { contactLabel, type InboxView, inboxViewLabels, inboxViews } from '../../../shared/domain/views'
import { ChannelIcon } from '../shell/ui'

/** Conversations offered in the palette: enough to find anyone recent,
 * few enough that filtering stays instant with 10,000 in the list. */
const MAX_CONVERSATION_ACTIONS = 300

export function CommandPalette({
  conversations,
  onView,
  onOpenConversation,
  commands,
}: {
  conversations: readonly Conversation[]
  onView: (view: InboxView) => void
  onOpenConversation: (chatId: string) => void
  commands: { id: string; label: string; description?: string; run: () => void }[]
}) {
  const actions = useMemo<(SpotlightActionGroupData | SpotlightActionData)[]>(
    () => [
      {
        group: 'Actions',
        actions: commands.map((command) => ({
          id: command.id,
          label: command.label,
          description: command.description,
          onClick: command.run,
        })),
      },
      {
        group: 'Views',
        actions: inboxViews.map((view) => ({
          id: `view-${view}`,
          label: `Go to ${inboxViewLabels[view]}`,
          onClick: () => onView(view),
        })),
      },
      {
        group: 'Conversations',
        actions: conversations.slice(0, MAX_CONVERSATION_ACTIONS).map((conversation) => ({
          id: `conversation-${conversation.id}`,
          label: contactLabel(conversation.contact),
          description: conversation.lastMessage?.preview ?? '',
          keywords: [conversation.contact.phoneNumber ?? '', conversation.channel.name],
          leftSection: <ChannelIcon type={conversation.channel.type} />,
          onClick: () => onOpenConversation(conversation.id),
        })),
      },
    ],
    [commands, conversations, onView, onOpenConversation],
  )
  return (
    <Spotlight
      actions={actions}
      limit={12}
      shortcut={['mod + K']}
      nothingFound="Nothing found"
      highlightQuery
      // Spotlight's dialog has no title, so it needs a name of its own (axe: aria-dialog-name).
      attributes={{ content: { 'aria-label': 'Command palette' } }}
      searchProps={{
        leftSection: <IconSearch size={18} aria-hidden />,
        placeholder: 'Type a command or a name',
        'aria-label': 'Command palette',
      }}
    />
  )
}
