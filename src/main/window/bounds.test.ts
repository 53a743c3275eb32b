import { describe, expect, it } from 'vitest'
import { DEFAULT_WINDOW_SIZE, initialWindowPlacement, MIN_WINDOW_SIZE } from './bounds'

const fullHd = { workArea: { x: 0, y: 0, width: 1920, height: 1040 } }
const rightMonitor = { workArea: { x: 1920, y: 0, width: 2560, height: 1400 } }

describe('initialWindowPlacement', () => {
  it('centres the default size on the primary display on a first run', () => {
    expect(initialWindowPlacement(null, [fullHd])).toEqual({
      bounds: { x: 360, y: 120, ...DEFAULT_WINDOW_SIZE },
      maximized: false,
    })
  })

  it('keeps saved bounds that are on a display, including a secondary one', () => {
    const onPrimary = { x: 100, y: 50, width: 1000, height: 700, maximized: false }
    expect(initialWindowPlacement(onPrimary, [fullHd]).bounds).toEqual({ x: 100, y: 50, width: 1000, height: 700 })
    const onSecondary = { x: 2500, y: 200, width: 1200, height: 900, maximized: true }
    expect(initialWindowPlacement(onSecondary, [fullHd, rightMonitor])).toEqual({
      bounds: { x: 2500, y: 200, width: 1200, height: 900 },
      maximized: true,
    })
  })

  it('brings bounds from an unplugged display back onto the primary, keeping the size', () => {
    const placement = initialWindowPlacement({ x: 2500, y: 200, width: 1200, height: 900, maximized: false }, [fullHd])
    expect(placement.bounds).toEqual({ x: 360, y: 70, width: 1200, height: 900 })
  })

  it('does not keep a window whose title bar is off screen, even if its body shows', () => {
    const titleBarAbove = { x: 100, y: -500, width: 1000, height: 800, maximized: false }
    expect(initialWindowPlacement(titleBarAbove, [fullHd]).bounds.y).toBeGreaterThanOrEqual(0)
    const barelyVisible = { x: 1900, y: 100, width: 1000, height: 700, maximized: false }
    expect(initialWindowPlacement(barelyVisible, [fullHd]).bounds.x).toBe(460)
  })

  it('shrinks a window bigger than its display, and never below the minimum size', () => {
    const huge = { x: 0, y: 0, width: 5000, height: 3000, maximized: false }
    expect(initialWindowPlacement(huge, [fullHd]).bounds).toEqual({ x: 0, y: 0, width: 1920, height: 1040 })
    const tiny = { x: 10, y: 10, width: 50, height: 20, maximized: false }
    expect(initialWindowPlacement(tiny, [fullHd]).bounds).toMatchObject(MIN_WINDOW_SIZE)
  })

  it('copes with no display information', () => {
    expect(initialWindowPlacement(null, []).bounds).toMatchObject(DEFAULT_WINDOW_SIZE)
  })
})
