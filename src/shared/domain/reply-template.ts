/**
 * Saved replies with variables: `{{contact.name}}`, `{{contact.firstName}}`, `{{agent.name}}`, `{{channel}}`
 * are filled from what the app knows; `{{?Order number}}` is a prompted field the agent types when the reply
 * is inserted. Anything else between `{{` and `}}` is a problem the editor shows, never text a customer gets.
 *
 * Pure: the renderer (editor, composer) and main (the send path's last check) share it.
 */

export const TEMPLATE_VARIABLES = ['contact.name', 'contact.firstName', 'agent.name', 'channel'] as const
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number]

/** The longest label a prompted field may have (it is shown as an input's label). */
export const PROMPT_LABEL_MAX = 60

export type TemplatePart =
  { kind: 'text'; text: string } | { kind: 'variable'; name: TemplateVariable } | { kind: 'prompt'; label: string }

export type TemplateProblem =
  /** `{{something}}` that is neither a known variable nor a `{{?prompt}}`. */
  | { kind: 'unknown'; token: string; name: string }
  /** `{{?}}`: a prompted field without a label. */
  | { kind: 'emptyPrompt'; token: string }
  /** A label longer than PROMPT_LABEL_MAX. */
  | { kind: 'longPrompt'; token: string }
  /** A `{{` with no `}}` after it, or another brace inside. */
  | { kind: 'unclosed'; token: string }

export interface ParsedTemplate {
  parts: TemplatePart[]
  problems: TemplateProblem[]
  /** The prompted fields' labels, each once, in the order they first appear. */
  prompts: string[]
  /** The known variables used, each once, in order. */
  variables: TemplateVariable[]
}

const isVariable = (name: string): name is TemplateVariable => (TEMPLATE_VARIABLES as readonly string[]).includes(name)

/** Reads one `{{…}}` token (inner text without the braces) into a part or a problem. */
function readToken(inner: string, token: string): TemplatePart | TemplateProblem {
  const name = inner.trim()
  if (name.startsWith('?')) {
    const label = name.slice(1).trim()
    if (!label) return { kind: 'emptyPrompt', token }
    if ([...label].length > PROMPT_LABEL_MAX) return { kind: 'longPrompt', token }
    return { kind: 'prompt', label }
  }
  if (isVariable(name)) return { kind: 'variable', name }
  return { kind: 'unknown', token, name }
}

export function parseTemplate(text: string): ParsedTemplate {
  const parts: TemplatePart[] = []
  const problems: TemplateProblem[] = []
  let at = 0
  while (at < text.length) {
    const open = text.indexOf('{{', at)
    if (open === -1) {
      parts.push({ kind: 'text', text: text.slice(at) })
      break
    }
    if (open > at) parts.push({ kind: 'text', text: text.slice(at, open) })
    const close = text.indexOf('}}', open + 2)
    const inner = close === -1 ? null : text.slice(open + 2, close)
    if (inner === null || /[{}]/.test(inner)) {
      // Unclosed, or `{{{x}}` / `{{a{{b}}`: one problem, then read on after this `{{`.
      const end = close === -1 ? text.length : close + 2
      problems.push({ kind: 'unclosed', token: text.slice(open, Math.min(end, open + 40)) })
      parts.push({ kind: 'text', text: text.slice(open, end) })
      at = end
      continue
    }
    const read = readToken(inner, text.slice(open, close + 2))
    if (read.kind === 'text' || read.kind === 'variable' || read.kind === 'prompt') parts.push(read)
    else problems.push(read)
    at = close + 2
  }
  const prompts = unique(parts.flatMap((p) => (p.kind === 'prompt' ? [p.label] : [])))
  const variables = unique(parts.flatMap((p) => (p.kind === 'variable' ? [p.name] : [])))
  return { parts, problems, prompts, variables }
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)]
}

/** What the app knows; null or blank: not known (the composer then asks for it). */
export type KnownValues = Partial<Record<TemplateVariable, string | null>>

/**
 * A value as it goes into a reply: trimmed, braces removed, so a filled reply can never carry a field (or
 * a `{{` made of a value next to the text around it).
 */
export function cleanValue(value: string | null | undefined): string {
  return (value ?? '').replace(/[{}]/g, '').trim()
}

export type FillResult =
  | { ok: true; text: string }
  | { ok: false; problems: TemplateProblem[]; missingVariables: TemplateVariable[]; missingPrompts: string[] }

/** Fills every field, or says which are missing (a value that is blank after cleaning counts as missing). */
export function fillTemplate(
  parsed: ParsedTemplate,
  known: KnownValues,
  prompted: Readonly<Record<string, string>>,
): FillResult {
  const missingVariables = parsed.variables.filter((name) => !cleanValue(known[name]))
  const missingPrompts = parsed.prompts.filter((label) => !cleanValue(prompted[label]))
  if (parsed.problems.length > 0 || missingVariables.length > 0 || missingPrompts.length > 0) {
    return { ok: false, problems: parsed.problems, missingVariables, missingPrompts }
  }
  const text = parsed.parts
    .map((part) =>
      part.kind === 'text'
        ? part.text
        : part.kind === 'variable'
          ? cleanValue(known[part.name])
          : cleanValue(prompted[part.label]),
    )
    .join('')
  return { ok: true, text }
}

/** The first word of a name ("Sofía Hernández" → "Sofía"); blank for a blank name. */
export function firstNameOf(name: string | null | undefined): string {
  return (name ?? '').trim().split(/\s+/u)[0] ?? ''
}

/** A field still in the text: `{{` … `}}` with no brace between (what main refuses to send). */
const UNFILLED_FIELD = /\{\{[^{}]*\}\}/

export function hasUnfilledField(text: string): boolean {
  return UNFILLED_FIELD.test(text)
}

/** The first unfilled field in the text, for the message that says which. */
export function firstUnfilledField(text: string): string | null {
  return UNFILLED_FIELD.exec(text)?.[0] ?? null
}

/** One piece of a preview: text as it will be sent, or a field not filled yet (shown by its name). */
export type PreviewPiece = { text: string; missing?: false } | { text: string; missing: true }

/**
 * The reply as it would read with what is filled so far; a field without a value shows as its name (the
 * variable's, or the prompted field's label), marked missing, so the agent sees what is left.
 */
export function previewTemplate(
  parsed: ParsedTemplate,
  known: KnownValues,
  prompted: Readonly<Record<string, string>>,
): PreviewPiece[] {
  return parsed.parts.map((part): PreviewPiece => {
    if (part.kind === 'text') return { text: part.text }
    const value = cleanValue(part.kind === 'variable' ? known[part.name] : prompted[part.label])
    if (value) return { text: value }
    return { text: part.kind === 'variable' ? part.name : part.label, missing: true }
  })
}
