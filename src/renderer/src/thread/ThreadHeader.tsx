/** The thread's header: contact and channel, the WhatsApp reply window, assign, snooze and archive. */
import { useTranslation } from 'react-i18next'
import { Badge, Button, Group, Stack, Text, Title, Tooltip } from '@mantine/core'
import { IconArchive, IconArchiveOff } from '@tabler/icons-react'
import type { Conversation, User } from '../../../shared/api/schemas'
import { type ReplyWindow } from '../../../shared/domain/views'
import { AssignPicker } from '../assign/AssignPicker'
import { useFormat } from '../i18n/format'
import { isPhoneLike } from '../shell/phone'
import { ThreadSnooze } from '../snooze'
import { ChannelIcon, channelTypeLabel, PhoneNumber } from '../shell/ui'

/** "Acme SMS · SMS" says SMS twice: the type is added only when the channel's name does not already say it. */
function channelLine(channel: Conversation['channel']): string {
  const type = channelTypeLabel(channel.type)
  return channel.name.toLowerCase().includes(type.toLowerCase()) ? channel.name : `${channel.name} · ${type}`
}

export function ThreadHeader({
  conversation,
  name,
  window,
  meUserId,
  assignOpened,
  onAssignOpenedChange,
  onAssign,
  onUnassign,
  onArchive,
}: {
  conversation: Conversation
  name: string
  window: ReplyWindow
  meUserId: string | null
  assignOpened: boolean
  onAssignOpenedChange: (opened: boolean) => void
  onAssign: (user: Pick<User, 'id' | 'displayName'>) => void
  onUnassign: () => void
  onArchive: (archived: boolean) => void
}) {
  const { t } = useTranslation()
  // No name (contactLabel gives the number), or a number for a name: it must read left to right.
  const phoneOnly = isPhoneLike(name)
  return (
    <Group
      justify="space-between"
      wrap="wrap"
      px="md"
      py="xs"
      gap="sm"
      style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
    >
      {/* Basis auto: when name and subline do not fit beside the actions, the actions wrap to a second row
          instead of the subline losing its channel (German at 1280 px). */}
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0, flex: '1 1 auto' }}>
        <ChannelIcon type={conversation.channel.type} size={24} />
        <Stack gap={0} style={{ minWidth: 0, flex: '0 1 auto' }}>
          {/* The reply window sits beside the name (the short line), leaving the row's width to the subline. */}
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <Title order={2} size="h4" lineClamp={1} dir={phoneOnly ? undefined : 'auto'} style={{ minWidth: 0 }}>
              {phoneOnly ? <PhoneNumber number={name} /> : name}
            </Title>
            <ReplyWindowBadge window={window} />
          </Group>
          <Text size="xs" c="dimmed" truncate="end">
            {conversation.contact.name.trim() && conversation.contact.phoneNumber ? (
              <>
                <PhoneNumber number={conversation.contact.phoneNumber} />
                {' · '}
              </>
            ) : null}
            {channelLine(conversation.channel)}
          </Text>
        </Stack>
      </Group>
      <Group gap="xs" wrap="nowrap" ml="auto">
        <AssignPicker
          conversation={conversation}
          meUserId={meUserId}
          opened={assignOpened}
          onOpenedChange={onAssignOpenedChange}
          onAssign={onAssign}
          onUnassign={onUnassign}
        />
        <ThreadSnooze conversation={conversation} />
        <Button
          size="xs"
          variant="default"
          leftSection={
            conversation.archived ? <IconArchiveOff size={16} aria-hidden /> : <IconArchive size={16} aria-hidden />
          }
          onClick={() => onArchive(!conversation.archived)}
        >
          {conversation.archived ? t('thread.unarchive') : t('thread.archive')}
        </Button>
      </Group>
    </Group>
  )
}

/** Time left in WhatsApp's 24-hour reply window (nothing for channels without one). */
function ReplyWindowBadge({ window }: { window: ReplyWindow }) {
  const { t } = useTranslation()
  const format = useFormat()
  return (
    <>
      {window.state === 'open' && (
        <Tooltip label={t('row.windowHint')}>
          <Badge color="green" variant="filled" tt="none" style={{ flex: 'none' }}>
            {t('thread.timeLeft', { time: format.timeLeft(window.msLeft) })}
          </Badge>
        </Tooltip>
      )}
      {window.state === 'closing' && (
        <Badge color="orange" variant="filled" tt="none" style={{ flex: 'none' }}>
          {t('thread.closesIn', { time: format.timeLeft(window.msLeft) })}
        </Badge>
      )}
      {window.state === 'closed' && (
        <Badge color="red" variant="filled" tt="none" style={{ flex: 'none' }}>
          {t('thread.windowClosed')}
        </Badge>
      )}
    </>
  )
}
