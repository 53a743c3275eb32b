import { describe, expect, it } from 'vitest'
import { emptySelection, extend, isSelected, prune, selectAll, selectRange, toggle, type Selection } from './selection'

const order = ['a', 'b', 'c', 'd', 'e', 'f']
const of = (ids: string[], anchor: string | null = null): Selection => ({ ids, anchor })

describe('toggle (checkbox, Ctrl/Cmd+click, X)', () => {
  it('adds a row, then takes it out again; the row is the anchor both times', () => {
    const on = toggle(emptySelection, 'c')
    expect(on).toEqual(of(['c'], 'c'))
    expect(isSelected(on, 'c')).toBe(true)
    const off = toggle(toggle(on, 'e'), 'c')
    expect(off).toEqual(of(['e'], 'c'))
    expect(isSelected(off, 'c')).toBe(false)
  })
})

describe('selectRange (Shift+click)', () => {
  it('selects from the anchor down to the row, both in', () => {
    expect(selectRange(of(['b'], 'b'), order, 'e').ids).toEqual(['b', 'c', 'd', 'e'])
  })

  it('selects upwards too, and keeps the anchor for the next Shift+click', () => {
    const up = selectRange(of(['e'], 'e'), order, 'c')
    expect(up).toEqual(of(['e', 'c', 'd'], 'e'))
    expect(selectRange(up, order, 'f').ids).toEqual(['e', 'c', 'd', 'f'])
  })

  it('joins what was selected before, each id once', () => {
    expect(selectRange(of(['a', 'd'], 'd'), order, 'f').ids).toEqual(['a', 'd', 'e', 'f'])
  })

  it('is a toggle with no anchor, or one that left the list', () => {
    expect(selectRange(emptySelection, order, 'c')).toEqual(of(['c'], 'c'))
    expect(selectRange(of(['x'], 'x'), order, 'c')).toEqual(of(['x', 'c'], 'c'))
  })

  it('ignores a row not in the list', () => {
    const before = of(['a'], 'a')
    expect(selectRange(before, order, 'zz')).toBe(before)
  })
})

describe('extend (Shift+J / Shift+K)', () => {
  it('selects the cursor row and the next, and moves the cursor', () => {
    const down = extend(emptySelection, order, 'b', 1)
    expect(down).toEqual({ selection: of(['b', 'c'], 'c'), cursor: 'c' })
    const again = extend(down.selection, order, down.cursor, 1)
    expect(again).toEqual({ selection: of(['b', 'c', 'd'], 'd'), cursor: 'd' })
  })

  it('goes up with -1 and stops at the ends', () => {
    expect(extend(emptySelection, order, 'b', -1).selection.ids).toEqual(['b', 'a'])
    expect(extend(emptySelection, order, 'a', -1)).toEqual({ selection: of(['a'], 'a'), cursor: 'a' })
    expect(extend(emptySelection, order, 'f', 1).cursor).toBe('f')
  })

  it('starts on the first row without a cursor, and does nothing on an empty list', () => {
    expect(extend(emptySelection, order, null, 1)).toEqual({ selection: of(['a'], 'a'), cursor: 'a' })
    expect(extend(of(['q']), [], 'q', 1)).toEqual({ selection: of(['q']), cursor: 'q' })
  })
})

describe('selectAll and prune', () => {
  it('select all takes main’s ids for the view, each once, with no anchor', () => {
    expect(selectAll(['a', 'b', 'a', 'zz'])).toEqual(of(['a', 'b', 'zz']))
  })

  it('prune keeps only the rows still in the list, and the anchor if it stayed', () => {
    expect(prune(of(['a', 'c', 'e'], 'c'), new Set(['a', 'c']))).toEqual(of(['a', 'c'], 'c'))
    expect(prune(of(['a', 'c'], 'c'), new Set(['a']))).toEqual(of(['a'], null))
  })

  it('prune gives back the same value when every row is still there', () => {
    const selection = of(['a', 'b'], 'b')
    expect(prune(selection, new Set(order))).toBe(selection)
  })
})
