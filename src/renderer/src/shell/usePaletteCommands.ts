/** The palette's commands: always settings, shortcuts and search; archive, assign, reply and "New messages"
 * when a conversation is open; then the bulk selection's (../bulk/useBulk.ts). */
import { type RefObject, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Conversation } from '../../../shared/api/schemas'
import type { PaletteCommand } from '../bulk/useBulk'
import type { ComposerHandle } from '../composer/Composer'

export interface PaletteCommandActions {
  openSettings: () => void
  showShortcuts: () => void
  focusSearch: () => void
  toggleArchive: () => void
  openAssign: () => void
  jumpToNew: () => void
  bulkCommands: PaletteCommand[]
}

export function usePaletteCommands(
  openConversation: Conversation | undefined | null,
  composerRef: RefObject<ComposerHandle | null>,
  actions: PaletteCommandActions,
) {
  const { t } = useTranslation()
  const { openSettings, showShortcuts, focusSearch, toggleArchive, openAssign, jumpToNew, bulkCommands } = actions
  return useMemo(
    () => [
      { id: 'settings', label: t('palette.openSettings'), run: openSettings },
      { id: 'shortcuts', label: t('palette.showShortcuts'), run: showShortcuts },
      // After the palette has closed and given focus back, or it would take it from the box.
      { id: 'search', label: t('palette.search'), run: focusSearch, runAfterClose: true },
      ...(openConversation
        ? [
            {
              id: 'archive',
              label: openConversation.archived ? t('palette.unarchive') : t('palette.archive'),
              run: toggleArchive,
            },
            { id: 'assign', label: t('palette.assign'), run: openAssign },
            { id: 'reply', label: t('composer.reply'), run: () => composerRef.current?.focus() },
            { id: 'newMessages', label: t('shortcuts.newMessages'), run: jumpToNew },
          ]
        : []),
      ...bulkCommands,
    ],
    [
      openSettings,
      showShortcuts,
      focusSearch,
      openConversation,
      toggleArchive,
      openAssign,
      composerRef,
      jumpToNew,
      bulkCommands,
      t,
    ],
  )
}
