import { describe, expect, it } from 'vitest'
import type { Conversation } from '../../../shared/api/schemas'
import { fillTemplate, parseTemplate } from '../../../shared/domain/reply-template'
import { fieldsToAsk, knownValues, valuesFromFields } from './templateFields'

const conversation = {
  id: 'chat_1',
  channel: { id: 'ch_wa', type: 'whatsapp', name: 'Acme WhatsApp' },
  contact: { id: 'ct_1', name: 'Sofía Hernández', phoneNumber: '+34612480937' },
} as Conversation

describe('saved reply fields in the composer', () => {
  it('knows the contact, the channel and the agent', () => {
    expect(knownValues(conversation, { displayName: 'Maya Cohen' })).toEqual({
      'contact.name': 'Sofía Hernández',
      'contact.firstName': 'Sofía',
      'agent.name': 'Maya Cohen',
      channel: 'WhatsApp',
    })
  })

  it('asks for prompted fields in order, and for {{agent.name}} when "Who am I" is not set', () => {
    const parsed = parseTemplate('{{?Order number}} {{agent.name}} {{contact.name}} {{?Date}} {{?Order number}}')
    const known = knownValues(conversation, null)
    const fields = fieldsToAsk(parsed, known)
    expect(fields.map((f) => f.key)).toEqual(['prompt:Order number', 'variable:agent.name', 'prompt:Date'])
    const typed = { 'prompt:Order number': 'A-1', 'variable:agent.name': 'Maya', 'prompt:Date': 'Monday' }
    const values = valuesFromFields(fields, typed, known)
    expect(fillTemplate(parsed, values.known, values.prompted)).toEqual({
      ok: true,
      text: 'A-1 Maya Sofía Hernández Monday A-1',
    })
  })

  it('a contact without a name is asked for too', () => {
    const nameless = { ...conversation, contact: { ...conversation.contact, name: ' ' } }
    expect(fieldsToAsk(parseTemplate('Hi {{contact.firstName}}'), knownValues(nameless, null))).toEqual([
      { key: 'variable:contact.firstName', kind: 'variable', name: 'contact.firstName' },
    ])
  })
})
