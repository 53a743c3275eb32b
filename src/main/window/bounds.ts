/**
 * Where the window opens: the saved bounds when they are still on a screen
 * (monitors get unplugged, resolutions change), otherwise the saved size
 * centred on the primary display. Pure, so the shell only feeds it
 * `screen.getAllDisplays()`.
 */
import type { WindowBounds } from '../ports/shell-adapters'

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface DisplayArea {
  /** The usable area (without task bars), as Electron's `Display.workArea`. */
  workArea: Rect
}

export const DEFAULT_WINDOW_SIZE = { width: 1200, height: 800 }
export const MIN_WINDOW_SIZE = { width: 720, height: 480 }
/** How much of the window must show on some display for saved bounds to be kept: enough to grab it. */
export const MIN_VISIBLE = { width: 160, height: 80 }

function intersection(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x)
  const y = Math.max(a.y, b.y)
  const width = Math.min(a.x + a.width, b.x + b.width) - x
  const height = Math.min(a.y + a.height, b.y + b.height) - y
  return width > 0 && height > 0 ? { x, y, width, height } : null
}

function centred(size: { width: number; height: number }, area: Rect): Rect {
  const width = Math.min(size.width, area.width)
  const height = Math.min(size.height, area.height)
  return {
    x: Math.round(area.x + (area.width - width) / 2),
    y: Math.round(area.y + (area.height - height) / 2),
    width,
    height,
  }
}

export interface InitialWindowPlacement {
  bounds: Rect
  maximized: boolean
}

/**
 * @param saved what was saved last time (null on a first run)
 * @param displays every display; the first is the primary
 */
export function initialWindowPlacement(saved: WindowBounds | null, displays: DisplayArea[]): InitialWindowPlacement {
  const primary = displays[0]?.workArea ?? { x: 0, y: 0, ...DEFAULT_WINDOW_SIZE }
  if (!saved) return { bounds: centred(DEFAULT_WINDOW_SIZE, primary), maximized: false }
  const size = {
    width: Math.max(MIN_WINDOW_SIZE.width, Math.round(saved.width)),
    height: Math.max(MIN_WINDOW_SIZE.height, Math.round(saved.height)),
  }
  const wanted = { x: Math.round(saved.x), y: Math.round(saved.y), ...size }
  // The top strip (title bar) must be reachable, not just any corner.
  const titleBar = {
    x: wanted.x,
    y: wanted.y,
    width: wanted.width,
    height: Math.min(wanted.height, MIN_VISIBLE.height),
  }
  const host = displays.find((display) => {
    const visible = intersection(titleBar, display.workArea)
    return (
      visible !== null &&
      visible.width >= Math.min(MIN_VISIBLE.width, wanted.width) &&
      visible.height >= Math.min(MIN_VISIBLE.height / 2, titleBar.height)
    )
  })
  if (!host) return { bounds: centred(size, primary), maximized: saved.maximized }
  // On a display, but maybe bigger than it now is: shrink to fit.
  const area = host.workArea
  const width = Math.min(wanted.width, area.width)
  const height = Math.min(wanted.height, area.height)
  return { bounds: { x: wanted.x, y: wanted.y, width, height }, maximized: saved.maximized }
}
