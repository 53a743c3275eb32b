/** The palette's commands: always settings, shortcuts and search; archive, assign, snooze, reply and "New messages"
 * when a conversation is open; then the bulk selection's (../bulk/useBulk.ts) and the Snoozed view. */
import { type RefObject, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Conversation } from '../../../shared/api/schemas'
import type { PaletteCommand } from '../bulk/useBulk'
import type { ComposerHandle } from '../composer/Composer'
import { snoozeUi } from '../snooze'

export interface PaletteCommandActions {
  openSettings: () => void
  showShortcuts: () => void
  focusSearch: () => void
  toggleArchive: () => void
  openAssign: () => void
  jumpToNew: () => void
  bulkCommands: PaletteCommand[]
  openSnooze: () => void
}

export function usePaletteCommands(
  openConversation: Conversation | undefined | null,
  composerRef: RefObject<ComposerHandle | null>,
  actions: PaletteCommandActions,
) {
  const { t } = useTranslation()
  const { openSettings, showShortcuts, focusSearch, toggleArchive, openAssign, jumpToNew, openSnooze, bulkCommands } =
    actions
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
            // Once the palette has given focus back: the picker's popover takes it.
            { id: 'snooze', label: t('palette.snooze'), run: openSnooze, runAfterClose: true },
            { id: 'reply', label: t('composer.reply'), run: () => composerRef.current?.focus() },
            { id: 'newMessages', label: t('shortcuts.newMessages'), run: jumpToNew },
          ]
        : []),
      ...bulkCommands,
      // After "Snooze…", which the same letters find first.
      { id: 'snoozed', label: t('palette.goTo', { view: t('snooze.view') }), run: snoozeUi.showView },
    ],
    [
      openSettings,
      showShortcuts,
      focusSearch,
      openConversation,
      toggleArchive,
      openAssign,
      openSnooze,
      composerRef,
      jumpToNew,
      bulkCommands,
      t,
    ],
  )
}
