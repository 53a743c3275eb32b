import { useState } from 'react'
import { ActionIcon, Button, Group, Stack, Text, TextInput, Textarea } from '@mantine/core'
import { IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { type CannedReply, cannedReplySchema } from '../../../shared/ipc/contract'
import { cannedIssueMessage } from './cannedErrors'

/** Add and remove canned replies (`/shortcut` → text). Bad input keeps what
 * was typed and says what is wrong. */
export function CannedRepliesEditor({
  replies,
  onChange,
}: {
  replies: readonly CannedReply[]
  onChange: (replies: CannedReply[]) => void
}) {
  const { t } = useTranslation()
  const [shortcut, setShortcut] = useState('')
  const [text, setText] = useState('')
  const [errors, setErrors] = useState<{ shortcut?: string; text?: string }>({})

  const add = () => {
    const candidate = { shortcut: shortcut.trim().replace(/^\//, ''), text: text.trim() }
    const parsed = cannedReplySchema.safeParse(candidate)
    const next: { shortcut?: string; text?: string } = {}
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] === 'shortcut' ? 'shortcut' : 'text'
        next[field] ??= cannedIssueMessage(t, field, issue)
      }
    } else if (replies.some((reply) => reply.shortcut.toLowerCase() === parsed.data.shortcut.toLowerCase())) {
      next.shortcut = t('canned.exists', { shortcut: parsed.data.shortcut })
    }
    setErrors(next)
    if (!parsed.success || next.shortcut) return
    onChange([...replies, parsed.data])
    setShortcut('')
    setText('')
  }

  return (
    <Stack gap="sm">
      {replies.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('canned.none')}
        </Text>
      ) : (
        <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {replies.map((reply) => (
            <Group key={reply.shortcut} component="li" wrap="nowrap" align="flex-start" gap="xs">
              <Text fw={600} size="sm" miw={90}>
                /{reply.shortcut}
              </Text>
              <Text size="sm" style={{ flex: 1, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} lineClamp={3}>
                {reply.text}
              </Text>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('canned.remove', { shortcut: reply.shortcut })}
                onClick={() => onChange(replies.filter((r) => r.shortcut !== reply.shortcut))}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
      )}
      <TextInput
        label={t('canned.shortcut')}
        placeholder={t('canned.shortcutPlaceholder')}
        leftSection={<Text size="sm">/</Text>}
        value={shortcut}
        error={errors.shortcut}
        onChange={(event) => setShortcut(event.currentTarget.value)}
      />
      <Textarea
        label={t('canned.text')}
        autosize
        minRows={2}
        maxRows={6}
        value={text}
        error={errors.text}
        onChange={(event) => setText(event.currentTarget.value)}
      />
      <Button variant="default" onClick={add} w="fit-content">
        {t('canned.add')}
      </Button>
    </Stack>
  )
}
