/**
 * The Snoozed view: every snoozed conversation with when it wakes, soonest first; one that is due but could not be
 * woken yet (offline, the server refused) is marked late, with why; "Wake now" brings one back at once, and a click
 * on the name opens its thread.
 */
import { useTranslation } from 'react-i18next'
import { Alert, Badge, Button, Group, Loader, Stack, Text, UnstyledButton } from '@mantine/core'
import type { SnoozedConversation } from '../../../shared/ipc/contract'
import { contactLabel } from '../../../shared/domain/views'
import { errorMessage } from '../bridge/client'
import { useFormat } from '../i18n/format'
import { ChannelIcon } from '../shell/ui'
import { useSnooze } from './useSnooze'
import { useSnoozes } from './useSnoozes'
import { whenLabel } from './whenLabel'

export function SnoozedPane({ now, onOpen }: { now: number; onOpen: (chatId: string) => void }) {
  const { t } = useTranslation()
  const snoozes = useSnoozes()
  return (
    <section
      aria-label={t('snooze.listLabel')}
      style={{
        width: 'clamp(260px, 34%, 420px)',
        flex: 'none',
        overflowY: 'auto',
        borderInlineEnd: '1px solid var(--mantine-color-default-border)',
      }}
    >
      <Text size="xs" fw={600} tt="uppercase" c="dimmed" px="sm" pt="sm" pb={4}>
        {t('snooze.view')}
      </Text>
      {snoozes.isPending && <Loader size="sm" m="sm" />}
      {snoozes.isError && (
        <Alert color="red" m="sm">
          {errorMessage(snoozes.error)}
        </Alert>
      )}
      {snoozes.data?.snoozes.length === 0 && (
        <Text size="sm" c="dimmed" px="sm">
          {t('snooze.empty')}
        </Text>
      )}
      <Stack gap={0} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {snoozes.data?.snoozes.map((snoozed) => (
          <SnoozedRow key={snoozed.chatId} snoozed={snoozed} now={now} onOpen={onOpen} />
        ))}
      </Stack>
    </section>
  )
}

function SnoozedRow({
  snoozed,
  now,
  onOpen,
}: {
  snoozed: SnoozedConversation
  now: number
  onOpen: (chatId: string) => void
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const { wakeNow } = useSnooze()
  const { conversation } = snoozed
  const name = conversation ? contactLabel(conversation.contact, t('contact.unknown')) : t('contact.unknown')
  const when = whenLabel(Date.parse(snoozed.until), now, t, format)
  return (
    <li
      data-snoozed={snoozed.chatId}
      style={{ borderBottom: '1px solid var(--mantine-color-default-border)', padding: '8px 12px' }}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <UnstyledButton onClick={() => onOpen(snoozed.chatId)} style={{ minWidth: 0, flex: 1 }}>
          <Group gap="xs" wrap="nowrap">
            {conversation && <ChannelIcon type={conversation.channel.type} />}
            <Text fw={600} size="sm" truncate="end" dir="auto">
              {name}
            </Text>
            {snoozed.late && (
              <Badge color="orange" variant="filled" tt="none" style={{ flex: 'none' }}>
                {t('snooze.late')}
              </Badge>
            )}
          </Group>
          {/* A late one says when it was due, and why it is not back, below. */}
          {!snoozed.late && (
            <Text size="xs" c="dimmed">
              {t('snooze.wakes', { when })}
            </Text>
          )}
        </UnstyledButton>
        <Button size="xs" variant="light" onClick={() => void wakeNow(snoozed.chatId)}>
          {t('snooze.wakeNow')}
        </Button>
      </Group>
      {snoozed.late && <LateReason snoozed={snoozed} when={when} />}
    </li>
  )
}

function LateReason({ snoozed, when }: { snoozed: SnoozedConversation; when: string }) {
  const { t } = useTranslation()
  const text = snoozed.lastError
    ? t('snooze.lateRetrying', { when, reason: errorMessage(snoozed.lastError) })
    : t('snooze.lateOffline', { when })
  return (
    <Text size="xs" c="orange.8" mt={4} role="status">
      {text}
    </Text>
  )
}
