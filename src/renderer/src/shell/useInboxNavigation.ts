/**
 * Where the agent is in the inbox: the view, filters and search, the open conversation and the keyboard
 * cursor (the active row), and the moves between them; a notification click opens its conversation.
 */
import { useCallback, useDeferredValue, useEffect, useRef, useState } from 'react'
import type { Conversation } from '../../../shared/api/schemas'
import { isInView, type InboxView } from '../../../shared/domain/views'
import { takePendingOpen, usePendingOpen } from '../bridge/pendingOpen'
import { type ListFilters, noFilters } from '../list/ListToolbar'
import { type UnreadAtOpen } from '../thread/unread'
import { useInboxList } from './useInboxList'

function unreadOf(all: readonly Conversation[] | undefined, chatId: string): UnreadAtOpen {
  const conversation = all?.find((c) => c.id === chatId)
  return { chatId, unreadCount: conversation?.unreadCount ?? 0, newestId: conversation?.lastMessage?.id ?? null }
}

export function useInboxNavigation({
  meUserId,
  markRead,
  onViewChanged,
  lastOpenConversation,
}: {
  meUserId: string | null
  markRead: (chatId: string) => void
  onViewChanged: () => void
  /** The conversation open when the app last ran (main keeps it per account): opened again at start. */
  lastOpenConversation: string | null
}) {
  const [view, setView] = useState<InboxView>(meUserId ? 'mine' : 'all')
  const [filters, setFilters] = useState<ListFilters>(noFilters)
  const [search, setSearch] = useState('')
  const deferredSearch = useDeferredValue(search)
  const { openId, setOpenId, activeId, setActiveId } = useOpenSelection(lastOpenConversation)
  const [assignOpened, setAssignOpened] = useState(false)
  const inbox = useInboxList({ view, filters, search: deferredSearch, openId, meUserId })
  const { all, visible } = inbox

  // What was unread when it opened (opening marks it read at once): where the "New messages" divider goes.
  const [unreadAtOpen, setUnreadAtOpen] = useState<UnreadAtOpen | null>(null)
  const openChat = useCallback(
    (chatId: string) => {
      setUnreadAtOpen(unreadOf(all.data, chatId))
      setOpenId(chatId)
      setActiveId(chatId)
      setAssignOpened(false)
      markRead(chatId)
    },
    [markRead, all.data, setOpenId, setActiveId],
  )
  const { open, openAtMessage, focusMessage } = useFocusMessage(openChat)
  const move = useCallback(
    (delta: number) => {
      if (visible.length === 0) return
      const index = visible.findIndex((c) => c.id === activeId)
      const next = index < 0 ? 0 : Math.min(visible.length - 1, Math.max(0, index + delta))
      setActiveId(visible[next]!.id)
    },
    [visible, activeId, setActiveId],
  )
  const openActive = useCallback(() => void (activeId && open(activeId)), [activeId, open])
  const changeView = useCallback(
    (next: InboxView) => {
      setView(next)
      setActiveId(null)
      onViewChanged()
    },
    [onViewChanged, setActiveId],
  )
  /** Opens a conversation picked outside the list (the palette), switching to a view that shows it. */
  const openAnywhere = useCallback(
    (chatId: string) => {
      const target = all.data?.find((c) => c.id === chatId)
      if (target && !isInView(target, view, meUserId)) changeView(target.archived ? 'archive' : 'all')
      open(chatId)
    },
    [all.data, view, meUserId, changeView, open],
  )

  useNotificationOpenRequests({ all: all.data, view, meUserId, setView, setSearch, open })

  return {
    ...inbox,
    view,
    filters,
    setFilters,
    search,
    setSearch,
    deferredSearch,
    openId,
    unreadAtOpen,
    activeId,
    assignOpened,
    setAssignOpened,
    open,
    openAtMessage,
    focusMessage: focusMessage?.chatId === openId ? focusMessage : null,
    move,
    openActive,
    changeView,
    openAnywhere,
  }
}

export type InboxNavigation = ReturnType<typeof useInboxNavigation>

/**
 * The open and the active (keyboard cursor) conversation, starting on the one open when the app last ran. That
 * one can be known only after the inbox has mounted (a saved account shows the inbox while
 * main still opens its database): it is opened then, once, unless the agent has opened one meanwhile.
 */
function useOpenSelection(lastOpen: string | null) {
  const [openId, setOpenId] = useState<string | null>(lastOpen)
  const [activeId, setActiveId] = useState<string | null>(lastOpen)
  const settled = useRef(lastOpen !== null || openId !== null)
  useEffect(() => {
    if (settled.current) return
    if (openId !== null) settled.current = true
    else if (lastOpen !== null) {
      settled.current = true
      // eslint-disable-next-line react-hooks/set-state-in-effect -- main names it after mount (see above)
      setOpenId(lastOpen)
      setActiveId(lastOpen)
    }
  }, [lastOpen, openId])
  return { openId, setOpenId, activeId, setActiveId }
}

/** The message a search result asked the open thread to show; `nonce` tells a second pick of the same one. */
export interface FocusMessage {
  chatId: string
  messageId: number
  nonce: number
}

/** A search result opens its thread at that message, highlighted (again, if chosen again). Opening a
 * conversation any other way drops it (`focusMessage` is only for the conversation it names, and the next
 * pick replaces it). */
function useFocusMessage(openChat: (chatId: string) => void) {
  const [focusMessage, setFocusMessage] = useState<FocusMessage | null>(null)
  const count = useRef(0)
  const openAtMessage = useCallback(
    (chatId: string, messageId: number) => {
      openChat(chatId)
      count.current += 1
      setFocusMessage({ chatId, messageId, nonce: count.current })
    },
    [openChat],
  )
  const open = useCallback(
    (chatId: string) => {
      setFocusMessage(null)
      openChat(chatId)
    },
    [openChat],
  )
  return { open, focusMessage, openAtMessage }
}

/** A notification click (queued if it came while loading) opens its conversation, in a view that shows it. */
function useNotificationOpenRequests({
  all,
  view,
  meUserId,
  setView,
  setSearch,
  open,
}: {
  all: readonly Conversation[] | undefined
  view: InboxView
  meUserId: string | null
  setView: (view: InboxView) => void
  setSearch: (search: string) => void
  open: (chatId: string) => void
}): void {
  const pendingOpen = usePendingOpen()
  useEffect(() => {
    if (!pendingOpen || !all) return
    const target = all.find((c) => c.id === pendingOpen)
    if (!target) return
    takePendingOpen()
    if (!isInView(target, view, meUserId)) setView(target.archived ? 'archive' : 'all')
    setSearch('')
    open(target.id)
  }, [pendingOpen, all, view, meUserId, setView, setSearch, open])
}
