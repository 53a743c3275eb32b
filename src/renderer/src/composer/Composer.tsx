/**
 * The reply box. Enter sends, Shift+Enter starts a new line; `/shortcut`
 * offers canned replies, whose fields ({{contact.name}}, {{?Order number}}) are filled before they reach the
 * box (`useSavedReplyFields`); the draft is saved per conversation (debounced,
 * `useComposerDraft`). Before sending it guards two mistakes (`useSendReply`):
 * a closed WhatsApp window (the reply will fail) and messages that arrived
 * while the agent was typing (`useStaleSendGuard`).
 */
import { useTranslation } from 'react-i18next'
import {
  type ForwardedRef,
  forwardRef,
  type KeyboardEvent,
  useCallback,
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
} from 'react'
import { Button, Group, Stack, Text, Textarea } from '@mantine/core'
import { IconSend } from '@tabler/icons-react'
import type { Conversation, Message } from '../../../shared/api/schemas'
import { REPLY_MAX_LENGTH } from '../../../shared/api/schemas'
import { replyLength } from '../../../shared/domain/reply-length'
import type { CannedReply } from '../../../shared/ipc/contract'
import type { ReplyWindow } from '../../../shared/domain/views'
import { CannedRepliesMenu, cannedOptionId } from './CannedRepliesMenu'
import { ConfirmSendModal, type SendConfirmation } from './ConfirmSendModal'
import { ReplyWindowAlert } from './ReplyWindowAlert'
import { SavedReplyFields } from './SavedReplyFields'
import { useCannedMenu } from './useCannedMenu'
import { useComposerDraft } from './useComposerDraft'
import { useSavedReplyFields } from './useSavedReplyFields'
import { useSendReply } from './useSendReply'
import { useStaleSendGuard } from './useStaleSendGuard'

export interface ComposerHandle {
  focus: () => void
}

interface ComposerProps {
  conversation: Conversation
  messages: readonly Message[]
  cannedReplies: readonly CannedReply[]
  window: ReplyWindow
  /** "Who am I": fills {{agent.name}} in saved replies. */
  meUserId: string | null
}

export const Composer = forwardRef<ComposerHandle, ComposerProps>(function Composer(
  { conversation, messages, cannedReplies, window: replyWindow, meUserId },
  ref,
) {
  const { t } = useTranslation()
  const chatId = conversation.id
  const [caret, setCaret] = useState(0)
  const [sendError, setSendError] = useState<string | null>(null)
  const [confirm, setConfirm] = useState<SendConfirmation | null>(null)
  const textareaRef = useReplyBox(ref)
  const onGivenBack = useCallback((next: string) => (setCaret(next.length), setSendError(null)), [])
  const { text, edit, saveDraft } = useComposerDraft(chatId, { onSaveError: setSendError, onGivenBack })
  const guard = useStaleSendGuard(messages, text)
  const change = (value: string, nextCaret: number) => {
    edit(value)
    setCaret(nextCaret)
    canned.resetHighlight()
    setSendError(null)
  }
  const fields = useSavedReplyFields({ conversation, meUserId, text, change, textareaRef, setError: setSendError })
  const canned = useCannedMenu({ text, caret, setCaret, cannedReplies, insert: fields.insert })
  const { send, sendAnyway } = useSendReply({
    chatId,
    replyWindow,
    text,
    blocker: fields.blocker,
    freshMessages: guard.freshMessages,
    markAllSeen: guard.markAllSeen,
    setConfirm,
    setSendError,
    replaceText: (value) => change(value, value.length),
    saveDraft,
  })
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (canned.onMenuKey(event)) return
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault()
      void send({ window: true, stale: true })
    }
  }

  return (
    <Stack gap={6} p="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)', position: 'relative' }}>
      <ReplyWindowAlert replyWindow={replyWindow} />
      {canned.showing && (
        <CannedRepliesMenu chatId={chatId} matches={canned.matches} highlight={canned.highlight} onPick={canned.pick} />
      )}
      {fields.pending && <SavedReplyFields chatId={chatId} pending={fields.pending} state={fields} />}
      <Textarea
        ref={textareaRef}
        aria-label={t('composer.reply')}
        placeholder={t('composer.placeholder')}
        autosize
        minRows={2}
        maxRows={10}
        value={text}
        error={sendError}
        aria-activedescendant={canned.showing ? cannedOptionId(chatId, canned.highlight) : undefined}
        onChange={(event) => change(event.currentTarget.value, event.currentTarget.selectionStart)}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
      />
      <ComposerFooter
        length={text.length > REPLY_MAX_LENGTH * 0.9 ? replyLength(text) : text.length}
        canSend={Boolean(text.trim()) || fields.pending !== null}
        onSend={() => void send({ window: true, stale: true })}
      />
      <ConfirmSendModal
        confirm={confirm}
        onBack={() => setConfirm(null)}
        onEdit={() => (guard.markAllSeen(), setConfirm(null), textareaRef.current?.focus())}
        onSendAnyway={(reason) => void sendAnyway(reason)}
      />
    </Stack>
  )
})

/** The textarea's ref, focusable from the thread (the `r` key). */
function useReplyBox(ref: ForwardedRef<ComposerHandle>) {
  const textareaRef = useRef<HTMLTextAreaElement>(null)
  useImperativeHandle(ref, () => ({ focus: () => textareaRef.current?.focus() }), [])
  // The reply reads in its own direction (Arabic typed into an English UI, and the reverse): dir="auto" on the
  // textarea itself. Not as a prop: Mantine puts `dir` on the input's wrapper, where there is no text to decide.
  useEffect(() => textareaRef.current?.setAttribute('dir', 'auto'), [])
  return textareaRef
}

/** Under the box: the length (in code points) once it nears the limit, and Send. */
function ComposerFooter({ length, canSend, onSend }: { length: number; canSend: boolean; onSend: () => void }) {
  const { t } = useTranslation()
  return (
    <Group justify="space-between">
      <Text size="xs" c="dimmed">
        {length > REPLY_MAX_LENGTH * 0.9 ? `${length} / ${REPLY_MAX_LENGTH}` : ' '}
      </Text>
      <Button size="xs" rightSection={<IconSend size={14} aria-hidden />} disabled={!canSend} onClick={onSend}>
        {t('composer.send')}
      </Button>
    </Group>
  )
}
