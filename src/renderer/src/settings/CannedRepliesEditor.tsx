import { useState } from 'react'
import { ActionIcon, Button, Group, Stack, Text, TextInput, Textarea } from '@mantine/core'
import { IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { type CannedReply, cannedReplySchema } from '../../../shared/ipc/contract'
import { parseTemplate, previewTemplate } from '../../../shared/domain/reply-template'
import { TemplatePreview } from '../composer/TemplatePreview'
import { PROMPT_EXAMPLE, templateProblemMessage, VARIABLE_LIST } from '../composer/templateMessages'
import { CannedRepliesTransfer } from './CannedRepliesTransfer'
import { cannedIssueMessage } from './cannedErrors'
import { useSampleValues } from './useSampleValues'

/** Add and remove canned replies (`/shortcut` → text, with fields such as {{contact.firstName}}). Bad input
 * keeps what was typed and says what is wrong; a field the composer cannot fill is an error as it is typed. */
export function CannedRepliesEditor({
  replies,
  meUserId,
  onChange,
}: {
  replies: readonly CannedReply[]
  meUserId: string | null
  onChange: (replies: CannedReply[]) => void
}) {
  const { t } = useTranslation()
  const [shortcut, setShortcut] = useState('')
  const [text, setText] = useState('')
  const [errors, setErrors] = useState<{ shortcut?: string; text?: string }>({})
  const parsed = parseTemplate(text)
  const templateError = parsed.problems[0] ? templateProblemMessage(t, parsed.problems[0]) : undefined
  const sample = useSampleValues(meUserId)

  const add = () => {
    const candidate = { shortcut: shortcut.trim().replace(/^\//, ''), text: text.trim() }
    const result = cannedReplySchema.safeParse(candidate)
    const next: { shortcut?: string; text?: string } = {}
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = issue.path[0] === 'shortcut' ? 'shortcut' : 'text'
        next[field] ??= cannedIssueMessage(t, field, issue)
      }
    } else if (replies.some((reply) => reply.shortcut.toLowerCase() === result.data.shortcut.toLowerCase())) {
      next.shortcut = t('canned.exists', { shortcut: result.data.shortcut })
    }
    next.text ??= templateError
    setErrors(next)
    if (!result.success || next.shortcut || next.text) return
    onChange([...replies, result.data])
    setShortcut('')
    setText('')
  }

  return (
    <Stack gap="sm">
      <CannedRepliesList replies={replies} onChange={onChange} />
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
        description={t('template.help', { variables: VARIABLE_LIST, prompt: PROMPT_EXAMPLE })}
        autosize
        minRows={2}
        maxRows={6}
        value={text}
        error={templateError ?? errors.text}
        onChange={(event) => setText(event.currentTarget.value)}
      />
      {text.includes('{{') && !templateError && (
        <TemplatePreview pieces={previewTemplate(parsed, sample, {})} label={t('template.previewSample')} />
      )}
      <Button variant="default" onClick={add} w="fit-content">
        {t('canned.add')}
      </Button>
      <CannedRepliesTransfer replies={replies} onImport={onChange} />
    </Stack>
  )
}

function CannedRepliesList({
  replies,
  onChange,
}: {
  replies: readonly CannedReply[]
  onChange: (replies: CannedReply[]) => void
}) {
  const { t } = useTranslation()
  if (replies.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('canned.none')}
      </Text>
    )
  }
  return (
    <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {replies.map((reply) => (
        <Group key={reply.shortcut} component="li" wrap="nowrap" align="flex-start" gap="xs">
          <Text fw={600} size="sm" miw={90}>
            <bdi dir="ltr">/{reply.shortcut}</bdi>
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
  )
}
