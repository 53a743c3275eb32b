/**
 * Saved reply fields and problems in the UI language. The tokens themselves ({{contact.name}}) are passed as
 * values, never written into a catalog string, where i18next would read them as its own placeholders.
 */
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { PROMPT_LABEL_MAX, TEMPLATE_VARIABLES, type TemplateProblem } from '../../../shared/domain/reply-template'
import type { TemplateField } from './templateFields'

/** "{{contact.name}}, {{contact.firstName}}, …": what the editor says may be used. */
export const VARIABLE_LIST = TEMPLATE_VARIABLES.map((name) => `{{${name}}}`).join(', ')
export const PROMPT_EXAMPLE = '{{?Order number}}'

export function templateProblemMessage(t: TFunction, problem: TemplateProblem): string {
  switch (problem.kind) {
    case 'unknown':
      return t('template.unknownVariable', { token: problem.token, variables: VARIABLE_LIST, prompt: PROMPT_EXAMPLE })
    case 'emptyPrompt':
      return t('template.emptyPrompt', { token: problem.token, prompt: PROMPT_EXAMPLE })
    case 'longPrompt':
      return t('template.longPrompt', { token: problem.token, count: PROMPT_LABEL_MAX })
    case 'unclosed':
      return t('template.unclosed', { token: problem.token })
  }
}

export function useTemplateProblemMessage() {
  const { t } = useTranslation()
  return (problem: TemplateProblem) => templateProblemMessage(t, problem)
}

export function fieldLabel(t: TFunction, field: TemplateField): string {
  if (field.kind === 'prompt') return field.label
  switch (field.name) {
    case 'agent.name':
      return t('template.agentName')
    case 'contact.name':
      return t('template.contactName')
    case 'contact.firstName':
      return t('template.contactFirstName')
    case 'channel':
      return t('template.channel')
  }
}
