/**
 * Bulk actions in the shell (issue 13 §2): the list's selection, the batch on screen, the bar's assign picker,
 * and the commands the palette offers for them. The batch runs in main (src/main/bulk) on the ids selected; once
 * it has started, the selection is cleared (the rows it changes may leave the view anyway).
 */
import { useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BulkAction } from '../../../shared/ipc/bulk'
import type { InboxNavigation } from '../shell/useInboxNavigation'
import { useBulkBatch } from './useBulkBatch'
import { useBulkSelection } from './useBulkSelection'

export interface PaletteCommand {
  id: string
  label: string
  description?: string
  run: () => void
  runAfterClose?: boolean
}

export function useBulk(inbox: InboxNavigation) {
  const { t } = useTranslation()
  const selection = useBulkSelection({
    view: inbox.view,
    filters: inbox.filters,
    search: inbox.deferredSearch,
    visible: inbox.visible,
    activeId: inbox.activeId,
    move: inbox.move,
  })
  const batch = useBulkBatch()
  const [assignOpened, setAssignOpened] = useState(false)
  const [snoozeOpened, setSnoozeOpened] = useState(false)
  const { ids } = selection.selection
  const { start } = batch
  const { clear } = selection
  const act = useCallback(
    async (action: BulkAction) => {
      if (ids.length === 0) return
      if (await start(action, ids)) clear()
    },
    [ids, start, clear],
  )
  const archiveView = inbox.view === 'archive'
  const commands = useMemo<PaletteCommand[]>(() => {
    const always: PaletteCommand[] = [
      { id: 'bulkToggle', label: t('shortcuts.toggleSelect'), description: 'X', run: selection.toggleActive },
      { id: 'bulkSelectAll', label: t('palette.selectAll'), run: () => void selection.selectAllInView() },
    ]
    if (ids.length === 0) return always
    const count = t('bulk.selected', { count: ids.length, shown: String(ids.length) })
    return [
      ...always,
      archiveView
        ? {
            id: 'bulkUnarchive',
            label: t('bulk.unarchive'),
            description: count,
            run: () => void act({ type: 'unarchive' }),
          }
        : { id: 'bulkArchive', label: t('bulk.archive'), description: count, run: () => void act({ type: 'archive' }) },
      { id: 'bulkMarkRead', label: t('bulk.markRead'), description: count, run: () => void act({ type: 'markRead' }) },
      // After the palette has given focus back, or the picker's search box loses it at once.
      {
        id: 'bulkAssign',
        label: t('bulk.assign'),
        description: count,
        run: () => setAssignOpened(true),
        runAfterClose: true,
      },
      { id: 'bulkUnassign', label: t('bulk.unassign'), description: count, run: () => void act({ type: 'unassign' }) },
      {
        id: 'bulkSnooze',
        label: t('bulk.snooze'),
        description: count,
        run: () => setSnoozeOpened(true),
        runAfterClose: true,
      },
      { id: 'bulkClear', label: t('bulk.clear'), description: 'Esc', run: clear },
    ]
  }, [t, selection, ids.length, archiveView, act, clear])
  return {
    selection,
    batch,
    assignOpened,
    setAssignOpened,
    snoozeOpened,
    setSnoozeOpened,
    act,
    archiveView,
    commands,
    shortcuts: shortcutsOf(selection),
  }
}

/** X, Shift+J/K and Esc for ../shell/useInboxShortcuts.ts (Esc only when something is selected). */
function shortcutsOf(selection: ReturnType<typeof useBulkSelection>) {
  return {
    toggleSelect: selection.toggleActive,
    extendSelection: selection.extend,
    clearSelection: () => {
      if (selection.count === 0) return false
      selection.clear()
      return true
    },
  }
}

export type InboxBulk = ReturnType<typeof useBulk>
