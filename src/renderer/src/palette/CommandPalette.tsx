/** Ctrl/Cmd+K: jump to a view or a conversation, or run an action (Mantine Spotlight). */
import { useMemo, useRef } from 'react'
import { Spotlight, type SpotlightActionData, type SpotlightActionGroupData } from '@mantine/spotlight'
import { IconSearch } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { Conversation } from '../../../shared/api/schemas'
import { contactLabel, type InboxView, inboxViews } from '../../../shared/domain/views'
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
  /** `runAfterClose`: run once the palette has closed and returned focus (a command that moves focus). */
  commands: { id: string; label: string; description?: string; run: () => void; runAfterClose?: boolean }[]
}) {
  const { t } = useTranslation()
  const afterClose = useRef<(() => void) | null>(null)
  const actions = useMemo<(SpotlightActionGroupData | SpotlightActionData)[]>(
    () => [
      {
        group: t('palette.actions'),
        actions: commands.map((command) => ({
          id: command.id,
          label: command.label,
          description: command.description,
          onClick: command.runAfterClose ? () => (afterClose.current = command.run) : command.run,
        })),
      },
      {
        group: t('palette.views'),
        actions: inboxViews.map((view) => ({
          id: `view-${view}`,
          label: t('palette.goTo', { view: t(`views.${view}`) }),
          onClick: () => onView(view),
        })),
      },
      {
        group: t('palette.conversations'),
        actions: conversations.slice(0, MAX_CONVERSATION_ACTIONS).map((conversation) => ({
          id: `conversation-${conversation.id}`,
          label: contactLabel(conversation.contact, t('contact.unknown')),
          description: conversation.lastMessage?.preview ?? '',
          keywords: [conversation.contact.phoneNumber ?? '', conversation.channel.name],
          leftSection: <ChannelIcon type={conversation.channel.type} />,
          onClick: () => onOpenConversation(conversation.id),
        })),
      },
    ],
    [commands, conversations, onView, onOpenConversation, t],
  )
  return (
    <Spotlight
      actions={actions}
      limit={12}
      shortcut={['mod + K']}
      nothingFound={t('palette.nothingFound')}
      highlightQuery
      onExitTransitionEnd={() => {
        const run = afterClose.current
        afterClose.current = null
        run?.()
      }}
      // Spotlight's dialog has no title, so it needs a name of its own (axe: aria-dialog-name).
      attributes={{ content: { 'aria-label': t('header.palette') } }}
      searchProps={{
        leftSection: <IconSearch size={18} aria-hidden />,
        placeholder: t('palette.placeholder'),
        'aria-label': t('header.palette'),
      }}
    />
  )
}
