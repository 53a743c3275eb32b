/** The open conversation: the thread, and the contact panel on its inline end (collapsible, remembered). */
import { forwardRef } from 'react'
import type { Conversation } from '../../../shared/api/schemas'
import type { RendererSettings } from '../../../shared/ipc/contract'
import type { ComposerHandle } from '../composer/Composer'
import { ContactPanel } from '../contact/ContactPanel'
import { useUpdateSettings } from '../settings/useSettings'
import { Thread } from '../thread/Thread'
import type { useConversationActions } from './useConversationActions'
import type { InboxNavigation } from './useInboxNavigation'

interface OpenConversationPaneProps {
  conversation: Conversation
  settings: RendererSettings
  inbox: InboxNavigation
  actions: ReturnType<typeof useConversationActions>
  now: number
}

export const OpenConversationPane = forwardRef<ComposerHandle, OpenConversationPaneProps>(function OpenConversationPane(
  { conversation, settings, inbox, actions, now },
  composerRef,
) {
  const update = useUpdateSettings()
  return (
    <div style={{ display: 'flex', height: '100%', minWidth: 0 }}>
      <div style={{ flex: 1, minWidth: 0 }}>
        <Thread
          ref={composerRef}
          conversation={conversation}
          now={now}
          meUserId={settings.meUserId}
          unreadAtOpen={inbox.unreadAtOpen}
          focusMessage={inbox.focusMessage}
          cannedReplies={settings.cannedReplies}
          assignOpened={inbox.assignOpened}
          onAssignOpenedChange={inbox.setAssignOpened}
          onAssign={(user) => void actions.assign(conversation.id, user)}
          onUnassign={() => void actions.unassign(conversation.id)}
          onArchive={(archived) => void actions.setArchived(conversation.id, archived)}
        />
      </div>
      <ContactPanel
        conversation={conversation}
        opened={settings.contactPanel}
        onToggle={(contactPanel) => update.mutate({ contactPanel })}
        onOpenConversation={inbox.openAnywhere}
      />
    </div>
  )
})
