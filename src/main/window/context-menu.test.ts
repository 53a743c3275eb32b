import { describe, expect, it } from 'vitest'
import de from '../../shared/i18n/catalogs/de.json'
import { createMainI18n } from '../i18n'
import { contextMenuModel, type ContextMenuParams } from './context-menu'

const english = createMainI18n({ systemLocales: ['en-US'], preference: 'system' }).t
const editable: ContextMenuParams = {
  isEditable: true,
  selectionText: '',
  misspelledWord: '',
  dictionarySuggestions: [],
  editFlags: { canCut: false, canCopy: false, canPaste: true, canSelectAll: true },
}

describe('contextMenuModel', () => {
  it('offers the suggestions for a misspelled word, then Add to dictionary, then editing', () => {
    const items = contextMenuModel(
      { ...editable, misspelledWord: 'recieve', dictionarySuggestions: ['receive', 'relieve', 'a', 'b', 'c', 'd'] },
      english,
    )
    expect(items.slice(0, 7)).toEqual([
      { kind: 'suggestion', label: 'receive', word: 'receive' },
      { kind: 'suggestion', label: 'relieve', word: 'relieve' },
      { kind: 'suggestion', label: 'a', word: 'a' },
      { kind: 'suggestion', label: 'b', word: 'b' },
      { kind: 'suggestion', label: 'c', word: 'c' },
      { kind: 'addToDictionary', label: 'Add “recieve” to the dictionary', word: 'recieve' },
      { kind: 'separator' },
    ])
    expect(items.slice(7).map((item) => item.kind === 'edit' && [item.role, item.enabled])).toEqual([
      ['cut', false],
      ['copy', false],
      ['paste', true],
      ['selectAll', true],
    ])
  })

  it('says when Chromium has no suggestion, and still offers to add the word', () => {
    const items = contextMenuModel({ ...editable, misspelledWord: 'Okafor' }, english)
    expect(items[0]).toEqual({ kind: 'noSuggestions', label: 'No spelling suggestions' })
    expect(items[1]).toMatchObject({ kind: 'addToDictionary', word: 'Okafor' })
  })

  it('is only Copy on selected text outside a field, and nothing on plain UI', () => {
    const text = { ...editable, isEditable: false, selectionText: 'order 1234' }
    expect(contextMenuModel(text, english)).toEqual([{ kind: 'edit', role: 'copy', label: 'Copy', enabled: true }])
    expect(contextMenuModel({ ...text, selectionText: ' ' }, english)).toEqual([])
    // A misspelling outside an editable field (Chromium does not report one there) changes nothing.
    expect(contextMenuModel({ ...text, selectionText: '', misspelledWord: 'x' }, english)).toEqual([])
  })

  it('speaks the UI language', () => {
    const german = createMainI18n({ systemLocales: [], preference: 'de' }).t
    const items = contextMenuModel({ ...editable, misspelledWord: 'Hallo' }, german)
    expect(items.map((item) => ('label' in item ? item.label : '—'))).toEqual([
      de.contextMenu.noSuggestions,
      de.contextMenu.addToDictionary.replace('{{word}}', 'Hallo'),
      '—',
      de.contextMenu.cut,
      de.contextMenu.copy,
      de.contextMenu.paste,
      de.contextMenu.selectAll,
    ])
  })
})
