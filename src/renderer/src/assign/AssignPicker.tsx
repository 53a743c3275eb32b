/**
 * Assign a conversation: a searchable list of teammates with avatars, plus
 * "Assign to me" and "Unassign". If the users list fails, the error and a
 * Retry button show instead: never an empty picker that pretends nobody exists.
 */
import { useState } from 'react'
import {
  Alert,
  Button,
  Group,
  Popover,
  ScrollArea,
  Skeleton,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core'
import { IconUserCheck, IconUserMinus, IconUserPlus } from '@tabler/icons-react'
import type { Conversation, User } from '../../../shared/api/schemas'
import { errorMessage } from '../bridge/client'
import { useUsers } from '../bridge/queries'
import { UserAvatar } from '../shell/ui'

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
          aria-label={assignee ? `Assigned to ${assignee.displayName}. Change assignee` : 'Assign'}
        >
          {assignee ? assignee.displayName : 'Assign'}
        </Button>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        {opened && (
          <AssignList
            conversation={conversation}
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

function AssignList({
  conversation,
  meUserId,
  onAssign,
  onUnassign,
}: {
  conversation: Conversation
  meUserId: string | null
  onAssign: (user: Pick<User, 'id' | 'displayName'>) => void
  onUnassign: () => void
}) {
  const users = useUsers()
  const [search, setSearch] = useState('')
  const me = users.data?.find((user) => user.id === meUserId)

  if (users.isError) {
    return (
      <Alert role="alert" color="red" title="The teammates list did not load">
        <Stack gap="xs">
          <Text size="sm">{errorMessage(users.error)}</Text>
          <Button
            size="xs"
            variant="default"
            w="fit-content"
            loading={users.isFetching}
            onClick={() => void users.refetch()}
          >
            Retry
          </Button>
        </Stack>
      </Alert>
    )
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
          disabled={!me || conversation.assignee?.id === me.id}
          title={me ? undefined : 'Pick yourself in Settings → Who am I first'}
          onClick={() => me && onAssign(me)}
        >
          Assign to me
        </Button>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconUserMinus size={14} aria-hidden />}
          disabled={!conversation.assignee}
          onClick={onUnassign}
        >
          Unassign
        </Button>
      </Group>
      <TextInput
        size="xs"
        aria-label="Search teammates"
        placeholder="Search teammates"
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
      {users.isPending ? (
        <Stack gap={6} aria-busy="true" aria-label="Loading teammates">
          <Skeleton height={28} />
          <Skeleton height={28} />
          <Skeleton height={28} />
        </Stack>
      ) : (
        <ScrollArea.Autosize mah={260}>
          <Stack gap={2} role="list" aria-label="Teammates">
            {filtered.length === 0 && (
              <Text size="sm" c="dimmed" p={6}>
                {users.data?.length ? 'Nobody by that name.' : 'The server lists no teammates who can be assigned.'}
              </Text>
            )}
            {filtered.map((user) => (
              <div role="listitem" key={user.id}>
                <UnstyledButton
                  onClick={() => onAssign(user)}
                  w="100%"
                  p={6}
                  style={{ borderRadius: 6 }}
                  className="assign-option"
                  aria-current={conversation.assignee?.id === user.id || undefined}
                >
                  <Group gap="xs" wrap="nowrap">
                    <UserAvatar name={user.displayName} avatarUrl={user.avatarUrl} size={24} />
                    <Text size="sm" truncate="end">
                      {user.displayName}
                      {user.id === meUserId ? ' (me)' : ''}
                    </Text>
                  </Group>
                </UnstyledButton>
              </div>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Stack>
  )
}
