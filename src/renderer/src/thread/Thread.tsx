/** The open conversation: header (contact, channel, reply window, assign,
 * archive), messages, and the reply box. */
import { useTranslation } from 'react-i18next'
import { forwardRef, useEffect, useMemo } from 'react'
import { Alert, Button, Skeleton, Stack, Text } from '@mantine/core'
import type { Conversation, User } from '../../../shared/api/schemas'
import type { CannedReply } from '../../../shared/ipc/contract'
import { contactLabel, replyWindow } from '../../../shared/domain/views'
import { errorMessage } from '../bridge/client'
import { useOutbox } from '../bridge/queries'
import { Composer, type ComposerHandle } from '../composer/Composer'
import { LinkGuard } from './LinkGuard'
import { MessageList } from './MessageList'
import { pendingEntries } from './rows'
import { ThreadHeader } from './ThreadHeader'
import { type JumpTarget, useJumpToMessage } from './useJumpToMessage'
import { useNewMessagesDivider } from './useNewMessagesDivider'
import { useThread } from './useThread'
import type { UnreadAtOpen } from './unread'

interface ThreadProps {
  conversation: Conversation
  now: number
  meUserId: string | null
  /** What was unread when a conversation was opened: the "New messages" divider. */
  unreadAtOpen: UnreadAtOpen | null
  cannedReplies: readonly CannedReply[]
  assignOpened: boolean
  onAssignOpenedChange: (opened: boolean) => void
  onAssign: (user: Pick<User, 'id' | 'displayName'>) => void
  onUnassign: () => void
  onArchive: (archived: boolean) => void
  /** A search result's message: the thread opens at it, highlighted. */
  focusMessage?: JumpTarget | null
}

export const Thread = forwardRef<ComposerHandle, ThreadProps>(function Thread(
  {
    conversation,
    now,
    meUserId,
    unreadAtOpen,
    cannedReplies,
    assignOpened,
    onAssignOpenedChange,
    onAssign,
    onUnassign,
    onArchive,
    focusMessage = null,
  },
  composerRef,
) {
  const { t } = useTranslation()
  const { query, loadOlder, olderState, loadNewer, newerState } = useThread(conversation)
  const jump = useJumpToMessage(conversation.id, focusMessage, query.data)
  const outbox = useOutbox()
  const name = contactLabel(conversation.contact, t('contact.unknown'))
  const window = replyWindow(conversation, new Date(now))
  const messages = useMemo(() => query.data?.messages ?? [], [query.data])
  const firstUnreadId = useNewMessagesDivider(conversation.id, unreadAtOpen, messages)
  const pending = useMemo(
    () => pendingEntries(outbox.data, conversation.id, messages),
    [outbox.data, conversation.id, messages],
  )
  useDocumentTitle(name)

  return (
    <Stack gap={0} h="100%" style={{ minWidth: 0 }} component="section" aria-label={t('thread.label', { name })}>
      <ThreadHeader
        conversation={conversation}
        name={name}
        window={window}
        meUserId={meUserId}
        assignOpened={assignOpened}
        onAssignOpenedChange={onAssignOpenedChange}
        onAssign={onAssign}
        onUnassign={onUnassign}
        onArchive={onArchive}
      />

      {query.isPending ? (
        <MessagesLoading />
      ) : query.isError ? (
        <MessagesLoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        // Keys differ from the Composer's: siblings sharing a key confuse React, which then leaves the
        // previous conversation's message list in the DOM on every switch.
        <LinkGuard key={`messages-${conversation.id}`}>
          <MessageList
            chatId={conversation.id}
            contactName={name}
            messages={messages}
            pending={pending}
            firstUnreadId={firstUnreadId}
            older={{ has: query.data.hasOlder, ...olderState, load: () => void loadOlder() }}
            newer={{
              has: query.data.hasNewer ?? false,
              loading: newerState.loading || jump.jumping,
              error: newerState.error ?? jump.jumpError,
              load: jump.jumpError ? jump.retryJump : () => void loadNewer(),
            }}
            focus={focusMessage}
          />
        </LinkGuard>
      )}

      <Composer
        key={`composer-${conversation.id}`}
        ref={composerRef}
        conversation={conversation}
        messages={messages}
        cannedReplies={cannedReplies}
        window={window}
        meUserId={meUserId}
      />
    </Stack>
  )
})

/** The window's title names the open conversation. */
function useDocumentTitle(name: string) {
  useEffect(() => {
    document.title = `${name} — Inbox Desk`
    return () => {
      document.title = 'Inbox Desk'
    }
  }, [name])
}

function MessagesLoading() {
  const { t } = useTranslation()
  return (
    <Stack p="md" gap="md" style={{ flex: 1 }} role="status" aria-label={t('thread.loading')}>
      <Skeleton height={48} width="55%" />
      <Skeleton height={36} width="40%" ml="auto" />
      <Skeleton height={60} width="60%" />
      <Skeleton height={36} width="35%" ml="auto" />
    </Stack>
  )
}

function MessagesLoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation()
  return (
    <Stack p="md" style={{ flex: 1 }}>
      <Alert role="alert" color="red" title={t('thread.loadError')}>
        <Text size="sm">{errorMessage(error)}</Text>
      </Alert>
      <Button variant="default" w="fit-content" onClick={onRetry}>
        {t('common.retry')}
      </Button>
    </Stack>
  )
}
