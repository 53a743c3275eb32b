/**
 * The reply box's text as a per-conversation draft: taken from the saved drafts (also when they arrive after
 * mount), saved a moment after typing stops and at once when leaving, and a discarded failed reply
 * (see giveBack.ts) appended to it.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { call, errorMessage } from '../bridge/client'
import { queryKeys, useDrafts } from '../bridge/queries'
import { onReplyGivenBack, withGivenBack } from './giveBack'

const DRAFT_SAVE_DELAY_MS = 400

export function useComposerDraft(
  chatId: string,
  { onSaveError, onGivenBack }: { onSaveError: (message: string) => void; onGivenBack: (text: string) => void },
) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const drafts = useDrafts()
  const [text, setText] = useState(() => drafts.data?.[chatId] ?? '')

  // Drafts load once; if they arrive after mount, take this conversation's.
  const draftsLoaded = drafts.isSuccess
  const initialised = useRef(drafts.isSuccess)
  useEffect(() => {
    if (!initialised.current && draftsLoaded) {
      initialised.current = true
      const saved = queryClient.getQueryData<Record<string, string>>(queryKeys.drafts)?.[chatId]
      // eslint-disable-next-line react-hooks/set-state-in-effect -- the drafts come from main (the query cache) after mount
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
        onSaveError(t('composer.draftNotSaved', { error: errorMessage(error) })),
      )
    },
    [chatId, queryClient, onSaveError, t],
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

  // A discarded failed reply comes back here, after whatever is being typed.
  // (Given back from a click, after this render has committed, so the effect has run.)
  const latestText = useRef(text)
  useEffect(() => {
    latestText.current = text
  })
  useEffect(
    () =>
      onReplyGivenBack((forChatId, given) => {
        if (forChatId !== chatId) return false
        const next = withGivenBack(latestText.current, given)
        setText(next)
        onGivenBack(next)
        saveDraft(next)
        return true
      }),
    [chatId, saveDraft, onGivenBack],
  )

  /** The agent typed: the draft is saved after the pause. */
  const edit = useCallback((value: string) => {
    setText(value)
    pendingDraft.current = value
  }, [])
  return { text, edit, saveDraft }
}
