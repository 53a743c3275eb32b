import { memo } from 'react'
import { Badge, Group, Text, Tooltip } from '@mantine/core'
import { IconPencil } from '@tabler/icons-react'
import dayjs from 'dayjs'
import type { Conversation } from '../../../shared/api/schemas'
import { contactLabel, formatTimeLeft, replyWindow } from '../../../shared/domain/views'
import { ChannelIcon, UserAvatar } from '../shell/ui'
import classes from './ConversationList.module.css'

export const ROW_HEIGHT = 78

export const ConversationRow = memo(function ConversationRow({
  conversation,
  active,
  open,
  draft,
  now,
  onClick,
}: {
  conversation: Conversation
  active: boolean
  open: boolean
  /** The unsent draft, if any: shown instead of the last message. */
  draft: string | undefined
  now: number
  onClick: (chatId: string) => void
}) {
  const name = contactLabel(conversation.contact)
  const window = replyWindow(conversation, new Date(now))
  const last = conversation.lastMessage
  const hasDraft = Boolean(draft?.trim())
  return (
    <div
      id={`conversation-${conversation.id}`}
      role="option"
      aria-selected={open}
      data-active={active || undefined}
      data-open={open || undefined}
      className={classes.row}
      onClick={() => onClick(conversation.id)}
    >
      <div className={classes.rowIcon}>
        <ChannelIcon type={conversation.channel.type} size={22} />
      </div>
      <div className={classes.rowBody}>
        <Group gap={6} wrap="nowrap" justify="space-between">
          <Text fw={conversation.unreadCount > 0 ? 700 : 500} size="sm" truncate="end" dir="auto">
            {name}
          </Text>
          <Text
            size="xs"
            c="dimmed"
            style={{ flex: 'none' }}
            title={dayjs(conversation.lastMessageDate).format('YYYY-MM-DD HH:mm')}
          >
            {/* The server's clock may run a little ahead of ours: never say "in a few seconds". */}
            {dayjs(Math.min(Date.parse(conversation.lastMessageDate), now)).from(now)}
          </Text>
        </Group>
        <Group gap={6} wrap="nowrap" justify="space-between">
          <Text size="sm" c="dimmed" truncate="end" dir="auto">
            {hasDraft && (
              <Text span className="tone-warn" fw={600} size="sm">
                Draft:{' '}
              </Text>
            )}
            {hasDraft
              ? draft!.trim().slice(0, 200)
              : last
                ? `${last.direction === 'outbound' ? 'You: ' : ''}${last.preview}`
                : 'No messages yet'}
          </Text>
          {conversation.unreadCount > 0 && (
            <Badge size="sm" style={{ flex: 'none' }} aria-label={`${conversation.unreadCount} unread`}>
              {conversation.unreadCount > 99 ? '99+' : conversation.unreadCount}
            </Badge>
          )}
        </Group>
        <Group gap={6} wrap="nowrap" mih={20}>
          {hasDraft && <IconPencil size={14} aria-hidden className="tone-warn" />}
          {window.state === 'open' && (
            <Text size="xs" className="tone-ok" truncate="end" title="Time left in WhatsApp's 24-hour reply window">
              {formatTimeLeft(window.msLeft)} left to reply
            </Text>
          )}
          {window.state === 'closing' && (
            <Badge size="xs" color="orange" variant="filled">
              Closes in {formatTimeLeft(window.msLeft)}
            </Badge>
          )}
          {window.state === 'closed' && (
            <Badge size="xs" variant="default">
              Window closed
            </Badge>
          )}
          <div style={{ flex: 1 }} />
          {conversation.assignee ? (
            <Tooltip label={`Assigned to ${conversation.assignee.displayName}`} openDelay={400}>
              <span>
                <UserAvatar
                  name={conversation.assignee.displayName}
                  size={24}
                  label={`Assigned to ${conversation.assignee.displayName}`}
                />
              </span>
            </Tooltip>
          ) : (
            <Text size="xs" c="dimmed">
              Unassigned
            </Text>
          )}
        </Group>
      </div>
    </div>
  )
})
