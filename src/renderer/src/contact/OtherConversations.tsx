/** The contact's other conversations (any channel, archived too) in the contact panel; a click opens one. */
import { Alert, Badge, Group, Skeleton, Stack, Text, UnstyledButton } from '@mantine/core'
import type { UseQueryResult } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { Conversation } from '../../../shared/api/schemas'
import { errorMessage } from '../bridge/client'
import { useFormat } from '../i18n/format'
import { ChannelIcon } from '../shell/ui'

export function OtherConversations({
  others,
  query,
  onOpen,
}: {
  others: Conversation[] | null
  query: UseQueryResult<readonly Conversation[]>
  onOpen: (chatId: string) => void
}) {
  const { t } = useTranslation()
  const format = useFormat()
  return (
    <Stack gap={6} component="section" aria-label={t('contactPanel.others')}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {t('contactPanel.others')}
      </Text>
      {query.isError ? (
        <Alert role="alert" color="red" p="xs" title={t('contactPanel.othersError')}>
          <Text size="xs">{errorMessage(query.error)}</Text>
        </Alert>
      ) : others === null ? (
        <Skeleton height={36} role="status" aria-label={t('contactPanel.loading')} />
      ) : others.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('contactPanel.noOthers')}
        </Text>
      ) : (
        <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {others.map((other) => (
            <li key={other.id}>
              <UnstyledButton
                onClick={() => onOpen(other.id)}
                w="100%"
                p={6}
                style={{ borderRadius: 6, border: '1px solid var(--mantine-color-default-border)' }}
                aria-label={t('contactPanel.openOther', {
                  channel: other.channel.name,
                  when: format.dateTime(other.lastMessageDate),
                })}
              >
                <Group gap={6} wrap="nowrap">
                  <ChannelIcon type={other.channel.type} size={16} />
                  <Text size="sm" fw={500} truncate style={{ flex: 1 }}>
                    {other.channel.name}
                  </Text>
                  {other.archived && (
                    <Badge size="xs" variant="default">
                      {t('contactPanel.archived')}
                    </Badge>
                  )}
                </Group>
                <Text size="xs" c="dimmed" truncate dir="auto">
                  {other.lastMessage?.preview ?? ''}
                </Text>
                <Text size="xs" c="dimmed">
                  <time dateTime={other.lastMessageDate}>{format.dateTime(other.lastMessageDate)}</time>
                </Text>
              </UnstyledButton>
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  )
}
