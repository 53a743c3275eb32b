/**
 * Assign a conversation: a searchable list of teammates with avatars, plus
 * "Assign to me" and "Unassign". If the users list fails, the error and a
 * Retry button show instead: never an empty picker that pretends nobody exists.
 */
import { useTranslation } from 'react-i18next'
import { useState } from 'react'
import { Button, Group, Popover, Stack, TextInput } from '@mantine/core'
import { IconUserCheck, IconUserMinus, IconUserPlus } from '@tabler/icons-react'
import type { Conversation, User } from '../../../shared/api/schemas'
import { useUsers } from '../bridge/queries'
import { UserAvatar } from '../shell/ui'
import { TeammateOptions } from './TeammateOptions'
import { TeammatesLoadError } from './TeammatesLoadError'

export function AssignPicker({
  conversation,
  meUserId,
  opened,
  onOpenedChange,
  onAssign,
  onUnassign,
}: {
  conversation: Conversation
  meUserId: string | null
  opened: boolean
  onOpenedChange: (opened: boolean) => void
  onAssign: (user: Pick<User, 'id' | 'displayName'>) => void
  onUnassign: () => void
}) {
  const { t } = useTranslation()
  const assignee = conversation.assignee
  return (
    <Popover opened={opened} onChange={onOpenedChange} position="bottom-end" width={330} shadow="md" trapFocus>
      <Popover.Target>
        <Button
          variant="default"
          size="xs"
          leftSection={
            assignee ? <UserAvatar name={assignee.displayName} size={18} /> : <IconUserPlus size={16} aria-hidden />
          }
          onClick={() => onOpenedChange(!opened)}
          aria-label={assignee ? t('assign.change', { name: assignee.displayName }) : t('assign.assign')}
        >
          {assignee ? assignee.displayName : t('assign.assign')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        {opened && (
          <AssignList
            assigneeId={assignee?.id}
            canUnassign={Boolean(assignee)}
            meUserId={meUserId}
            onAssign={(user) => {
              onOpenedChange(false)
              onAssign(user)
            }}
            onUnassign={() => {
              onOpenedChange(false)
              onUnassign()
            }}
          />
        )}
      </Popover.Dropdown>
    </Popover>
  )
}

/** The picker's list: also the bulk bar's (../bulk/BulkAssignPicker.tsx), for many conversations at once. */
export function AssignList({
  assigneeId,
  canUnassign,
  meUserId,
  onAssign,
  onUnassign,
}: {
  /** Who has the conversation now (marked in the list, and "Assign to me" is off when it is me). */
  assigneeId: string | undefined
  canUnassign: boolean
  meUserId: string | null
  onAssign: (user: Pick<User, 'id' | 'displayName'>) => void
  onUnassign: () => void
}) {
  const { t } = useTranslation()
  const users = useUsers()
  const [search, setSearch] = useState('')
  const me = users.data?.find((user) => user.id === meUserId)

  if (users.isError) {
    return <TeammatesLoadError error={users.error} retrying={users.isFetching} onRetry={() => void users.refetch()} />
  }
  const filtered = (users.data ?? []).filter((user) =>
    user.displayName.toLowerCase().includes(search.trim().toLowerCase()),
  )
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Button
          size="xs"
          variant="light"
          leftSection={<IconUserCheck size={14} aria-hidden />}
          disabled={!me || assigneeId === me.id}
          title={me ? undefined : t('assign.pickYourselfFirst')}
          onClick={() => me && onAssign(me)}
        >
          {t('assign.toMe')}
        </Button>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconUserMinus size={14} aria-hidden />}
          disabled={!canUnassign}
          onClick={onUnassign}
        >
          {t('assign.unassign')}
        </Button>
      </Group>
      <TextInput
        size="xs"
        aria-label={t('assign.search')}
        placeholder={t('assign.search')}
        value={search}
        data-autofocus
        onChange={(event) => setSearch(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && filtered.length > 0) {
            event.preventDefault()
            onAssign(filtered[0]!)
          }
        }}
      />
      <TeammateOptions
        loading={users.isPending}
        anyTeammates={Boolean(users.data?.length)}
        teammates={filtered}
        assigneeId={assigneeId}
        meUserId={meUserId}
        onPick={onAssign}
      />
    </Stack>
  )
}
