/**
 * Everything the shell holds: the drawers it opens, the clock, the agent's actions, where they are in the
 * inbox, and the commands reachable from the keyboard and the palette.
 */
import { type RefObject, useCallback } from 'react'
import { useDisclosure } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { useDrafts } from '../bridge/queries'
import { useBulk } from '../bulk/useBulk'
import type { ComposerHandle } from '../composer/Composer'
import { snoozeUi } from '../snooze'
import { jumpToNewMessages } from '../thread/jumpToNew'
import { useConversationActions } from './useConversationActions'
import { useInboxNavigation } from './useInboxNavigation'
import { useInboxShortcuts } from './useInboxShortcuts'
import { useNow } from './useNow'
import { useOpenConversationEffects } from './useOpenConversationEffects'
import { usePaletteCommands } from './usePaletteCommands'

export function useInboxShell(
  meUserId: string | null,
  composerRef: RefObject<ComposerHandle | null>,
  lastOpenConversation: string | null,
) {
  const { t } = useTranslation()
  const [navOpened, nav] = useDisclosure(false)
  const [settingsOpened, settingsDrawer] = useDisclosure(false)
  const [cheatOpened, cheatSheet] = useDisclosure(false)
  const now = useNow(30_000)
  const actions = useConversationActions()
  const drafts = useDrafts()
  const inbox = useInboxNavigation({
    meUserId,
    markRead: actions.markRead,
    onViewChanged: nav.close,
    lastOpenConversation,
  })
  const { openConversation, openId, setAssignOpened } = inbox
  const bulk = useBulk(inbox)
  useOpenConversationEffects(openId, openConversation?.unreadCount ?? 0, actions.markRead)

  const toggleArchive = useCallback(() => {
    if (openConversation) void actions.setArchived(openConversation.id, !openConversation.archived)
  }, [openConversation, actions])
  const focusComposer = useCallback(() => composerRef.current?.focus(), [composerRef])
  const focusSearch = useCallback(() => {
    const box = document.querySelector<HTMLInputElement>('[data-search-box]')
    box?.focus()
    box?.select()
  }, [])
  const openAssign = useCallback(() => {
    if (openConversation) setAssignOpened(true)
  }, [openConversation, setAssignOpened])
  const openSnooze = useCallback(() => openConversation && snoozeUi.setPickerOpened(true), [openConversation])
  const jumpToNew = useCallback(() => {
    if (openId && !jumpToNewMessages(openId)) notifications.show({ message: t('thread.noNewMessages') })
  }, [openId, t])
  useInboxShortcuts({
    move: inbox.move,
    openActive: inbox.openActive,
    toggleArchive,
    openAssign,
    focusComposer,
    markOpenRead: () => openId && actions.markRead(openId),
    jumpToNew,
    snooze: openSnooze,
    focusSearch,
    showCheatSheet: cheatSheet.open,
    ...bulk.shortcuts,
  })
  const commands = usePaletteCommands(openConversation, composerRef, {
    openSettings: settingsDrawer.open,
    showShortcuts: cheatSheet.open,
    focusSearch,
    toggleArchive,
    openAssign,
    jumpToNew,
    bulkCommands: bulk.commands,
    openSnooze,
  })
  return {
    inbox,
    actions,
    bulk,
    drafts: drafts.data,
    now,
    commands,
    nav: { opened: navOpened, toggle: nav.toggle },
    settings: { opened: settingsOpened, open: settingsDrawer.open, close: settingsDrawer.close },
    cheatSheet: { opened: cheatOpened, open: cheatSheet.open, close: cheatSheet.close },
  }
}
