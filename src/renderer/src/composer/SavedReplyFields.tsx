/**
 * The fields panel above the reply box: one input per field the saved reply needs (Tab goes to the next,
 * Enter inserts, Escape cancels), and a preview of the reply as it will be sent.
 */
import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { previewTemplate } from '../../../shared/domain/reply-template'
import { TemplatePreview } from './TemplatePreview'
import { valuesFromFields } from './templateFields'
import { fieldLabel } from './templateMessages'
import { fieldInputId, type PendingSavedReply, type SavedReplyFieldsState } from './useSavedReplyFields'

export function SavedReplyFields({
  chatId,
  pending,
  state,
}: {
  chatId: string
  pending: PendingSavedReply
  state: Pick<SavedReplyFieldsState, 'known' | 'agentMissing' | 'type' | 'confirm' | 'cancel'>
}) {
  const { t } = useTranslation()
  const { known, agentMissing, type: onType, confirm: onConfirm, cancel: onCancel } = state
  const values = valuesFromFields(pending.fields, pending.typed, known)
  const preview = previewTemplate(pending.parsed, values.known, values.prompted)
  return (
    <Paper withBorder p="sm" role="group" aria-label={t('template.fieldsTitle', { shortcut: pending.shortcut })}>
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t('template.fieldsTitle', { shortcut: pending.shortcut })}
        </Text>
        <Group gap="sm" align="flex-start" wrap="wrap">
          {pending.fields.map((field) => {
            const label = fieldLabel(t, field)
            return (
              <TextInput
                key={field.key}
                id={fieldInputId(chatId, field.key)}
                label={label}
                required
                size="xs"
                miw={180}
                style={{ flex: 1 }}
                value={pending.typed[field.key] ?? ''}
                description={
                  field.kind === 'variable' && field.name === 'agent.name'
                    ? agentMissing
                      ? t('template.whoAmIUnset')
                      : t('template.agentUnknown')
                    : undefined
                }
                error={pending.flagged.includes(field.key) ? t('template.fieldEmpty', { field: label }) : undefined}
                onChange={(event) => onType(field.key, event.currentTarget.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
                    event.preventDefault()
                    onConfirm()
                  } else if (event.key === 'Escape') {
                    event.preventDefault()
                    onCancel()
                  }
                }}
              />
            )
          })}
        </Group>
        <TemplatePreview pieces={preview} />
        <Group gap="xs" justify="flex-end">
          <Button size="xs" variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button size="xs" onClick={onConfirm}>
            {t('template.insert')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
