/**
 * The reply box. Enter sends, Shift+Enter starts a new line; `/shortcut`
 * offers canned replies; the draft is saved per conversation (debounced).
 * Before sending it guards two mistakes: a closed WhatsApp window (the reply
 * will fail) and messages that arrived while the agent was typing.
 */
import { forwardRef, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react'
import { Alert, Button, Group, Modal, Paper, Stack, Text, Textarea, UnstyledButton } from '@mantine/core'
import { IconAlertTriangle, IconSend } from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import dayjs from 'dayjs'
import type { Conversation, Message } from '../../../shared/api/schemas'
import { REPLY_MAX_LENGTH } from '../../../shared/api/schemas'
import { isReplyTooLong, replyLength } from '../../../shared/domain/reply-length'
import type { CannedReply, OutboxEntry } from '../../../shared/ipc/contract'
import { formatTimeLeft, type ReplyWindow } from '../../../shared/domain/views'
import { call, errorMessage } from '../bridge/client'
import { queryKeys, useDrafts } from '../bridge/queries'
import { insertCanned, matchCanned, slashTokenAt } from './canned'
import { onReplyGivenBack, withGivenBack } from './giveBack'

const DRAFT_SAVE_DELAY_MS = 400

export interface ComposerHandle {
  focus: () => void
}

interface ComposerProps {
  conversation: Conversation
  messages: readonly Message[]
  cannedReplies: readonly CannedReply[]
  window: ReplyWindow
}

export const Composer = forwardRef<ComposerHandle, ComposerProps>(function Composer(
  { conversation, messages, cannedReplies, window: replyWindow },
  ref,
) {
  const chatId = conversation.id
  const queryClient = useQueryClient()
  const drafts = useDrafts()
  const [text, setText] = useState(() => drafts.data?.[chatId] ?? '')
  const [caret, setCaret] = useState(0)
  const [highlight, setHighlight] = useState(0)
  const [sendError, setSendError] = useState<string | null>(null)
  const [confirm, setConfirm] = useState<null | { reason: 'window' } | { reason: 'stale'; fresh: Message[] }>(null)
  const textareaRef = useRef<HTMLTextAreaElement>(null)
  useImperativeHandle(ref, () => ({ focus: () => textareaRef.current?.focus() }), [])

  // Drafts load once; if they arrive after mount, take this conversation's.
  const draftsLoaded = drafts.isSuccess
  const initialised = useRef(drafts.isSuccess)
  useEffect(() => {
    if (!initialised.current && draftsLoaded) {
      initialised.current = true
      const saved = queryClient.getQueryData<Record<string, string>>(queryKeys.drafts)?.[chatId]
      if (saved) setText(saved)
    }
  }, [draftsLoaded, chatId, queryClient])

  // Save the draft a moment after typing stops (and at once when leaving).
  const pendingDraft = useRef<string | null>(null)
  const saveDraft = useCallback(
    (value: string) => {
      pendingDraft.current = null
      queryClient.setQueryData<Record<string, string>>(queryKeys.drafts, (all) => {
        const next = { ...all }
        if (value.trim()) next[chatId] = value
        else delete next[chatId]
        return next
      })
      call('setDraft', { chatId, text: value }).catch((error: unknown) =>
        setSendError(`The draft was not saved: ${errorMessage(error)}`),
      )
    },
    [chatId, queryClient],
  )
  useEffect(() => {
    if (pendingDraft.current === null) return
    const timer = setTimeout(() => saveDraft(text), DRAFT_SAVE_DELAY_MS)
    return () => clearTimeout(timer)
  }, [text, saveDraft])
  useEffect(
    () => () => {
      if (pendingDraft.current !== null) saveDraft(pendingDraft.current)
    },
    [saveDraft],
  )

  // A discarded failed reply comes back here (see giveBack.ts), after whatever is being typed.
  const latestText = useRef(text)
  latestText.current = text
  useEffect(
    () =>
      onReplyGivenBack((forChatId, given) => {
        if (forChatId !== chatId) return false
        const next = withGivenBack(latestText.current, given)
        setText(next)
        setCaret(next.length)
        setSendError(null)
        saveDraft(next)
        return true
      }),
    [chatId, saveDraft],
  )

  // The stale-send guard: inbound messages the agent has seen are those that
  // were there when they started typing this reply.
  const newestInboundId = useMemo(() => {
    for (let i = messages.length - 1; i >= 0; i -= 1) if (messages[i]!.direction === 'inbound') return messages[i]!.id
    return 0
  }, [messages])
  const seenInboundId = useRef(newestInboundId)
  useEffect(() => {
    if (!text.trim()) seenInboundId.current = newestInboundId
  }, [text, newestInboundId])

  const token = slashTokenAt(text, caret)
  const matches = token ? matchCanned(cannedReplies, token.query) : []
  const showCanned = token !== null && matches.length > 0

  const change = (value: string, nextCaret: number) => {
    setText(value)
    setCaret(nextCaret)
    setHighlight(0)
    setSendError(null)
    pendingDraft.current = value
  }

  const pick = (reply: CannedReply) => {
    if (!token) return
    const next = insertCanned(text, token.start, caret, reply)
    change(next.text, next.caret)
    requestAnimationFrame(() => {
      textareaRef.current?.focus()
      textareaRef.current?.setSelectionRange(next.caret, next.caret)
    })
  }

  const send = async (checks: { window: boolean; stale: boolean }) => {
    const reply = text.trim()
    if (!reply) return
    if (isReplyTooLong(reply)) {
      setSendError(`The reply is too long: ${replyLength(reply)} characters, at most ${REPLY_MAX_LENGTH}.`)
      return
    }
    if (checks.window && replyWindow.state === 'closed') {
      setConfirm({ reason: 'window' })
      return
    }
    if (checks.stale) {
      const fresh = messages.filter((m) => m.direction === 'inbound' && m.id > seenInboundId.current)
      if (fresh.length > 0) {
        setConfirm({ reason: 'stale', fresh })
        return
      }
    }
    setConfirm(null)
    const clientId = crypto.randomUUID()
    const optimistic: OutboxEntry = {
      clientId,
      chatId,
      text: reply,
      state: 'pending',
      createdAt: new Date().toISOString(),
      attempts: 0,
      messageId: null,
      baselineMessageId: null,
      error: null,
    }
    // The bubble appears at once; main's outboxChanged replaces the list.
    queryClient.setQueryData<OutboxEntry[]>(queryKeys.outbox, (entries) => [...(entries ?? []), optimistic])
    change('', 0)
    saveDraft('')
    try {
      await call('sendReply', { chatId, clientId, text: reply })
    } catch (error) {
      queryClient.setQueryData<OutboxEntry[]>(queryKeys.outbox, (entries) =>
        (entries ?? []).filter((e) => e.clientId !== clientId),
      )
      // Lose nothing: the text comes back into the box.
      change(reply, reply.length)
      setSendError(`The reply was not queued: ${errorMessage(error)}`)
    }
  }

  return (
    <Stack gap={6} p="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)', position: 'relative' }}>
      {replyWindow.state === 'closing' && (
        <Alert color="orange" py={6} icon={<IconAlertTriangle size={18} aria-hidden />}>
          <Text size="sm">
            The WhatsApp reply window closes in {formatTimeLeft(replyWindow.msLeft)}. After that, replies will fail
            until the customer writes again.
          </Text>
        </Alert>
      )}
      {replyWindow.state === 'closed' && (
        <Alert color="red" py={6} icon={<IconAlertTriangle size={18} aria-hidden />}>
          <Text size="sm">
            {replyWindow.closedAt
              ? `The WhatsApp reply window closed ${dayjs(replyWindow.closedAt).fromNow()}.`
              : 'The customer has not written on WhatsApp yet, so no reply window is open.'}{' '}
            A free-form reply will be refused until the customer writes again.
          </Text>
        </Alert>
      )}
      {showCanned && (
        <Paper
          withBorder
          shadow="md"
          p={4}
          role="listbox"
          id={`canned-${chatId}`}
          aria-label="Canned replies"
          style={{ position: 'absolute', bottom: '100%', left: 12, right: 12, zIndex: 5 }}
        >
          {matches.map((reply, index) => (
            <UnstyledButton
              key={reply.shortcut}
              id={`canned-${chatId}-${index}`}
              role="option"
              aria-selected={index === highlight}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(reply)}
              w="100%"
              p={6}
              style={{
                borderRadius: 6,
                background: index === highlight ? 'var(--mantine-primary-color-light)' : undefined,
              }}
            >
              <Text size="sm" fw={600} span>
                /{reply.shortcut}
              </Text>{' '}
              <Text size="sm" c="dimmed" span lineClamp={1}>
                {reply.text}
              </Text>
            </UnstyledButton>
          ))}
        </Paper>
      )}
      <Textarea
        ref={textareaRef}
        aria-label="Reply"
        placeholder="Write a reply. Enter sends, Shift+Enter adds a line, / inserts a canned reply"
        autosize
        minRows={2}
        maxRows={10}
        value={text}
        error={sendError}
        dir="auto"
        aria-activedescendant={showCanned ? `canned-${chatId}-${highlight}` : undefined}
        onChange={(event) => change(event.currentTarget.value, event.currentTarget.selectionStart)}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
        onKeyDown={(event) => {
          if (showCanned) {
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault()
              const delta = event.key === 'ArrowDown' ? 1 : -1
              setHighlight((h) => (h + delta + matches.length) % matches.length)
              return
            }
            if (event.key === 'Enter' || event.key === 'Tab') {
              event.preventDefault()
              pick(matches[Math.min(highlight, matches.length - 1)]!)
              return
            }
            if (event.key === 'Escape') {
              event.preventDefault()
              setCaret(-1)
              return
            }
          }
          if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault()
            void send({ window: true, stale: true })
          }
        }}
      />
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {text.length > REPLY_MAX_LENGTH * 0.9 && replyLength(text) > REPLY_MAX_LENGTH * 0.9
            ? `${replyLength(text)} / ${REPLY_MAX_LENGTH}`
            : ' '}
        </Text>
        <Button
          size="xs"
          rightSection={<IconSend size={14} aria-hidden />}
          disabled={!text.trim()}
          onClick={() => void send({ window: true, stale: true })}
        >
          Send
        </Button>
      </Group>
      <Modal
        opened={confirm !== null}
        onClose={() => setConfirm(null)}
        title={
          confirm?.reason === 'stale' ? 'New messages arrived while you were typing' : 'This reply will probably fail'
        }
        centered
        closeButtonProps={{ 'aria-label': 'Back to the reply' }}
      >
        {confirm?.reason === 'stale' ? (
          <Stack>
            <Text size="sm">Read them before sending your reply:</Text>
            <Stack gap={6}>
              {confirm.fresh.slice(-5).map((message) => (
                <Paper key={message.id} withBorder p="xs">
                  <Text size="xs" c="dimmed">
                    {dayjs(message.date).format('HH:mm')}
                  </Text>
                  <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                    {message.content.text}
                  </Text>
                </Paper>
              ))}
            </Stack>
            <Group justify="flex-end">
              <Button
                variant="default"
                onClick={() => {
                  seenInboundId.current = newestInboundId
                  setConfirm(null)
                  textareaRef.current?.focus()
                }}
              >
                Edit my reply
              </Button>
              <Button
                onClick={() => {
                  seenInboundId.current = newestInboundId
                  void send({ window: true, stale: false })
                }}
              >
                Send anyway
              </Button>
            </Group>
          </Stack>
        ) : (
          <Stack>
            <Text size="sm">
              WhatsApp accepts free-form replies only within 24 hours of the customer’s last message, and that window is
              closed. The provider will most likely refuse this reply. Send it anyway?
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirm(null)}>
                Cancel
              </Button>
              <Button color="red" onClick={() => void send({ window: false, stale: true })}>
                Send anyway
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  )
})
