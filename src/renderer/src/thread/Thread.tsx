/** The open conversation: header (contact, channel, reply window, assign,
 * archive), messages, and the reply box. */
import { forwardRef, useEffect, useMemo } from 'react'
import { Alert, Badge, Button, Group, Skeleton, Stack, Text, Title, Tooltip } from '@mantine/core'
import { IconArchive, IconArchiveOff } from '@tabler/icons-react'
import type { Conversation, User } from '../../../shared/api/schemas'
import type { CannedReply } from '../../../shared/ipc/contract'
import { contactLabel, formatTimeLeft, replyWindow } from '../../../shared/domain/views'
import { errorMessage } from '../bridge/client'
import { useOutbox } from '../bridge/queries'
import { AssignPicker } from '../assign/AssignPicker'
import { Composer, type ComposerHandle } from '../composer/Composer'
import { ChannelIcon, channelTypeLabel } from '../shell/ui'
import { MessageList } from './MessageList'
import { pendingEntries } from './rows'
import { useThread } from './useThread'

/** "Acme SMS · SMS" says SMS twice: the type is added only when the channel's name does not already say it. */
function channelLine(channel: Conversation['channel']): string {
  const type = channelTypeLabel(channel.type)
  return channel.name.toLowerCase().includes(type.toLowerCase()) ? channel.name : `${channel.name} · ${type}`
}

interface ThreadProps {
  conversation: Conversation
  now: number
  meUserId: string | null
  cannedReplies: readonly CannedReply[]
  assignOpened: boolean
  onAssignOpenedChange: (opened: boolean) => void
  onAssign: (user: Pick<User, 'id' | 'displayName'>) => void
  onUnassign: () => void
  onArchive: (archived: boolean) => void
}

export const Thread = forwardRef<ComposerHandle, ThreadProps>(function Thread(
  { conversation, now, meUserId, cannedReplies, assignOpened, onAssignOpenedChange, onAssign, onUnassign, onArchive },
  composerRef,
) {
  const { query, loadOlder, olderState } = useThread(conversation)
  const outbox = useOutbox()
  const name = contactLabel(conversation.contact)
  const window = replyWindow(conversation, new Date(now))
  const messages = useMemo(() => query.data?.messages ?? [], [query.data])
  const pending = useMemo(
    () => pendingEntries(outbox.data, conversation.id, messages),
    [outbox.data, conversation.id, messages],
  )
  useEffect(() => {
    document.title = `${name} — Inbox Desk`
    return () => {
      document.title = 'Inbox Desk'
    }
  }, [name])

  return (
    <Stack gap={0} h="100%" style={{ minWidth: 0 }} component="section" aria-label={`Conversation with ${name}`}>
      <Group
        justify="space-between"
        wrap="wrap"
        px="md"
        py="xs"
        gap="sm"
        style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
      >
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0, flex: '1 1 240px' }}>
          <ChannelIcon type={conversation.channel.type} size={24} />
          <Stack gap={0} style={{ minWidth: 0, flex: '0 1 auto' }}>
            <Title order={2} size="h4" lineClamp={1} dir="auto">
              {name}
            </Title>
            <Text size="xs" c="dimmed" truncate="end">
              {[
                conversation.contact.name.trim() ? conversation.contact.phoneNumber : null,
                channelLine(conversation.channel),
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </Stack>
        </Group>
        <Group gap="xs" wrap="nowrap" ml="auto">
          {window.state === 'open' && (
            <Tooltip label="Time left in WhatsApp's 24-hour reply window">
              <Badge color="green" variant="filled" tt="none" style={{ flex: 'none' }}>
                {formatTimeLeft(window.msLeft)} left
              </Badge>
            </Tooltip>
          )}
          {window.state === 'closing' && (
            <Badge color="orange" variant="filled" tt="none" style={{ flex: 'none' }}>
              Window closes in {formatTimeLeft(window.msLeft)}
            </Badge>
          )}
          {window.state === 'closed' && (
            <Badge color="red" variant="filled" tt="none" style={{ flex: 'none' }}>
              Window closed
            </Badge>
          )}
          <AssignPicker
            conversation={conversation}
            meUserId={meUserId}
            opened={assignOpened}
            onOpenedChange={onAssignOpenedChange}
            onAssign={onAssign}
            onUnassign={onUnassign}
          />
          <Button
            size="xs"
            variant="default"
            leftSection={
              conversation.archived ? <IconArchiveOff size={16} aria-hidden /> : <IconArchive size={16} aria-hidden />
            }
            onClick={() => onArchive(!conversation.archived)}
          >
            {conversation.archived ? 'Unarchive' : 'Archive'}
          </Button>
        </Group>
      </Group>

      {query.isPending ? (
        <Stack p="md" gap="md" style={{ flex: 1 }} role="status" aria-label="Loading messages">
          <Skeleton height={48} width="55%" />
          <Skeleton height={36} width="40%" ml="auto" />
          <Skeleton height={60} width="60%" />
          <Skeleton height={36} width="35%" ml="auto" />
        </Stack>
      ) : query.isError ? (
        <Stack p="md" style={{ flex: 1 }}>
          <Alert role="alert" color="red" title="The messages did not load">
            <Text size="sm">{errorMessage(query.error)}</Text>
          </Alert>
          <Button variant="default" w="fit-content" onClick={() => void query.refetch()}>
            Retry
          </Button>
        </Stack>
      ) : (
        // Keys differ from the Composer's: siblings sharing a key confuse React, which then leaves the
        // previous conversation's message list in the DOM on every switch.
        <MessageList
          key={`messages-${conversation.id}`}
          chatId={conversation.id}
          contactName={name}
          messages={messages}
          pending={pending}
          hasOlder={query.data.hasOlder}
          loadingOlder={olderState.loading}
          olderError={olderState.error}
          onLoadOlder={() => void loadOlder()}
        />
      )}

      <Composer
        key={`composer-${conversation.id}`}
        ref={composerRef}
        conversation={conversation}
        messages={messages}
        cannedReplies={cannedReplies}
        window={window}
      />
    </Stack>
  )
})
