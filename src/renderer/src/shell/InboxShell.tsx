/**
 * The app shell: header, views with live counts, the conversation list and
 * the open thread; keyboard shortcuts, command palette, settings.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react'
import {
  ActionIcon,
  AppShell,
  Badge,
  Burger,
  Button,
  Center,
  Group,
  NavLink,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { spotlight } from '@mantine/spotlight'
import {
  IconArchive,
  IconCommand,
  IconInbox,
  IconKeyboard,
  IconMailOpened,
  IconMessages,
  IconSettings,
  IconUser,
  IconUserQuestion,
} from '@tabler/icons-react'
import type { Channel } from '../../../shared/api/schemas'
import type { AppState } from '../../../shared/ipc/contract'
import {
  compareConversations,
  countViews,
  inboxViewLabels,
  inboxViews,
  isInView,
  matchesSearch,
  type InboxView,
  viewListArgs,
} from '../../../shared/domain/views'
import { call } from '../bridge/client'
import { takePendingOpen, usePendingOpen } from '../bridge/pendingOpen'
import { ALL_CONVERSATIONS_ARGS, ALL_CONVERSATIONS_ORDER, useConversations, useDrafts } from '../bridge/queries'
import type { ComposerHandle } from '../composer/Composer'
import { ConversationList } from '../list/ConversationList'
import { ListToolbar, type ListFilters, noFilters, sortOrderBy } from '../list/ListToolbar'
import { CheatSheet } from '../palette/CheatSheet'
import { CommandPalette } from '../palette/CommandPalette'
import { SettingsDrawer } from '../settings/SettingsDrawer'
import { Thread } from '../thread/Thread'
import { SyncBanner } from './SyncBanner'
import { useConversationActions } from './useConversationActions'

const viewIcons: Record<InboxView, typeof IconInbox> = {
  mine: IconUser,
  unassigned: IconUserQuestion,
  all: IconInbox,
  unread: IconMailOpened,
  archive: IconArchive,
}

/** Re-renders every `intervalMs` so relative times and reply windows stay true. */
function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return now
}

/** `YYYY-MM-DD` (a local day) → the ISO instant of its start. */
function dayStartIso(day: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!match) return undefined
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).toISOString()
}

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

export function InboxShell({
  appState,
  onChangeAccount,
}: {
  appState: AppState
  onChangeAccount: (prefillUrl: string) => void
}) {
  const { settings, account } = appState
  const meUserId = settings.meUserId
  const [view, setView] = useState<InboxView>(meUserId ? 'mine' : 'all')
  const [filters, setFilters] = useState<ListFilters>(noFilters)
  const [search, setSearch] = useState('')
  const deferredSearch = useDeferredValue(search)
  const [openId, setOpenId] = useState<string | null>(null)
  const [activeId, setActiveId] = useState<string | null>(null)
  const [navOpened, nav] = useDisclosure(false)
  const [settingsOpened, settingsDrawer] = useDisclosure(false)
  const [cheatOpened, cheatSheet] = useDisclosure(false)
  const [assignOpened, setAssignOpened] = useState(false)
  const composerRef = useRef<ComposerHandle>(null)
  const now = useNow(30_000)
  const actions = useConversationActions()
  const drafts = useDrafts()

  // Every conversation (archived included): the counts come from it, and so
  // does the list itself unless a channel or date filter is set; those go to
  // the API, which filters large lists better than we do.
  const all = useConversations(ALL_CONVERSATIONS_ARGS)
  const orderBy = sortOrderBy[filters.sort]
  const serverFiltered = filters.channelIds.length > 0 || Boolean(filters.dateFrom)
  const listArgs = {
    ...viewListArgs(view),
    channelIds: filters.channelIds,
    dateFrom: dayStartIso(filters.dateFrom),
    orderBy,
  }
  const filtered = useConversations(listArgs, serverFiltered)
  const list = serverFiltered ? filtered : all
  const ordered = useMemo(() => {
    const data = list.data ?? []
    // The all-list comes newest first already.
    if (serverFiltered || orderBy === ALL_CONVERSATIONS_ORDER) return data
    return [...data].sort(compareConversations(orderBy))
  }, [list.data, serverFiltered, orderBy])

  const counts = useMemo(() => countViews(all.data ?? [], meUserId), [all.data, meUserId])
  const channels = useMemo(() => {
    const byId = new Map<string, Channel>()
    for (const conversation of all.data ?? []) byId.set(conversation.channel.id, conversation.channel)
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name))
  }, [all.data])
  const visible = useMemo(
    () =>
      ordered.filter(
        // The open conversation stays put while it is read (Unread view) or reassigned, so it does not
        // vanish under the agent; archiving it does move it out.
        (c) =>
          ((c.id === openId && c.archived === (view === 'archive')) || isInView(c, view, meUserId)) &&
          matchesSearch(c, deferredSearch),
      ),
    [ordered, view, meUserId, deferredSearch, openId],
  )
  const openConversation = useMemo(
    () =>
      openId
        ? (visible.find((c) => c.id === openId) ??
          all.data?.find((c) => c.id === openId) ??
          list.data?.find((c) => c.id === openId) ??
          null)
        : null,
    [openId, visible, all.data, list.data],
  )

  const open = useCallback(
    (chatId: string) => {
      setOpenId(chatId)
      setActiveId(chatId)
      setAssignOpened(false)
      actions.markRead(chatId)
    },
    [actions],
  )

  // Tell main what the agent is looking at, so it stays quiet about it.
  useEffect(() => {
    call('setFocusedConversation', { chatId: openId }).catch((error: unknown) =>
      console.warn('setFocusedConversation failed', error),
    )
  }, [openId])
  useEffect(
    () => () => {
      call('setFocusedConversation', { chatId: null }).catch((error: unknown) =>
        console.warn('setFocusedConversation failed', error),
      )
    },
    [],
  )

  // A message arriving in the open conversation while the window has focus is read.
  const openUnread = openConversation?.unreadCount ?? 0
  useEffect(() => {
    if (!openId || openUnread === 0) return
    if (document.hasFocus()) {
      actions.markRead(openId, { automatic: true })
      return
    }
    // Arrived while the agent was elsewhere: read once they come back to the window.
    const onFocus = () => actions.markRead(openId, { automatic: true })
    window.addEventListener('focus', onFocus, { once: true })
    return () => window.removeEventListener('focus', onFocus)
  }, [openId, openUnread, actions])

  // A notification click (queued if it came while loading) opens its conversation.
  const pendingOpen = usePendingOpen()
  useEffect(() => {
    if (!pendingOpen || !all.data) return
    const target = all.data.find((c) => c.id === pendingOpen)
    if (!target) return
    takePendingOpen()
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the request comes from main (an external store) and waits for the list
    if (!isInView(target, view, meUserId)) setView(target.archived ? 'archive' : 'all')
    setSearch('')
    open(target.id)
  }, [pendingOpen, all.data, view, meUserId, open])

  const move = useCallback(
    (delta: number) => {
      if (visible.length === 0) return
      const index = visible.findIndex((c) => c.id === activeId)
      const next = index < 0 ? 0 : Math.min(visible.length - 1, Math.max(0, index + delta))
      setActiveId(visible[next]!.id)
    },
    [visible, activeId],
  )
  const openActive = useCallback(() => {
    if (activeId) open(activeId)
  }, [activeId, open])

  const toggleArchive = useCallback(() => {
    if (openConversation) void actions.setArchived(openConversation.id, !openConversation.archived)
  }, [openConversation, actions])

  const changeView = useCallback(
    (next: InboxView) => {
      setView(next)
      setActiveId(null)
      nav.close()
    },
    [nav],
  )

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return
      if (isTypingTarget(event.target)) {
        if (event.key === 'Escape') (event.target as HTMLElement).blur()
        return
      }
      if (event.target instanceof Element && event.target.closest('[role="dialog"]')) return
      const handled = (() => {
        switch (event.key) {
          case 'j':
          case 'J':
            move(1)
            return true
          case 'k':
          case 'K':
            move(-1)
            return true
          case 'Enter':
            if (event.target !== document.body) return false
            openActive()
            return true
          case 'e':
          case 'E':
            toggleArchive()
            return true
          case 'a':
          case 'A':
            if (openConversation) setAssignOpened(true)
            return true
          case 'r':
          case 'R':
            composerRef.current?.focus()
            return true
          case 'u':
          case 'U':
            if (openId) actions.markRead(openId)
            return true
          case '/':
            document.querySelector<HTMLInputElement>('[data-search-box]')?.focus()
            return true
          case '?':
            cheatSheet.open()
            return true
          default:
            return false
        }
      })()
      if (handled) event.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [move, openActive, toggleArchive, openConversation, openId, actions, cheatSheet])

  const paletteCommands = useMemo(
    () => [
      { id: 'settings', label: 'Open settings', run: settingsDrawer.open },
      { id: 'shortcuts', label: 'Show keyboard shortcuts', run: cheatSheet.open },
      ...(openConversation
        ? [
            {
              id: 'archive',
              label: openConversation.archived ? 'Unarchive this conversation' : 'Archive this conversation',
              run: toggleArchive,
            },
            { id: 'assign', label: 'Assign this conversation', run: () => setAssignOpened(true) },
            { id: 'reply', label: 'Reply', run: () => composerRef.current?.focus() },
          ]
        : []),
    ],
    [settingsDrawer.open, cheatSheet.open, openConversation, toggleArchive],
  )

  const emptyMessage = deferredSearch.trim()
    ? `No conversation matches “${deferredSearch.trim()}”.`
    : view === 'mine' && !meUserId
      ? 'Tell Inbox Desk who you are (Settings → Who am I) to see the conversations assigned to you.'
      : filters.channelIds.length > 0 || filters.dateFrom
        ? 'No conversation matches these filters.'
        : {
            mine: 'Nothing assigned to you. Enjoy the calm.',
            unassigned: 'Every conversation has someone on it.',
            all: 'No conversations yet.',
            unread: 'All caught up: nothing unread.',
            archive: 'The archive is empty.',
          }[view]

  return (
    <AppShell
      header={{ height: 52 }}
      navbar={{ width: { base: 200, lg: 220 }, breakpoint: 'md', collapsed: { mobile: !navOpened } }}
      padding={0}
    >
      <AppShell.Header>
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={navOpened} onClick={nav.toggle} hiddenFrom="md" size="sm" aria-label="Show views" />
            <IconMessages size={22} aria-hidden color="var(--mantine-primary-color-filled)" />
            <Title order={1} size="h4">
              Inbox Desk
            </Title>
            {account?.kind === 'demo' && (
              <Badge variant="filled" color="grape">
                Demo workspace
              </Badge>
            )}
          </Group>
          <Group gap={6} wrap="nowrap">
            <Tooltip label="Command palette (Ctrl+K)">
              <ActionIcon variant="subtle" size="lg" aria-label="Command palette" onClick={() => spotlight.open()}>
                <IconCommand size={20} aria-hidden />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Keyboard shortcuts (?)">
              <ActionIcon variant="subtle" size="lg" aria-label="Keyboard shortcuts" onClick={cheatSheet.open}>
                <IconKeyboard size={20} aria-hidden />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Settings">
              <ActionIcon variant="subtle" size="lg" aria-label="Settings" onClick={settingsDrawer.open}>
                <IconSettings size={20} aria-hidden />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" component="nav" aria-label="Views">
        <Stack gap={2}>
          {inboxViews.map((item) => {
            const Icon = viewIcons[item]
            return (
              <NavLink
                key={item}
                component="button"
                label={inboxViewLabels[item]}
                leftSection={<Icon size={18} aria-hidden />}
                rightSection={
                  all.data ? (
                    <Badge
                      size="sm"
                      variant={item === view ? 'filled' : 'default'}
                      aria-label={`${counts[item]} conversations`}
                    >
                      {counts[item]}
                    </Badge>
                  ) : null
                }
                active={item === view}
                aria-current={item === view ? 'page' : undefined}
                onClick={() => changeView(item)}
                data-view={item}
              />
            )
          })}
        </Stack>
      </AppShell.Navbar>

      <AppShell.Main h="100vh" style={{ display: 'flex', flexDirection: 'column' }}>
        <SyncBanner
          accountProblem={appState.accountProblem}
          onUpdateKey={() => onChangeAccount(account?.kind === 'remote' ? account.baseUrl : '')}
        />
        <div style={{ flex: 1, minHeight: 0, display: 'flex' }}>
          <section
            aria-label={`${inboxViewLabels[view]} conversations`}
            style={{
              width: 'clamp(260px, 34%, 420px)',
              flex: 'none',
              display: 'flex',
              flexDirection: 'column',
              borderRight: '1px solid var(--mantine-color-default-border)',
            }}
          >
            <ListToolbar
              search={search}
              onSearch={setSearch}
              filters={filters}
              onFilters={setFilters}
              channels={channels}
            />
            <div style={{ flex: 1, minHeight: 0 }}>
              <ConversationList
                conversations={visible}
                status={list.status}
                error={list.error}
                onRetry={() => void list.refetch()}
                activeId={activeId}
                openId={openId}
                drafts={drafts.data}
                now={now}
                emptyMessage={emptyMessage}
                onOpen={open}
                onMove={move}
                onOpenActive={openActive}
              />
            </div>
            {view === 'mine' && !meUserId && (
              <Button m="sm" variant="light" onClick={settingsDrawer.open}>
                Choose who I am
              </Button>
            )}
          </section>
          <div style={{ flex: 1, minWidth: 0 }}>
            {openConversation ? (
              <Thread
                ref={composerRef}
                conversation={openConversation}
                now={now}
                meUserId={meUserId}
                cannedReplies={settings.cannedReplies}
                assignOpened={assignOpened}
                onAssignOpenedChange={setAssignOpened}
                onAssign={(user) => void actions.assign(openConversation.id, user)}
                onUnassign={() => void actions.unassign(openConversation.id)}
                onArchive={(archived) => void actions.setArchived(openConversation.id, archived)}
              />
            ) : (
              <Center h="100%" p="lg">
                <Stack align="center" gap={4}>
                  <IconMessages size={44} aria-hidden color="var(--mantine-color-dimmed)" />
                  <Text c="dimmed" ta="center">
                    Pick a conversation to read and reply.
                  </Text>
                  <Text c="dimmed" size="sm" ta="center">
                    J and K move, Enter opens, ? lists every shortcut.
                  </Text>
                </Stack>
              </Center>
            )}
          </div>
        </div>
      </AppShell.Main>

      <SettingsDrawer
        opened={settingsOpened}
        onClose={settingsDrawer.close}
        appState={appState}
        onChangeAccount={(prefillUrl) => {
          settingsDrawer.close()
          onChangeAccount(prefillUrl)
        }}
        onAccountRemoved={settingsDrawer.close}
      />
      <CheatSheet opened={cheatOpened} onClose={cheatSheet.close} />
      <CommandPalette
        conversations={visible}
        onView={changeView}
        onOpenConversation={(chatId) => {
          const target = all.data?.find((c) => c.id === chatId)
          if (target && !isInView(target, view, meUserId)) changeView(target.archived ? 'archive' : 'all')
          open(chatId)
        }}
        commands={paletteCommands}
      />
    </AppShell>
  )
}
