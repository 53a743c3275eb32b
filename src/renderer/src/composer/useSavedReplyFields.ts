/**
 * Inserting a saved reply: known variables are filled at once; if the reply has prompted fields (or a variable
 * the app has no value for), the `/shortcut` goes and the fields panel asks for each in order. Only a fully
 * filled reply reaches the box. `blocker()` tells the send path why it must wait.
 */
import { type RefObject, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Conversation } from '../../../shared/api/schemas'
import type { CannedReply } from '../../../shared/ipc/contract'
import {
  cleanValue,
  fillTemplate,
  firstUnfilledField,
  parseTemplate,
  type KnownValues,
  type ParsedTemplate,
} from '../../../shared/domain/reply-template'
import { useUsers } from '../bridge/queries'
import { replaceRange } from './canned'
import { knownValues, fieldsToAsk, valuesFromFields, type TemplateField } from './templateFields'
import { useTemplateProblemMessage } from './templateMessages'

export interface PendingSavedReply {
  shortcut: string
  parsed: ParsedTemplate
  fields: TemplateField[]
  /** Where the filled reply goes in the box. */
  at: number
  typed: Record<string, string>
  /** Fields the agent tried to leave empty (shown as errors). */
  flagged: string[]
}

export function fieldInputId(chatId: string, key: string): string {
  return `saved-reply-field-${chatId}-${key.replace(/[^\w-]/g, '_')}`
}

function focusById(id: string) {
  requestAnimationFrame(() => document.getElementById(id)?.focus())
}

function focusCaret(textareaRef: RefObject<HTMLTextAreaElement | null>, caret: number) {
  requestAnimationFrame(() => {
    textareaRef.current?.focus()
    textareaRef.current?.setSelectionRange(caret, caret)
  })
}

function useKnownValues(conversation: Conversation, meUserId: string | null): KnownValues {
  const users = useUsers()
  const agent = meUserId ? (users.data?.find((user) => user.id === meUserId) ?? null) : null
  return knownValues(conversation, agent)
}

export type SavedReplyFieldsState = ReturnType<typeof useSavedReplyFields>

export function useSavedReplyFields({
  conversation,
  meUserId,
  text,
  change,
  textareaRef,
  setError,
}: {
  conversation: Conversation
  meUserId: string | null
  text: string
  change: (value: string, caret: number) => void
  textareaRef: RefObject<HTMLTextAreaElement | null>
  setError: (message: string | null) => void
}) {
  const { t } = useTranslation()
  const problemMessage = useTemplateProblemMessage()
  const known = useKnownValues(conversation, meUserId)
  const [pending, setPending] = useState<PendingSavedReply | null>(null)
  const focusField = (key: string) => focusById(fieldInputId(conversation.id, key))
  const focusBox = (caret: number) => focusCaret(textareaRef, caret)

  const placeInBox = (filled: string, start: number, end: number) => {
    const next = replaceRange(text, start, end, filled)
    change(next.text, next.caret)
    focusBox(next.caret)
  }

  /** The `/shortcut` from start to end is replaced by the reply (or opens the fields panel). */
  const insert = (reply: CannedReply, start: number, end: number) => {
    const parsed = parseTemplate(reply.text)
    const problem = parsed.problems[0]
    if (problem) {
      setError(t('template.brokenReply', { shortcut: reply.shortcut, problem: problemMessage(problem) }))
      return
    }
    const fields = fieldsToAsk(parsed, known)
    if (fields.length === 0) {
      const filled = fillTemplate(parsed, known, {})
      if (filled.ok) placeInBox(filled.text, start, end)
      return
    }
    change(text.slice(0, start) + text.slice(end), start)
    setPending({ shortcut: reply.shortcut, parsed, fields, at: start, typed: {}, flagged: [] })
    focusField(fields[0]!.key)
  }

  const type = (key: string, value: string) =>
    setPending((p) =>
      p ? { ...p, typed: { ...p.typed, [key]: value }, flagged: p.flagged.filter((k) => k !== key) } : p,
    )

  /** Marks the fields still empty and goes to the first; true when there was one. */
  const flagEmpty = (p: PendingSavedReply): boolean => {
    const empty = p.fields.filter((f) => !cleanValue(p.typed[f.key]))
    setPending({ ...p, flagged: empty.map((f) => f.key) })
    if (empty[0]) focusField(empty[0].key)
    return empty.length > 0
  }

  /** Insert the filled reply, or flag the empty fields. */
  const confirm = () => {
    if (!pending) return
    const values = valuesFromFields(pending.fields, pending.typed, known)
    const filled = fillTemplate(pending.parsed, values.known, values.prompted)
    if (!filled.ok) {
      flagEmpty(pending)
      return
    }
    setPending(null)
    const at = Math.min(pending.at, text.length)
    placeInBox(filled.text, at, at)
  }

  const cancel = () => {
    setPending(null)
    focusBox(Math.min(pending?.at ?? text.length, text.length))
  }

  /** Why the reply cannot be sent yet (null: it can). */
  const blocker = (): string | null => {
    if (pending) {
      flagEmpty(pending)
      return t('template.fillFirst', { shortcut: pending.shortcut })
    }
    const field = firstUnfilledField(text)
    return field ? t('template.unfilled', { field }) : null
  }

  return { pending, known, agentMissing: meUserId === null, insert, type, confirm, cancel, blocker }
}
