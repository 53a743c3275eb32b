/**
 * The tray icon with the unread count drawn into it, and the Windows overlay
 * badge: RGBA pixels drawn here and encoded as PNG with node:zlib, so the
 * shell only wraps the bytes in `nativeImage.createFromBuffer`. Pure and
 * deterministic: the same count always gives the same bytes.
 *
 * Legibility over style: a red badge with a white rim (it stays visible on
 * light and dark panels alike) and bold white digits from a 3×5 pixel font
 * scaled up, never antialiased text that blurs at 16–32 px.
 */
import { deflateSync } from 'node:zlib'
import type { Translate } from '../i18n'

export const TRAY_ICON_SIZE = 32
export const OVERLAY_ICON_SIZE = 16
export const MAX_SHOWN_COUNT = 99

/** What the badge says: nothing at 0, the count up to 99, then "99+". */
export function badgeLabel(count: number): string {
  if (!Number.isFinite(count) || count <= 0) return ''
  const whole = Math.floor(count)
  return whole > MAX_SHOWN_COUNT ? `${MAX_SHOWN_COUNT}+` : String(whole)
}

/** The tray tooltip (also what a screen reader announces for the tray), in the UI language. The count is the
 * badge's ("99+" past 99); the plural form follows the real number. */
export function trayTooltip(count: number, t: Translate): string {
  const label = badgeLabel(count)
  return label ? t('tray.tooltip', { count, badge: label }) : t('tray.idle')
}

// A 3×5 font: each glyph is 5 rows of 3 bits, the high bit on the left.
const GLYPHS: Record<string, number[]> = {
  '0': [0b111, 0b101, 0b101, 0b101, 0b111],
  '1': [0b010, 0b110, 0b010, 0b010, 0b111],
  '2': [0b111, 0b001, 0b111, 0b100, 0b111],
  '3': [0b111, 0b001, 0b111, 0b001, 0b111],
  '4': [0b101, 0b101, 0b111, 0b001, 0b001],
  '5': [0b111, 0b100, 0b111, 0b001, 0b111],
  '6': [0b111, 0b100, 0b111, 0b101, 0b111],
  '7': [0b111, 0b001, 0b010, 0b010, 0b010],
  '8': [0b111, 0b101, 0b111, 0b101, 0b111],
  '9': [0b111, 0b101, 0b111, 0b001, 0b111],
  '+': [0b000, 0b010, 0b111, 0b010, 0b000],
}
const GLYPH_WIDTH = 3
const GLYPH_HEIGHT = 5

export type Rgba = readonly [number, number, number, number]
export const COLORS = {
  /** The app's blue (Mantine blue.7). */
  base: [0x19, 0x71, 0xc2, 0xff] as Rgba,
  white: [0xff, 0xff, 0xff, 0xff] as Rgba,
  /** Mantine red.8: white text on it has a contrast ratio above 5:1. */
  badge: [0xe0, 0x31, 0x31, 0xff] as Rgba,
} as const

/** An RGBA canvas, row-major, 4 bytes a pixel. */
export class Canvas {
  readonly pixels: Uint8Array
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8Array(width * height * 4)
  }

  get(x: number, y: number): Rgba {
    const i = (y * this.width + x) * 4
    return [this.pixels[i]!, this.pixels[i + 1]!, this.pixels[i + 2]!, this.pixels[i + 3]!]
  }

  /** Source-over blend of `color` at `coverage` (0..1) onto the pixel. */
  blend(x: number, y: number, color: Rgba, coverage = 1) {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height || coverage <= 0) return
    const i = (y * this.width + x) * 4
    const srcA = (color[3] / 255) * Math.min(1, coverage)
    const dstA = this.pixels[i + 3]! / 255
    const outA = srcA + dstA * (1 - srcA)
    for (let c = 0; c < 3; c++) {
      const src = color[c]!
      const dst = this.pixels[i + c]!
      this.pixels[i + c] = outA === 0 ? 0 : Math.round((src * srcA + dst * dstA * (1 - srcA)) / outA)
    }
    this.pixels[i + 3] = Math.round(outA * 255)
  }

  /** A filled rounded rectangle, antialiased by 4×4 supersampling of its edges. */
  roundedRect(x: number, y: number, width: number, height: number, radius: number, color: Rgba) {
    const r = Math.min(radius, width / 2, height / 2)
    const inside = (px: number, py: number) => {
      const cx = Math.min(Math.max(px, x + r), x + width - r)
      const cy = Math.min(Math.max(py, y + r), y + height - r)
      return (px - cx) ** 2 + (py - cy) ** 2 <= r * r && px >= x && px <= x + width && py >= y && py <= y + height
    }
    for (let py = Math.floor(y); py < Math.ceil(y + height); py++) {
      for (let px = Math.floor(x); px < Math.ceil(x + width); px++) {
        let hits = 0
        for (let sy = 0; sy < 4; sy++)
          for (let sx = 0; sx < 4; sx++) if (inside(px + (sx + 0.5) / 4, py + (sy + 0.5) / 4)) hits++
        this.blend(px, py, color, hits / 16)
      }
    }
  }

  /** Text from the pixel font, each font pixel a `scale`×`scale` square; returns the width drawn. */
  text(label: string, x: number, y: number, scale: number, color: Rgba): number {
    let cursor = x
    for (const char of label) {
      const glyph = GLYPHS[char]
      if (!glyph) throw new Error(`The tray font has no glyph for "${char}"`)
      glyph.forEach((row, gy) => {
        for (let gx = 0; gx < GLYPH_WIDTH; gx++) {
          if (!(row & (1 << (GLYPH_WIDTH - 1 - gx)))) continue
          for (let dy = 0; dy < scale; dy++)
            for (let dx = 0; dx < scale; dx++) this.blend(cursor + gx * scale + dx, y + gy * scale + dy, color)
        }
      })
      cursor += (GLYPH_WIDTH + 1) * scale
    }
    return cursor - x - scale
  }
}

export function textWidth(label: string, scale: number): number {
  return label.length === 0 ? 0 : label.length * (GLYPH_WIDTH + 1) * scale - scale
}

// ---- PNG -------------------------------------------------------------------------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
})()

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(typeAndData))
  return Buffer.concat([length, typeAndData, crc])
}

/** PNG bytes of an RGBA canvas (8-bit, no interlace, filter 0 on every row). */
export function encodePng(canvas: Canvas): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(canvas.width, 0)
  header.writeUInt32BE(canvas.height, 4)
  header[8] = 8 // bit depth
  header[9] = 6 // RGBA
  const stride = canvas.width * 4
  const raw = Buffer.alloc((stride + 1) * canvas.height)
  for (let y = 0; y < canvas.height; y++) {
    raw[y * (stride + 1)] = 0
    raw.set(canvas.pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array(0)),
  ])
}

// ---- The icons --------------------------------------------------------------------

/** The badge (white rim, red fill, white label) with its bottom-right corner at (right, bottom). */
function drawBadge(canvas: Canvas, label: string, right: number, bottom: number, scale: number) {
  const rim = scale >= 2 ? 2 : 1
  const padding = scale >= 2 ? 2 : 1
  const innerWidth = Math.max(textWidth(label, scale) + padding * 2, GLYPH_HEIGHT * scale + padding * 2)
  const innerHeight = GLYPH_HEIGHT * scale + padding * 2
  const width = innerWidth + rim * 2
  const height = innerHeight + rim * 2
  const x = right - width
  const y = bottom - height
  canvas.roundedRect(x, y, width, height, height / 2, COLORS.white)
  canvas.roundedRect(x + rim, y + rim, innerWidth, innerHeight, innerHeight / 2, COLORS.badge)
  const textX = x + rim + Math.round((innerWidth - textWidth(label, scale)) / 2)
  canvas.text(label, textX, y + rim + padding, scale, COLORS.white)
}

/** The tray icon's pixels: the app mark, plus the badge when there is something unread. */
export function drawTrayIcon(count: number, size = TRAY_ICON_SIZE): Canvas {
  const canvas = new Canvas(size, size)
  const unit = size / 32
  // The app mark: a blue rounded square with a white speech bubble.
  canvas.roundedRect(1 * unit, 1 * unit, 30 * unit, 30 * unit, 7 * unit, COLORS.base)
  canvas.roundedRect(7 * unit, 8 * unit, 18 * unit, 12 * unit, 4 * unit, COLORS.white)
  canvas.roundedRect(9 * unit, 18 * unit, 5 * unit, 5 * unit, 1 * unit, COLORS.white)
  const label = badgeLabel(count)
  // The badge takes the lower part, wide enough for "99+" at 2× scale in 32 px.
  if (label) drawBadge(canvas, label, size, size, Math.max(1, Math.floor(size / 16)))
  return canvas
}

/** PNG bytes of the tray icon for this unread count. */
export function renderTrayIcon(count: number, size = TRAY_ICON_SIZE): Buffer {
  return encodePng(drawTrayIcon(count, size))
}

/** PNG bytes of the Windows taskbar overlay (the badge alone), or null at 0 (no overlay). */
export function renderOverlayIcon(count: number): Buffer | null {
  const label = badgeLabel(count)
  if (!label) return null
  const canvas = new Canvas(OVERLAY_ICON_SIZE, OVERLAY_ICON_SIZE)
  const scale = 1
  const rim = 1
  const diameter = OVERLAY_ICON_SIZE
  canvas.roundedRect(0, 0, diameter, diameter, diameter / 2, COLORS.white)
  canvas.roundedRect(rim, rim, diameter - rim * 2, diameter - rim * 2, diameter / 2 - rim, COLORS.badge)
  const textX = Math.round((diameter - textWidth(label, scale)) / 2)
  canvas.text(label, textX, Math.round((diameter - GLYPH_HEIGHT * scale) / 2), scale, COLORS.white)
  return encodePng(canvas)
}
