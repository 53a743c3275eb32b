/** The `/shortcut` suggestions above the reply box (a listbox the textarea points into with aria-activedescendant). */
import { Paper, Text, UnstyledButton } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { CannedReply } from '../../../shared/ipc/contract'

export function cannedOptionId(chatId: string, index: number): string {
  return `canned-${chatId}-${index}`
}

export function CannedRepliesMenu({
  chatId,
  matches,
  highlight,
  onPick,
}: {
  chatId: string
  matches: readonly CannedReply[]
  highlight: number
  onPick: (reply: CannedReply) => void
}) {
  const { t } = useTranslation()
  return (
    <Paper
      withBorder
      shadow="md"
      p={4}
      role="listbox"
      id={`canned-${chatId}`}
      aria-label={t('settings.cannedReplies')}
      style={{ position: 'absolute', bottom: '100%', insetInline: 12, zIndex: 5 }}
    >
      {matches.map((reply, index) => (
        <UnstyledButton
          key={reply.shortcut}
          id={cannedOptionId(chatId, index)}
          role="option"
          aria-selected={index === highlight}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onPick(reply)}
          w="100%"
          p={6}
          style={{
            borderRadius: 6,
            background: index === highlight ? 'var(--mantine-primary-color-light)' : undefined,
          }}
        >
          <Text size="sm" fw={600} span>
            <bdi dir="ltr">/{reply.shortcut}</bdi>
          </Text>{' '}
          <Text size="sm" c="dimmed" span lineClamp={1}>
            {reply.text}
          </Text>
        </UnstyledButton>
      ))}
    </Paper>
  )
}
