/**
 * Chromium's spell checker for the reply box: the dictionaries the core picks (../app/language.ts) applied to
 * the session, and the right-click menu with its suggestions, built from the pure model in
 * ../window/context-menu.ts.
 */
import { BrowserWindow, Menu, type MenuItemConstructorOptions, type Session, type WebContents } from 'electron'
import type { Translate } from '../i18n'
import type { SpellCheckerAdapter } from '../ports/shell-adapters'
import { type ContextMenuItem, contextMenuModel } from '../window'

export function createSpellCheckerAdapter(ses: Session): SpellCheckerAdapter {
  return {
    available: ses.availableSpellCheckerLanguages,
    setLanguages: (languages) => ses.setSpellCheckerLanguages([...languages]),
  }
}

/** Shows the model's menu on a right click in the window's page; words come from `t` at that moment. */
export function installContextMenu(contents: WebContents, t: Translate): void {
  contents.on('context-menu', (_event, params) => {
    const items = contextMenuModel(params, t)
    if (items.length === 0) return
    const template = items.map((item) => toTemplate(item, contents))
    Menu.buildFromTemplate(template).popup({ window: BrowserWindow.fromWebContents(contents) ?? undefined })
  })
}

function toTemplate(item: ContextMenuItem, contents: WebContents): MenuItemConstructorOptions {
  switch (item.kind) {
    case 'suggestion':
      return { label: item.label, click: () => contents.replaceMisspelling(item.word) }
    case 'noSuggestions':
      return { label: item.label, enabled: false }
    case 'addToDictionary':
      return { label: item.label, click: () => contents.session.addWordToSpellCheckerDictionary(item.word) }
    case 'edit':
      return { role: item.role, label: item.label, enabled: item.enabled }
    case 'separator':
      return { type: 'separator' }
  }
}
