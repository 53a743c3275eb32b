/** The picker's teammates: a skeleton while loading, why it is empty, or one button per teammate. */
import { useTranslation } from 'react-i18next'
import { Group, ScrollArea, Skeleton, Stack, Text, UnstyledButton } from '@mantine/core'
import type { User } from '../../../shared/api/schemas'
import { UserAvatar } from '../shell/ui'

export function TeammateOptions({
  loading,
  anyTeammates,
  teammates,
  assigneeId,
  meUserId,
  onPick,
}: {
  loading: boolean
  /** The server lists some (so an empty `teammates` means the search matched nobody). */
  anyTeammates: boolean
  teammates: readonly User[]
  assigneeId: string | undefined
  meUserId: string | null
  onPick: (user: User) => void
}) {
  const { t } = useTranslation()
  if (loading) {
    return (
      <Stack gap={6} aria-busy="true" aria-label={t('assign.loading')}>
        <Skeleton height={28} />
        <Skeleton height={28} />
        <Skeleton height={28} />
      </Stack>
    )
  }
  return (
    <ScrollArea.Autosize mah={260}>
      <Stack gap={2} role="list" aria-label={t('assign.teammates')}>
        {teammates.length === 0 && (
          <Text size="sm" c="dimmed" p={6}>
            {anyTeammates ? t('assign.nobody') : t('assign.none')}
          </Text>
        )}
        {teammates.map((user) => (
          <div role="listitem" key={user.id}>
            <UnstyledButton
              onClick={() => onPick(user)}
              w="100%"
              p={6}
              style={{ borderRadius: 6 }}
              className="assign-option"
              aria-current={assigneeId === user.id || undefined}
            >
              <Group gap="xs" wrap="nowrap">
                <UserAvatar name={user.displayName} avatarUrl={user.avatarUrl} size={24} />
                <Text size="sm" truncate="end">
                  {user.id === meUserId ? t('assign.me', { name: user.displayName }) : user.displayName}
                </Text>
              </Group>
            </UnstyledButton>
          </div>
        ))}
      </Stack>
    </ScrollArea.Autosize>
  )
}
