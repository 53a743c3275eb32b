/**
 * The list's multi-select for bulk actions (issue 13 §2), as pure functions over an immutable value, so every
 * gesture is unit-tested (selection.test.ts) and the hook (useBulkSelection.ts) only holds the value.
 *
 * - A checkbox click, Ctrl/Cmd+click and X toggle one row and make it the anchor.
 * - Shift+click selects the range from the anchor to that row (added to what is selected).
 * - Shift+J/K extend: the row under the cursor and the next one joined.
 * - "Select all in this view" takes every id main names for the view (bulkViewIds), not only the rendered rows.
 * - A view change clears the selection; rows that leave the list (archived, filtered out) leave it too.
 */

export interface Selection {
  /** Selected conversation ids, in the order they were selected. */
  readonly ids: readonly string[]
  /** Where a Shift+click range starts: the last row toggled on or off. */
  readonly anchor: string | null
}

export const emptySelection: Selection = { ids: [], anchor: null }

export const isSelected = (selection: Selection, id: string): boolean => selection.ids.includes(id)

/** Checkbox, Ctrl/Cmd+click, X: one row in or out; it becomes the anchor either way. */
export function toggle(selection: Selection, id: string): Selection {
  const ids = selection.ids.includes(id) ? selection.ids.filter((x) => x !== id) : [...selection.ids, id]
  return { ids, anchor: id }
}

/** Every id of `add` joined to the selection (each once), in list order after what was there. */
function withAdded(selection: Selection, add: readonly string[], anchor: string | null): Selection {
  const have = new Set(selection.ids)
  const ids = [...selection.ids]
  for (const id of add) {
    if (have.has(id)) continue
    have.add(id)
    ids.push(id)
  }
  return { ids, anchor }
}

/**
 * Shift+click: the rows from the anchor to `id` (both in), in the list's `order`, joined to the selection. The
 * anchor stays, so the next Shift+click redraws from the same row. With no anchor (or one no longer in the list)
 * it is a toggle.
 */
export function selectRange(selection: Selection, order: readonly string[], id: string): Selection {
  const to = order.indexOf(id)
  const from = selection.anchor === null ? -1 : order.indexOf(selection.anchor)
  if (to < 0) return selection
  if (from < 0) return toggle(selection, id)
  const [start, end] = from <= to ? [from, to] : [to, from]
  return withAdded(selection, order.slice(start, end + 1), selection.anchor)
}

/**
 * Shift+J (`delta` 1) / Shift+K (-1): the cursor's row and the next one in that direction are selected, and the
 * cursor moves there. With no cursor, the first row. At either end of the list the cursor stays.
 */
export function extend(
  selection: Selection,
  order: readonly string[],
  cursor: string | null,
  delta: 1 | -1,
): { selection: Selection; cursor: string | null } {
  if (order.length === 0) return { selection, cursor }
  const at = cursor === null ? -1 : order.indexOf(cursor)
  if (at < 0) return { selection: withAdded(selection, [order[0]!], order[0]!), cursor: order[0]! }
  const next = Math.min(order.length - 1, Math.max(0, at + delta))
  const ids = [order[at]!, order[next]!]
  return { selection: withAdded(selection, ids, order[next]!), cursor: order[next]! }
}

/** "Select all in this view": exactly these ids (from main's bulkViewIds). */
export function selectAll(ids: readonly string[]): Selection {
  return { ids: [...new Set(ids)], anchor: null }
}

/** Only the ids still in the list; the same value when nothing left (so React does not render again). */
export function prune(selection: Selection, present: ReadonlySet<string>): Selection {
  if (selection.ids.every((id) => present.has(id))) return selection
  const anchor = selection.anchor !== null && present.has(selection.anchor) ? selection.anchor : null
  return { ids: selection.ids.filter((id) => present.has(id)), anchor }
}
