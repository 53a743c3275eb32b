/** The conversation's facts in the contact panel: the assignee, the first and the last message. */
import type { ReactNode } from 'react'
import { Alert, Button, Skeleton, Stack, Text } from '@mantine/core'
import type { UseQueryResult } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { Conversation } from '../../../shared/api/schemas'
import { errorMessage } from '../bridge/client'
import { useFormat } from '../i18n/format'

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {children}
      </Text>
    </div>
  )
}

export function ContactFacts({
  conversation,
  firstMessage,
}: {
  conversation: Conversation
  firstMessage: UseQueryResult<string | null>
}) {
  const { t } = useTranslation()
  const format = useFormat()
  return (
    <Stack component="dl" gap="xs" m={0}>
      <Fact label={t('contactPanel.assignee')}>
        {conversation.assignee?.displayName ?? t('contactPanel.unassigned')}
      </Fact>
      <Fact label={t('contactPanel.firstMessage')}>
        {firstMessage.isPending ? (
          <Skeleton height={14} width="70%" mt={4} aria-label={t('contactPanel.loading')} role="status" />
        ) : firstMessage.isError ? (
          <FirstMessageError
            error={firstMessage.error}
            retrying={firstMessage.isFetching}
            onRetry={() => void firstMessage.refetch()}
          />
        ) : firstMessage.data ? (
          <time dateTime={firstMessage.data}>{format.dateTime(firstMessage.data)}</time>
        ) : (
          t('contactPanel.noMessages')
        )}
      </Fact>
      <Fact label={t('contactPanel.lastMessage')}>
        <time dateTime={conversation.lastMessageDate}>{format.dateTime(conversation.lastMessageDate)}</time>
      </Fact>
    </Stack>
  )
}

function FirstMessageError({ error, retrying, onRetry }: { error: unknown; retrying: boolean; onRetry: () => void }) {
  const { t } = useTranslation()
  return (
    <Alert role="alert" color="red" p="xs" mt={4} title={t('contactPanel.loadError')}>
      <Stack gap={6}>
        <Text size="xs">{errorMessage(error)}</Text>
        <Button size="compact-xs" variant="default" loading={retrying} onClick={onRetry} w="fit-content">
          {t('common.retry')}
        </Button>
      </Stack>
    </Alert>
  )
}
