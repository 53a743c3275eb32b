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
  hasDraft,
  now,
  onClick,
}: {
  conversation: Conversation
  active: boolean
  open: boolean
  hasDraft: boolean
  now: number
  onClick: (chatId: string) => void
}) {
  const name = contactLabel(conversation.contact)
  const window = replyWindow(conversation, new Date(now))
  const last = conversation.lastMessage
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
            {dayjs(conversation.lastMessageDate).from(now)}
          </Text>
        </Group>
        <Group gap={6} wrap="nowrap" justify="space-between">
          <Text size="sm" c="dimmed" truncate="end" dir="auto">
            {hasDraft && (
              <Text span c="var(--mantine-color-orange-text)" fw={600} size="sm">
                Draft:{' '}
              </Text>
            )}
            {last ? `${last.direction === 'outbound' ? 'You: ' : ''}${last.preview}` : 'No messages yet'}
          </Text>
          {conversation.unreadCount > 0 && (
            <Badge size="sm" circle={conversation.unreadCount < 10} aria-label={`${conversation.unreadCount} unread`}>
              {conversation.unreadCount > 99 ? '99+' : conversation.unreadCount}
            </Badge>
          )}
        </Group>
        <Group gap={6} wrap="nowrap" mih={20}>
          {hasDraft && <IconPencil size={14} aria-hidden color="var(--mantine-color-orange-text)" />}
          {window.state === 'open' && (
            <Text size="xs" c="var(--mantine-color-green-text)">
              {formatTimeLeft(window.msLeft)} left to reply
            </Text>
          )}
          {window.state === 'closing' && (
            <Badge size="xs" color="orange" variant="light">
              Window closes in {formatTimeLeft(window.msLeft)}
            </Badge>
          )}
          {window.state === 'closed' && (
            <Badge size="xs" color="gray" variant="light">
              Reply window closed
            </Badge>
          )}
          <div style={{ flex: 1 }} />
          {conversation.assignee ? (
            <Tooltip label={`Assigned to ${conversation.assignee.displayName}`} openDelay={400}>
              <span>
                <UserAvatar
                  name={conversation.assignee.displayName}
                  size={20}
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
