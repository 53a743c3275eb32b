import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  cleanValue,
  fillTemplate,
  firstNameOf,
  firstUnfilledField,
  hasUnfilledField,
  parseTemplate,
  previewTemplate,
  PROMPT_LABEL_MAX,
  TEMPLATE_VARIABLES,
  type KnownValues,
} from './reply-template'

const everythingKnown: KnownValues = {
  'contact.name': 'Sofía Hernández',
  'contact.firstName': 'Sofía',
  'agent.name': 'Maya',
  channel: 'WhatsApp',
}

describe('parseTemplate', () => {
  it('reads text, known variables and prompted fields in order', () => {
    const parsed = parseTemplate('Hi {{contact.firstName}}, order {{?Order number}} ships via {{ channel }}.')
    expect(parsed.problems).toEqual([])
    expect(parsed.parts).toEqual([
      { kind: 'text', text: 'Hi ' },
      { kind: 'variable', name: 'contact.firstName' },
      { kind: 'text', text: ', order ' },
      { kind: 'prompt', label: 'Order number' },
      { kind: 'text', text: ' ships via ' },
      { kind: 'variable', name: 'channel' },
      { kind: 'text', text: '.' },
    ])
    expect(parsed.prompts).toEqual(['Order number'])
    expect(parsed.variables).toEqual(['contact.firstName', 'channel'])
  })

  it('asks for a prompted field once however often it appears', () => {
    expect(parseTemplate('{{?Order}} and {{?Date}} then {{? Order }}').prompts).toEqual(['Order', 'Date'])
  })

  it.each([
    ['Hi {{contact.nme}}', { kind: 'unknown', token: '{{contact.nme}}', name: 'contact.nme' }],
    ['Hi {{}}', { kind: 'unknown', token: '{{}}', name: '' }],
    ['Hi {{?}}', { kind: 'emptyPrompt', token: '{{?}}' }],
    ['Hi {{contact.name', { kind: 'unclosed', token: '{{contact.name' }],
    ['Hi {{{contact.name}}', { kind: 'unclosed', token: '{{{contact.name}}' }],
    ['{{a {{contact.name}}', { kind: 'unclosed', token: '{{a {{contact.name}}' }],
  ])('%j is a problem', (text, problem) => {
    expect(parseTemplate(text).problems).toEqual([problem])
  })

  it('refuses a prompted field label longer than the limit', () => {
    expect(parseTemplate(`{{?${'x'.repeat(PROMPT_LABEL_MAX + 1)}}}`).problems[0]?.kind).toBe('longPrompt')
    expect(parseTemplate(`{{?${'x'.repeat(PROMPT_LABEL_MAX)}}}`).problems).toEqual([])
  })

  it('leaves single braces and text without fields alone', () => {
    const parsed = parseTemplate('a { b } c }} d')
    expect(parsed.problems).toEqual([])
    expect(fillTemplate(parsed, {}, {})).toEqual({ ok: true, text: 'a { b } c }} d' })
  })

  it('reports every unknown variable (property)', () => {
    const unknownName = fc
      .stringMatching(/^[a-zA-Z.]{1,20}$/)
      .filter((name) => !(TEMPLATE_VARIABLES as readonly string[]).includes(name))
    fc.assert(
      fc.property(fc.array(unknownName, { minLength: 1, maxLength: 5 }), fc.string(), (names, filler) => {
        const clean = filler.replace(/[{}]/g, '')
        const parsed = parseTemplate(names.map((name) => `${clean}{{${name}}}`).join(''))
        expect(parsed.problems.map((p) => (p.kind === 'unknown' ? p.name : p.kind))).toEqual(names)
        expect(fillTemplate(parsed, everythingKnown, {}).ok).toBe(false)
      }),
    )
  })
})

describe('fillTemplate', () => {
  it('fills known variables and prompted fields', () => {
    const parsed = parseTemplate('Hi {{contact.firstName}}, {{agent.name}} here. Order {{?Order number}}.')
    expect(fillTemplate(parsed, everythingKnown, { 'Order number': ' A-10482 ' })).toEqual({
      ok: true,
      text: 'Hi Sofía, Maya here. Order A-10482.',
    })
  })

  it('says what is missing: an unknown agent, a blank prompted field', () => {
    const parsed = parseTemplate('{{agent.name}}: {{?Order number}} {{?Date}}')
    expect(fillTemplate(parsed, { 'agent.name': null }, { 'Order number': '  ', Date: 'today' })).toEqual({
      ok: false,
      problems: [],
      missingVariables: ['agent.name'],
      missingPrompts: ['Order number'],
    })
  })

  it('never leaves a {{ in a filled reply, whatever the values (property)', () => {
    const piece = fc.oneof(
      fc.string(),
      fc.constantFrom(...TEMPLATE_VARIABLES.map((name) => `{{${name}}}`)),
      fc.constantFrom('{{?Order number}}', '{{ ?Date }}', '{', '}', '}}'),
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.string(), fc.string(), (pieces, value, prompt) => {
        const parsed = parseTemplate(pieces.join(''))
        const known = Object.fromEntries(TEMPLATE_VARIABLES.map((name) => [name, `x${value}`]))
        const prompted = Object.fromEntries(parsed.prompts.map((label) => [label, `y${prompt}`]))
        const filled = fillTemplate(parsed, known, prompted)
        if (parsed.problems.length > 0) {
          expect(filled.ok).toBe(false)
          return
        }
        expect(filled.ok).toBe(true)
        if (!filled.ok) return
        expect(filled.text).not.toContain('{{')
        expect(hasUnfilledField(filled.text)).toBe(false)
      }),
    )
  })
})

describe('helpers', () => {
  it('cleanValue trims and drops braces', () => {
    expect(cleanValue(' {{agent.name}} ')).toBe('agent.name')
    expect(cleanValue(null)).toBe('')
  })

  it('firstNameOf takes the first word', () => {
    expect(firstNameOf('  Sofía Hernández ')).toBe('Sofía')
    expect(firstNameOf('')).toBe('')
  })

  it('hasUnfilledField finds a field-shaped token, not a lone brace pair', () => {
    expect(hasUnfilledField('Order {{?Order number}} is late')).toBe(true)
    expect(hasUnfilledField('Hi {{contact.name}}')).toBe(true)
    expect(firstUnfilledField('a {{x}} b {{y}}')).toBe('{{x}}')
    expect(hasUnfilledField('a { b } {{ c')).toBe(false)
    expect(firstUnfilledField('nothing')).toBeNull()
  })
})

describe('previewTemplate', () => {
  it('shows filled values and names what is still missing', () => {
    const parsed = parseTemplate('Hi {{contact.firstName}}, {{agent.name}}: {{?Order number}}')
    expect(previewTemplate(parsed, { 'contact.firstName': 'Sofía' }, { 'Order number': '' })).toEqual([
      { text: 'Hi ' },
      { text: 'Sofía' },
      { text: ', ' },
      { text: 'agent.name', missing: true },
      { text: ': ' },
      { text: 'Order number', missing: true },
    ])
  })
})
