/**
 * What the composer needs to fill a saved reply: the values it knows for this conversation, and the fields it
 * has to ask for (every prompted field, and any known variable it has no value for, such as {{agent.name}}
 * before "Who am I" is set), in the order they appear in the reply.
 */
import type { Conversation, User } from '../../../shared/api/schemas'
import {
  cleanValue,
  firstNameOf,
  type KnownValues,
  type ParsedTemplate,
  type TemplateVariable,
} from '../../../shared/domain/reply-template'
import { channelTypeLabel } from '../shell/ui'

export type TemplateField =
  { key: string; kind: 'prompt'; label: string } | { key: string; kind: 'variable'; name: TemplateVariable }

export function knownValues(conversation: Conversation, agent: Pick<User, 'displayName'> | null): KnownValues {
  const name = conversation.contact.name.trim()
  return {
    'contact.name': name || null,
    'contact.firstName': firstNameOf(name) || null,
    'agent.name': agent?.displayName ?? null,
    channel: channelTypeLabel(conversation.channel.type),
  }
}

export function fieldsToAsk(parsed: ParsedTemplate, known: KnownValues): TemplateField[] {
  const fields: TemplateField[] = []
  const seen = new Set<string>()
  for (const part of parsed.parts) {
    const field: TemplateField | null =
      part.kind === 'prompt'
        ? { key: `prompt:${part.label}`, kind: 'prompt', label: part.label }
        : part.kind === 'variable' && !cleanValue(known[part.name])
          ? { key: `variable:${part.name}`, kind: 'variable', name: part.name }
          : null
    if (field && !seen.has(field.key)) {
      seen.add(field.key)
      fields.push(field)
    }
  }
  return fields
}

/** The values typed into the fields, split back into known variables and prompted fields. */
export function valuesFromFields(
  fields: readonly TemplateField[],
  typed: Readonly<Record<string, string>>,
  known: KnownValues,
): { known: KnownValues; prompted: Record<string, string> } {
  const nextKnown: KnownValues = { ...known }
  const prompted: Record<string, string> = {}
  for (const field of fields) {
    const value = typed[field.key] ?? ''
    if (field.kind === 'prompt') prompted[field.label] = value
    else nextKnown[field.name] = value
  }
  return { known: nextKnown, prompted }
}
