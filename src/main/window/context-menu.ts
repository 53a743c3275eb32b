/**
 * The window's right-click menu, as data: the shell (shell/context-menu.ts) turns it into a native menu. For a
 * misspelled word in the reply box, Chromium's suggestions first (clicking one replaces the word) and "Add to
 * dictionary"; then the edit commands an editable field allows, or Copy for selected text elsewhere. In the UI
 * language (`t`).
 */
import type { Translate } from '../i18n'

/** What Electron's `context-menu` event says, the part the menu needs. */
export interface ContextMenuParams {
  isEditable: boolean
  selectionText: string
  misspelledWord: string
  dictionarySuggestions: string[]
  editFlags: { canCut: boolean; canCopy: boolean; canPaste: boolean; canSelectAll: boolean }
}

export type EditRole = 'cut' | 'copy' | 'paste' | 'selectAll'

export type ContextMenuItem =
  | { kind: 'suggestion'; label: string; word: string }
  | { kind: 'noSuggestions'; label: string }
  | { kind: 'addToDictionary'; label: string; word: string }
  | { kind: 'edit'; role: EditRole; label: string; enabled: boolean }
  | { kind: 'separator' }

/** Enough to pick from; Chromium may offer more. */
export const MAX_SUGGESTIONS = 5

const editRoles: { role: EditRole; flag: keyof ContextMenuParams['editFlags'] }[] = [
  { role: 'cut', flag: 'canCut' },
  { role: 'copy', flag: 'canCopy' },
  { role: 'paste', flag: 'canPaste' },
  { role: 'selectAll', flag: 'canSelectAll' },
]

/** An empty list: no menu at all (a right click on plain UI). */
export function contextMenuModel(params: ContextMenuParams, t: Translate): ContextMenuItem[] {
  const items: ContextMenuItem[] = []
  const word = params.misspelledWord.trim()
  if (params.isEditable && word) {
    const suggestions = params.dictionarySuggestions.slice(0, MAX_SUGGESTIONS)
    if (suggestions.length === 0) items.push({ kind: 'noSuggestions', label: t('contextMenu.noSuggestions') })
    for (const suggestion of suggestions) items.push({ kind: 'suggestion', label: suggestion, word: suggestion })
    items.push({ kind: 'addToDictionary', label: t('contextMenu.addToDictionary', { word }), word })
    items.push({ kind: 'separator' })
  }
  if (params.isEditable) {
    for (const { role, flag } of editRoles) {
      items.push({ kind: 'edit', role, label: t(`contextMenu.${role}`), enabled: params.editFlags[flag] })
    }
  } else if (params.selectionText.trim()) {
    items.push({ kind: 'edit', role: 'copy', label: t('contextMenu.copy'), enabled: true })
  }
  return items
}
